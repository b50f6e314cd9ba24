package dev.cubby.fuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The config's mount-options for the mount inside the serving process. */
class MountOptionsParseTest {
    private static final Path POINT = Path.of("/mnt/nas");

    @Test
    void everyOptionIsRead() {
        assertEquals(new MountOptions(POINT, true, 1000, 100, 027, true),
                MountOptions.parse(POINT, "ro, uid=1000,gid=100 ,umask=027,allow_other"));
        assertEquals(new MountOptions(POINT, false, null, null, null, false), MountOptions.parse(POINT, null));
        assertEquals(new MountOptions(POINT, false, null, null, null, false), MountOptions.parse(POINT, " "));
    }

    @Test
    void wrongOptionsAreRefusedWithTheReason() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> MountOptions.parse(POINT, "ro,rw"));
        assertTrue(unknown.getMessage().contains("'rw'") && unknown.getMessage().contains("known"), unknown.getMessage());
        var noNumber = assertThrows(IllegalArgumentException.class, () -> MountOptions.parse(POINT, "uid=me"));
        assertTrue(noNumber.getMessage().contains("uid=me"), noNumber.getMessage());
        var notOctal = assertThrows(IllegalArgumentException.class, () -> MountOptions.parse(POINT, "umask=089"));
        assertTrue(notOctal.getMessage().contains("octal"), notOctal.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> MountOptions.parse(POINT, "gid"));
        assertTrue(missing.getMessage().contains("gid"), missing.getMessage());
    }
}

package dev.cubby.fuse;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FuseAvailabilityTest {
    @TempDir
    Path dir;

    @Test
    void aMissingDeviceSaysHowToProvideIt() {
        var e = assertThrows(FuseUnavailable.class,
                () -> FuseAvailability.require(dir.resolve("no-fuse-device"), List.of("/usr/lib")));
        assertEquals("cannot mount: " + dir.resolve("no-fuse-device") + " is missing; load the kernel module "
                + "(modprobe fuse) or, in a container, pass the device (--device /dev/fuse)", e.getMessage());
    }

    @Test
    void aMissingLibrarySaysWhatToInstall() throws IOException {
        Path device = Files.createFile(dir.resolve("fuse"));
        var e = assertThrows(FuseUnavailable.class,
                () -> FuseAvailability.require(device, List.of(dir.resolve("empty-lib").toString())));
        assertEquals("cannot mount: libfuse2 is not installed; install it with: apt-get install fuse3 libfuse2",
                e.getMessage());
    }

    @Test
    void thisMachineHasBoth() {
        assertDoesNotThrow(() -> FuseAvailability.require());
    }
}

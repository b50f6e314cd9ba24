package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code mount-options:} apply to the mount inside the serving process: here read-only with a umask. */
class ServeWithReadOnlyMountTest {
    private static final Path MOUNT_POINT;
    private static final Path CONFIG;

    static {
        try {
            MOUNT_POINT = Files.createTempDirectory("cubby-serve-ro-mnt-");
            CONFIG = Files.createTempFile("cubby-serve-ro-mount-", ".yaml");
            Files.writeString(CONFIG, "mount: " + MOUNT_POINT + "\nmount-options: ro,umask=077\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--config", CONFIG.toString());

    @AfterAll
    static void unmount() throws IOException {
        try {
            server.close();
        } finally {
            CubbyMount.forceUnmount(MOUNT_POINT);
            Files.deleteIfExists(MOUNT_POINT);
            Files.deleteIfExists(CONFIG);
        }
    }

    @Test
    void theMountShowsTheTreeButRefusesChanges() throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!CubbyMount.isMounted(MOUNT_POINT) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(CubbyMount.isMounted(MOUNT_POINT), server.log());
        String bucket = server.newBucket("ro");
        byte[] body = FixtureTree.seeded(5_000, 3);
        server.client().putObject(b -> b.bucket(bucket).key("a.bin"), RequestBody.fromBytes(body));

        Path seen = MOUNT_POINT.resolve(bucket).resolve("a.bin");
        assertArrayEquals(body, Files.readAllBytes(seen));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(seen)),
                "umask=077 clears group and other bits");
        IOException refused = assertThrows(IOException.class,
                () -> Files.writeString(MOUNT_POINT.resolve(bucket).resolve("new.txt"), "x"));
        assertTrue(String.valueOf(refused.getMessage()).contains("Read-only"), refused.toString());
        assertTrue(Files.notExists(server.file(bucket, "new.txt")));
    }
}

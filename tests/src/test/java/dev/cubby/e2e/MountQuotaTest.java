package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bucket's quota holds for writes through the mount as a filesystem quota does: a write that
 * would take the bucket past it fails with EDQUOT ("Disk quota exceeded"), the files already
 * there are untouched, and a file rewritten is credited with the bytes it replaces.
 */
class MountQuotaTest {
    private static final int KIB = 1024;
    private static final Path CONFIG = ConfigFiles.write("""
            quotas:
              capped: 1MiB
              rewritten: 1MiB
              grown: 1MiB
            """);

    @RegisterExtension
    @Order(1)
    static final TestServer server = TestServer.empty()
            .args("--config", CONFIG.toString())
            .tree(root -> {
                Files.createDirectory(root.resolve("capped"));
                Files.createDirectory(root.resolve("rewritten"));
                Files.createDirectory(root.resolve("grown"));
            });

    @RegisterExtension
    @Order(2)
    static final ServerMount mount = ServerMount.of(server, "--config", CONFIG.toString());

    @Test
    void aNewFilePastTheQuotaFailsWithDiskQuotaExceededAndTheOthersStay() throws IOException {
        byte[] first = FixtureTree.seeded(600 * KIB, 1);
        Files.write(mount.path("capped", "first.bin"), first);

        IOException refused = assertThrows(IOException.class,
                () -> Files.write(mount.path("capped", "second.bin"), FixtureTree.seeded(600 * KIB, 2)));

        assertTrue(String.valueOf(refused.getMessage()).contains("Disk quota exceeded"), refused.toString());
        assertArrayEquals(first, Files.readAllBytes(server.file("capped", "first.bin")));
        Path second = server.file("capped", "second.bin");
        assertTrue(!Files.exists(second) || Files.size(second) < 600 * KIB,
                "none of the refused file's bytes past the quota were published");
    }

    @Test
    void aRewriteIsCreditedWithTheBytesItReplaces() throws IOException {
        Files.write(mount.path("rewritten", "doc.bin"), FixtureTree.seeded(600 * KIB, 3));
        byte[] larger = FixtureTree.seeded(900 * KIB, 4);

        Files.write(mount.path("rewritten", "doc.bin"), larger);

        assertArrayEquals(larger, Files.readAllBytes(server.file("rewritten", "doc.bin")));
    }

    @Test
    void growingAnOpenFilePastTheQuotaFailsAndKeepsWhatWasThere() throws IOException {
        byte[] start = FixtureTree.seeded(512 * KIB, 5);
        Files.write(mount.path("grown", "log.bin"), start);

        try (var file = new RandomAccessFile(mount.path("grown", "log.bin").toFile(), "rw")) {
            file.seek(file.length());
            file.write(new byte[256 * KIB]);
            IOException refused = assertThrows(IOException.class, () -> file.write(new byte[512 * KIB]));
            assertTrue(String.valueOf(refused.getMessage()).contains("Disk quota exceeded"), refused.toString());
        }

        // The kernel hands the last write over in pieces; those that fitted (up to the 1 MiB quota) stay.
        byte[] kept = Files.readAllBytes(server.file("grown", "log.bin"));
        assertEquals(1024 * KIB, kept.length, "the file grew up to the quota and no further");
        assertArrayEquals(start, java.util.Arrays.copyOf(kept, start.length));
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cubby mount} as a process: refusals are one line saying what to fix, exit code 2, no
 * stack trace; SIGTERM publishes what is still open and unmounts.
 */
class MountCommandTest {
    @TempDir
    Path dir;

    @Test
    void aMissingMountPointIsOneClearLine() throws Exception {
        Files.createDirectory(dir.resolve("root"));
        var result = CubbyCli.run("mount", dir.resolve("nowhere").toString(), "--root", dir.resolve("root").toString());

        assertEquals(2, result.exitCode());
        assertEquals("cubby: cannot mount: the mount point " + dir.resolve("nowhere")
                + " is not a folder; create it first", result.err().strip());
        assertFalse(result.err().contains("Exception"));
    }

    @Test
    void aBadUmaskIsOneClearLine() throws Exception {
        Files.createDirectory(dir.resolve("root"));
        Files.createDirectory(dir.resolve("mnt"));
        var result = CubbyCli.run("mount", dir.resolve("mnt").toString(), "--root", dir.resolve("root").toString(),
                "--umask", "999");

        assertEquals(2, result.exitCode());
        assertTrue(result.err().strip().startsWith("cubby: --umask must be octal"), result.err());
        assertFalse(CubbyMount.isMounted(dir.resolve("mnt")));
    }

    @Test
    void sigtermPublishesFilesStillOpenForWritingAndUnmounts() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/docs")).getParent();
        try (CubbyMount mount = CubbyMount.start(root)) {
            var channel = java.nio.channels.FileChannel.open(mount.path("docs", "held.txt"),
                    java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
            try {
                channel.write(java.nio.ByteBuffer.wrap("written, not yet closed".getBytes()));

                assertEquals(143, mount.stop(), mount.log());

                assertFalse(mount.isMounted());
                assertEquals("written, not yet closed", Files.readString(root.resolve("docs/held.txt")));
            } finally {
                try {
                    channel.close();
                } catch (java.io.IOException goneWithTheMount) {
                    // the mount ended under the open file, as it must
                }
            }
        }
    }
}

package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.cubby.e2e.TestServer;
import dev.cubby.e2e.FixtureTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's s3fs mounting a bucket over FUSE, in order: mount, write, read, rename, remove, list,
 * unmount. The mount is always taken down (and s3fs stopped) after the class, even on failure.
 */
@ClientMatrix(client = "s3fs", version = {"s3fs", "--version"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class S3fsTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @TempDir
    static Path work;

    private static String bucket;
    private static Path mount;
    private static Process s3fs;

    private static boolean mounted() throws Exception {
        String target = " " + mount.toString() + " ";
        return Files.readAllLines(Path.of("/proc/mounts")).stream().anyMatch(line -> line.contains(target));
    }

    private static void assertAlive() throws Exception {
        if (!s3fs.isAlive()) {
            fail("s3fs exited with " + s3fs.exitValue() + ":\n" + Files.readString(work.resolve("s3fs.log")));
        }
    }

    @Test
    @Order(1)
    void mountsTheBucket() throws Exception {
        String binary = ClientBinaries.debian("s3fs", "s3fs");
        bucket = server.newBucket("s3fs");
        mount = Files.createDirectories(work.resolve("mnt"));
        Path passwd = work.resolve("passwd-s3fs");
        Files.writeString(passwd, TestServer.ACCESS_KEY + ":" + TestServer.SECRET_KEY + "\n");
        Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
        s3fs = ClientProcess.builder(work, Map.of(), List.of(binary, bucket, mount.toString(), "-o",
                "passwd_file=" + passwd + ",url=" + server.endpoint() + ",use_path_request_style", "-f"),
                work.resolve("s3fs.log")).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!mounted()) {
            assertAlive();
            if (System.nanoTime() > deadline) {
                fail("s3fs did not mount within 20 s:\n" + Files.readString(work.resolve("s3fs.log")));
            }
            Thread.sleep(100);
        }
        assertAlive();
    }

    @Test
    @Order(2)
    void writeAFile() throws Exception {
        Path expected = Files.write(work.resolve("expected.bin"), FixtureTree.seeded(1_000_000, 41));
        Files.copy(expected, mount.resolve("written.bin"));
        assertAlive();
        assertEquals(-1L, Files.mismatch(expected, server.file(bucket, "written.bin")));
    }

    @Test
    @Order(3)
    void readItBackAndReadSambaFiles() throws Exception {
        assertEquals(-1L, Files.mismatch(mount.resolve("written.bin"), server.file(bucket, "written.bin")));
        byte[] samba = "written beside S3\n".getBytes(StandardCharsets.UTF_8);
        FixtureTree.put(server.root(), bucket, "samba.txt", samba);
        assertEquals("written beside S3\n", Files.readString(mount.resolve("samba.txt")));
        assertAlive();
    }

    @Test
    @Order(4)
    void renameAFile() throws Exception {
        Files.move(mount.resolve("written.bin"), mount.resolve("renamed.bin"));
        assertAlive();
        assertTrue(Files.isRegularFile(server.file(bucket, "renamed.bin")), "renamed file not on disk");
        assertFalse(Files.exists(server.file(bucket, "written.bin")), "old name still on disk");
        assertEquals(-1L, Files.mismatch(work.resolve("expected.bin"), server.file(bucket, "renamed.bin")));
    }

    @Test
    @Order(5)
    void removeAFile() throws Exception {
        Files.delete(mount.resolve("samba.txt"));
        assertAlive();
        assertFalse(Files.exists(server.file(bucket, "samba.txt")), "removed file still on disk");
    }

    @Test
    @Order(6)
    void listTheMount() throws Exception {
        Files.createDirectory(mount.resolve("made dir"));
        Files.writeString(mount.resolve("made dir/Grüße.txt"), "grüße\n");
        assertEquals("grüße\n", Files.readString(server.file(bucket, "made dir/Grüße.txt")));
        try (Stream<Path> entries = Files.list(mount)) {
            assertEquals(List.of("made dir", "renamed.bin"),
                    entries.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (Stream<Path> entries = Files.list(mount.resolve("made dir"))) {
            assertEquals(List.of("Grüße.txt"), entries.map(p -> p.getFileName().toString()).toList());
        }
        assertAlive();
    }

    @Test
    @Order(7)
    void unmountsCleanly() throws Exception {
        ClientProcess.ok(work, Map.of(), List.of("/usr/bin/fusermount", "-u", mount.toString()));
        assertTrue(s3fs.waitFor(30, TimeUnit.SECONDS), "s3fs did not exit after unmount");
        assertEquals(0, s3fs.exitValue(), () -> readLog());
        assertFalse(mounted());
        assertEquals("grüße\n", Files.readString(server.file(bucket, "made dir/Grüße.txt")));
    }

    private static String readLog() {
        try {
            return Files.readString(work.resolve("s3fs.log"));
        } catch (Exception e) {
            return "(no s3fs log)";
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        try {
            if (mount != null && mounted()) {
                ClientProcess.run(work, Map.of(), List.of("/usr/bin/fusermount", "-u", mount.toString()));
                if (mounted()) {
                    ClientProcess.run(work, Map.of(), List.of("/usr/bin/fusermount", "-uz", mount.toString()));
                }
            }
        } finally {
            if (s3fs != null && s3fs.isAlive()) {
                s3fs.destroy();
                if (!s3fs.waitFor(10, TimeUnit.SECONDS)) {
                    s3fs.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        }
    }
}

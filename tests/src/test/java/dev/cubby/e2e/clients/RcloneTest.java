package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.TestServer;
import dev.cubby.e2e.FixtureTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Debian's rclone at its default settings against a remote configured only through the environment. */
@ClientMatrix(client = "rclone", version = {"rclone", "version"})
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class RcloneTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    @TempDir
    Path work;

    private String rclone(String... args) throws Exception {
        String binary = ClientBinaries.debian("rclone", "rclone");
        Path config = work.resolve("rclone.conf");
        if (!Files.exists(config)) {
            Files.createFile(config);
        }
        Map<String, String> env = Map.of(
                "RCLONE_CONFIG_CUBBY_TYPE", "s3",
                "RCLONE_CONFIG_CUBBY_PROVIDER", "Other",
                "RCLONE_CONFIG_CUBBY_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "RCLONE_CONFIG_CUBBY_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "RCLONE_CONFIG_CUBBY_ENDPOINT", server.endpoint().toString(),
                "RCLONE_CONFIG_CUBBY_REGION", "us-east-1");
        return ClientProcess.ok(work, env, ClientProcess.command(binary, List.of("--config", config.toString()), args));
    }

    private Path localTree() throws Exception {
        Path up = work.resolve("up");
        Files.createDirectories(up.resolve("nested/deeper/deepest"));
        Files.createDirectories(up.resolve("folder with spaces"));
        Files.writeString(up.resolve("top.txt"), "top\n");
        Files.write(up.resolve("nested/deeper/deepest/data.bin"), FixtureTree.seeded(200_000, 21));
        Files.writeString(up.resolve("folder with spaces/file with spaces.txt"), "spaces\n");
        Files.writeString(up.resolve("nested/Grüße – ünïcødé 日本.txt"), "grüße\n");
        return up;
    }

    @Test
    void syncUpCheckAndSyncDown() throws Exception {
        String bucket = server.newBucket("rclone-sync");
        Path up = localTree();
        rclone("sync", up.toString(), "cubby:" + bucket + "/tree");
        for (Path relative : ClientProcess.files(up)) {
            Path onDisk = server.file(bucket, "tree/" + relative);
            assertEquals(-1L, Files.mismatch(up.resolve(relative), onDisk), "on disk: " + onDisk);
        }
        rclone("check", up.toString(), "cubby:" + bucket + "/tree");

        Path down = work.resolve("down");
        rclone("sync", "cubby:" + bucket + "/tree", down.toString());
        ClientProcess.assertSameTree(up, down);
    }

    @Test
    void multipartUploadOf60Megabytes() throws Exception {
        String bucket = server.newBucket("rclone-big");
        Path big = Files.createDirectories(work.resolve("big")).resolve("big.bin");
        Files.write(big, FixtureTree.seeded(60 * 1024 * 1024, 60));
        rclone("copy", "--s3-upload-cutoff", "10M", work.resolve("big").toString(), "cubby:" + bucket);
        assertEquals(-1L, Files.mismatch(big, server.file(bucket, "big.bin")));
        rclone("check", work.resolve("big").toString(), "cubby:" + bucket);
    }

    @Test
    void serverSideMoveWithinTheRemote() throws Exception {
        String bucket = server.newBucket("rclone-move");
        FixtureTree.put(server.root(), bucket, "from/a.txt", "moved a\n".getBytes(StandardCharsets.UTF_8));
        FixtureTree.put(server.root(), bucket, "from/sub/b.txt", "moved b\n".getBytes(StandardCharsets.UTF_8));
        rclone("move", "cubby:" + bucket + "/from", "cubby:" + bucket + "/to");
        assertEquals("moved a\n", Files.readString(server.file(bucket, "to/a.txt")));
        assertEquals("moved b\n", Files.readString(server.file(bucket, "to/sub/b.txt")));
        assertFalse(Files.exists(server.file(bucket, "from/a.txt")), "source still on disk");
        assertFalse(Files.exists(server.file(bucket, "from/sub/b.txt")), "source still on disk");
    }

    @Test
    void checkFilesWrittenDirectlyIntoTheTree() throws Exception {
        // As Samba or the shell would: plain files under the served root, never uploaded over S3.
        Path local = work.resolve("copy");
        for (Path relative : ClientProcess.files(server.root().resolve(FixtureTree.DOCS))) {
            Path target = local.resolve(relative.toString());
            Files.createDirectories(target.getParent());
            Files.copy(server.file(FixtureTree.DOCS, relative.toString()), target);
        }
        assertTrue(Files.exists(local.resolve(FixtureTree.UNICODE_KEY)));
        rclone("check", local.toString(), "cubby:" + FixtureTree.DOCS);
        Path down = work.resolve("down");
        rclone("copy", "cubby:" + FixtureTree.DOCS, down.toString());
        ClientProcess.assertSameTree(local, down);
    }

    @Test
    void mkdirAndRmdirMakeAndRemoveBuckets() throws Exception {
        rclone("mkdir", "cubby:rclone-made");
        assertTrue(Files.isDirectory(server.root().resolve("rclone-made")), "no bucket folder on disk");
        String buckets = rclone("lsd", "cubby:");
        assertTrue(buckets.contains("rclone-made") && buckets.contains(FixtureTree.PHOTOS), buckets);
        assertFalse(buckets.contains(FixtureTree.NOT_A_BUCKET_FOLDER), buckets);
        rclone("rmdir", "cubby:rclone-made");
        assertFalse(Files.exists(server.root().resolve("rclone-made")), "removed bucket still on disk");
    }
}

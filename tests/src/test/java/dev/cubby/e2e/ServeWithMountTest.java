package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code mount:} in the config: the serving process mounts the tree too, and unmounts on SIGTERM. */
class ServeWithMountTest {
    private static final Path MOUNT_POINT;
    private static final Path CONFIG;

    static {
        try {
            MOUNT_POINT = Files.createTempDirectory("cubby-serve-mnt-");
            CONFIG = Files.createTempFile("cubby-serve-mount-", ".yaml");
            Files.writeString(CONFIG, "mount: " + MOUNT_POINT + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--config", CONFIG.toString());

    private final S3Client s3 = server.client();

    @AfterAll
    static void stopTheServerAndCheckTheMountWentWithIt() throws IOException {
        try {
            server.close();
            assertFalse(CubbyMount.isMounted(MOUNT_POINT), "stopping the server unmounts");
        } finally {
            CubbyMount.forceUnmount(MOUNT_POINT);
            Files.deleteIfExists(MOUNT_POINT);
            Files.deleteIfExists(CONFIG);
        }
    }

    @Test
    void theServerMountsTheTreeAndBothDoorsAgree() throws IOException, InterruptedException {
        // The server answers health before it has mounted; the mount follows within moments.
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!CubbyMount.isMounted(MOUNT_POINT) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(CubbyMount.isMounted(MOUNT_POINT), server.log());
        String bucket = server.newBucket("both");
        byte[] overS3 = FixtureTree.seeded(10_000, 7);
        s3.putObject(b -> b.bucket(bucket).key("s3.bin"), RequestBody.fromBytes(overS3));
        assertArrayEquals(overS3, Files.readAllBytes(MOUNT_POINT.resolve(bucket).resolve("s3.bin")));

        byte[] overFuse = FixtureTree.seeded(20_000, 8);
        Files.write(MOUNT_POINT.resolve(bucket).resolve("fuse.bin"), overFuse);
        var listed = s3.listObjectsV2(b -> b.bucket(bucket).prefix("fuse.bin")).contents().getFirst();
        assertEquals(Digests.etag(overFuse), listed.eTag(), "known from the write, without hashing");
        assertEquals(Digests.etag(overFuse), s3.headObject(b -> b.bucket(bucket).key("fuse.bin")).eTag());
    }
}

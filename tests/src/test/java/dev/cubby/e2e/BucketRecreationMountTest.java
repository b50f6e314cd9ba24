package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Buckets deleted and made again while the server's own mount ({@code --mount}) runs, with the
 * default free-space reserve, with and without a quota: the mount shows each bucket as it is now
 * (never the old one's files), writes through it land in the new bucket with their ETags, a
 * bucket removed through the mount ({@code rmdir}) can be made again over S3, also after a restart.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BucketRecreationMountTest {
    private static final Path MOUNT_POINT = temporaryFolder();
    private static final Path CONFIG = ConfigFiles.write("""
            quotas:
              capped: 32MiB
            """);

    @RegisterExtension
    static final TestServer server = TestServer.empty()
            .args("--config", CONFIG.toString(), "--mount", MOUNT_POINT.toString());

    private final S3Client s3 = server.client();

    @AfterAll
    static void unmount() throws IOException {
        try {
            server.close();
        } finally {
            CubbyMount.forceUnmount(MOUNT_POINT);
            Files.deleteIfExists(MOUNT_POINT);
        }
    }

    @Test
    void theMountSeesEachRecreatedBucketAsItIsNow() throws Exception {
        for (String bucket : List.of("plain", "capped")) {
            awaitMounted();
            s3.createBucket(b -> b.bucket(bucket));
            EveryWrite.fill(s3, bucket, 40);
            assertArrayEquals(FixtureTree.seeded(64 * 1024, 40), Files.readAllBytes(mounted(bucket, EveryWrite.PUT_KEY)));
            EveryWrite.empty(s3, bucket);
            s3.deleteBucket(b -> b.bucket(bucket));
            assertFalse(Files.exists(mounted(bucket, "")), "a deleted bucket is gone from the mount");

            s3.createBucket(b -> b.bucket(bucket));
            assertEquals(List.of(), names(mounted(bucket, "")), "a bucket made again is empty through the mount");
            byte[] overS3 = FixtureTree.seeded(10_000, 41);
            s3.putObject(b -> b.bucket(bucket).key(EveryWrite.PUT_KEY), RequestBody.fromBytes(overS3));
            assertArrayEquals(overS3, Files.readAllBytes(mounted(bucket, EveryWrite.PUT_KEY)));
            byte[] overFuse = FixtureTree.seeded(20_000, 42);
            Files.write(mounted(bucket, "fuse.bin"), overFuse);
            assertEquals(Digests.etag(overFuse), s3.headObject(b -> b.bucket(bucket).key("fuse.bin")).eTag());
            assertEquals(List.of("fuse.bin", "put"), names(mounted(bucket, "")));

            Files.delete(mounted(bucket, "fuse.bin"));
            s3.deleteObject(b -> b.bucket(bucket).key(EveryWrite.PUT_KEY));
            Files.delete(mounted(bucket, ""));
            assertS3Status(404, () -> s3.headBucket(b -> b.bucket(bucket)));
            server.restart();

            s3.createBucket(b -> b.bucket(bucket));
            EveryWrite.fill(s3, bucket, 43);
            awaitMounted();
            assertArrayEquals(FixtureTree.seeded(64 * 1024, 43), Files.readAllBytes(mounted(bucket, EveryWrite.COPY_KEY)));
            EveryWrite.empty(s3, bucket);
            s3.deleteBucket(b -> b.bucket(bucket));
        }
    }

    private static Path mounted(String bucket, String key) {
        return key.isEmpty() ? MOUNT_POINT.resolve(bucket) : MOUNT_POINT.resolve(bucket).resolve(key);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The server answers health before it has mounted; the mount follows within moments. */
    private static void awaitMounted() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!CubbyMount.isMounted(MOUNT_POINT) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(CubbyMount.isMounted(MOUNT_POINT), server::log);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("cubby-recreate-mnt-");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

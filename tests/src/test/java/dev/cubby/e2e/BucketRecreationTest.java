package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIB;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sequences that create, fill, delete and re-create buckets, with every operation that writes,
 * against a server with the default free-space reserve: nothing Cubby keeps about a bucket (the
 * filesystem it asked for free space, its quota count, its unfinished uploads) outlives the
 * bucket's folder, also across a restart and with two clients at once.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BucketRecreationTest {
    private static final Path CONFIG = ConfigFiles.write("""
            quotas:
              capped: 32MiB
              capped-pair-a: 32MiB
              capped-pair-b: 32MiB
              capped-restart: 32MiB
            """);

    /** No --free-space-reserve: the default reserve is on, so every upload asks its disk for free space. */
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--config", CONFIG.toString());

    @Test
    void everyWriteWorksInABucketMadeAfterAnotherBucketWasDeleted() {
        S3Client s3 = server.client();
        s3.createBucket(b -> b.bucket("first"));
        s3.putObject(b -> b.bucket("first").key("k"), RequestBody.fromString("one"));
        s3.deleteObject(b -> b.bucket("first").key("k"));
        s3.deleteBucket(b -> b.bucket("first"));

        s3.createBucket(b -> b.bucket("second"));
        EveryWrite.fill(s3, "second", 1);
        s3.createBucket(b -> b.bucket("first"));
        EveryWrite.fill(s3, "first", 2);
        EveryWrite.empty(s3, "first");
        EveryWrite.empty(s3, "second");
        s3.deleteBucket(b -> b.bucket("second"));
        EveryWrite.fill(s3, "first", 3);
        EveryWrite.empty(s3, "first");
        s3.deleteBucket(b -> b.bucket("first"));
    }

    @Test
    void aRecreatedBucketWithAQuotaIsCountedAfresh() throws Exception {
        S3Client s3 = server.client();
        s3.createBucket(b -> b.bucket("capped"));
        EveryWrite.fill(s3, "capped", 10);
        EveryWrite.empty(s3, "capped");
        byte[] big = FixtureTree.seeded(20 * MIB, 11);
        s3.putObject(b -> b.bucket("capped").key("big.bin"), RequestBody.fromBytes(big));
        // Removed by hand (as over Samba), so Cubby's count still holds its 20 MiB until a rescan...
        Files.delete(server.file("capped", "big.bin"));
        s3.deleteBucket(b -> b.bucket("capped"));
        s3.createBucket(b -> b.bucket("capped"));
        // ...but a bucket made again is counted from its folder, which is empty: 20 MiB more fit in 32.
        s3.putObject(b -> b.bucket("capped").key("big.bin"), RequestBody.fromBytes(big));
        assertArrayEquals(big, s3.getObjectAsBytes(b -> b.bucket("capped").key("big.bin")).asByteArray());
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("capped").key("more.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(13 * MIB, 12))));
        s3.deleteObject(b -> b.bucket("capped").key("big.bin"));
        EveryWrite.fill(s3, "capped", 13);
        EveryWrite.empty(s3, "capped");
        s3.deleteBucket(b -> b.bucket("capped"));
    }

    @Test
    void deletingABucketEndsItsUnfinishedUploads() {
        S3Client s3 = server.client();
        s3.createBucket(b -> b.bucket("uploads"));
        String uploadId = s3.createMultipartUpload(b -> b.bucket("uploads").key("half.bin")).uploadId();
        s3.uploadPart(b -> b.bucket("uploads").key("half.bin").uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(FixtureTree.seeded(MIB, 20)));
        Path staged = server.root().resolve(".cubby/uploads").resolve(uploadId);
        assertTrue(Files.isDirectory(staged), "the part is staged in " + staged);

        s3.deleteBucket(b -> b.bucket("uploads"));
        assertFalse(Files.exists(staged), "the staged parts went with the bucket");
        s3.createBucket(b -> b.bucket("uploads"));
        assertEquals(List.of(), s3.listMultipartUploads(b -> b.bucket("uploads")).uploads(),
                "a bucket made again has none of the old one's uploads");
        assertS3Error(404, "NoSuchUpload", () -> s3.uploadPart(b -> b.bucket("uploads").key("half.bin")
                .uploadId(uploadId).partNumber(2), RequestBody.fromString("late")));
        EveryWrite.fill(s3, "uploads", 21);
        EveryWrite.empty(s3, "uploads");
        s3.deleteBucket(b -> b.bucket("uploads"));
    }

    @Test
    void theSequenceHoldsAcrossRestarts() throws Exception {
        S3Client s3 = server.client();
        for (String bucket : List.of("before-restart", "capped-restart")) {
            s3.createBucket(b -> b.bucket(bucket));
            EveryWrite.fill(s3, bucket, 30);
            EveryWrite.empty(s3, bucket);
            s3.deleteBucket(b -> b.bucket(bucket));
        }
        server.restart();

        s3.createBucket(b -> b.bucket("after-restart"));
        EveryWrite.fill(s3, "after-restart", 31);
        for (String bucket : List.of("before-restart", "capped-restart")) {
            s3.createBucket(b -> b.bucket(bucket));
            EveryWrite.fill(s3, bucket, 32);
        }
        server.restart();

        for (String bucket : List.of("before-restart", "capped-restart")) {
            assertEquals(EveryWrite.KEYS.stream().sorted().toList(), EveryWrite.keys(s3, bucket));
            assertArrayEquals(FixtureTree.seeded(64 * 1024, 32),
                    s3.getObjectAsBytes(b -> b.bucket(bucket).key(EveryWrite.COPY_KEY)).asByteArray());
            assertEquals(java.util.Map.of("round", "32"), EveryWrite.tags(s3, bucket, EveryWrite.COPY_KEY),
                    "the re-created bucket's tags, not the old one's");
        }
        for (String bucket : List.of("before-restart", "capped-restart", "after-restart")) {
            EveryWrite.empty(s3, bucket);
            s3.deleteBucket(b -> b.bucket(bucket));
            s3.createBucket(b -> b.bucket(bucket));
            EveryWrite.fill(s3, bucket, 33);
            EveryWrite.empty(s3, bucket);
            s3.deleteBucket(b -> b.bucket(bucket));
        }
    }

    @Test
    void twoClientsRunTheSequenceAtOnce() throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            var runs = new ArrayList<Future<Void>>();
            for (String client : List.of("a", "b")) {
                S3Client s3 = server.client(b -> { });
                runs.add(pool.submit(sequence(s3, "pair-" + client, "capped-pair-" + client)));
            }
            for (Future<Void> run : runs) {
                run.get(100, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Three rounds of: make both buckets, fill both, empty and delete one, fill the other again, delete it. */
    private static Callable<Void> sequence(S3Client s3, String plain, String capped) {
        return () -> {
            for (int round = 0; round < 3; round++) {
                for (String bucket : List.of(plain, capped)) {
                    s3.createBucket(b -> b.bucket(bucket));
                    EveryWrite.fill(s3, bucket, 100 + round);
                }
                EveryWrite.empty(s3, plain);
                s3.deleteBucket(b -> b.bucket(plain));
                EveryWrite.empty(s3, capped);
                EveryWrite.fill(s3, capped, 200 + round);
                EveryWrite.empty(s3, capped);
                s3.deleteBucket(b -> b.bucket(capped));
            }
            return null;
        };
    }
}

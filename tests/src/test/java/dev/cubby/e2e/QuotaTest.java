package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIB;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Per-bucket quotas from the config file's {@code quotas:} map: an upload that would cross its
 * bucket's quota is refused with 403 QuotaExceeded before its body is stored, concurrent uploads
 * cannot overshoot together, and the usage follows Cubby's own writes, a restart, and files
 * changed outside Cubby (after a rescan).
 */
class QuotaTest {
    private static final Path CONFIG = ConfigFiles.write("""
            quotas:
              race: 4MiB
              overwrite: 3MiB
              parts: 12MiB
              walked: 2MiB
              rescan: 2MiB
            quota-rescan: 1s
            """);

    @RegisterExtension
    static final TestServer server = TestServer.empty()
            .args("--config", CONFIG.toString())
            .tree(root -> {
                for (String bucket : List.of("race", "overwrite", "parts", "rescan")) {
                    Files.createDirectory(root.resolve(bucket));
                }
                // present before the server starts: only the start-up walk can know of it
                FixtureTree.put(root, "walked", "before-start.bin", FixtureTree.seeded(MIB + MIB / 2, 1));
            });

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentUploadsTogetherNeverExceedTheQuota() throws Exception {
        S3Client s3 = server.client();
        int uploads = 24;
        int size = MIB / 2;
        var stored = new ConcurrentHashMap<String, byte[]>();
        var refusals = new ArrayList<Future<S3Exception>>();
        var start = new CountDownLatch(1);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < uploads; i++) {
                String key = "object-" + i;
                byte[] body = FixtureTree.seeded(size, 100 + i);
                refusals.add(threads.submit(() -> {
                    start.await();
                    try {
                        s3.putObject(b -> b.bucket("race").key(key), RequestBody.fromBytes(body));
                        stored.put(key, body);
                        return null;
                    } catch (S3Exception e) {
                        return e;
                    }
                }));
            }
            start.countDown();
        }

        long quota = 4L * MIB;
        assertEquals(quota / size, stored.size(), "exactly as many uploads as fit were accepted");
        for (Future<S3Exception> result : refusals) {
            S3Exception refusal = result.get();
            if (refusal != null) {
                assertEquals(403, refusal.statusCode(), refusal::getMessage);
                assertEquals("QuotaExceeded", refusal.awsErrorDetails().errorCode());
                assertTrue(refusal.awsErrorDetails().errorMessage().contains("'race'"), refusal::getMessage);
                assertTrue(refusal.awsErrorDetails().errorMessage().contains("4.0 MiB"), refusal::getMessage);
            }
        }
        assertTrue(bytesIn(server.root().resolve("race")) <= quota, "stored total within the quota");
        assertEquals(List.of(), temporaries(), "no temporary left behind");
        for (var entry : stored.entrySet()) {
            assertArrayEquals(entry.getValue(), Files.readAllBytes(server.file("race", entry.getKey())));
            assertArrayEquals(entry.getValue(),
                    s3.getObjectAsBytes(b -> b.bucket("race").key(entry.getKey())).asByteArray());
        }
        assertEquals(stored.size(), s3.listObjectsV2(b -> b.bucket("race")).keyCount());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void overwriteCountsOnlyTheDifferenceAndDeleteFreesQuota() throws Exception {
        S3Client s3 = server.client();
        s3.putObject(b -> b.bucket("overwrite").key("a.bin"), RequestBody.fromBytes(FixtureTree.seeded(2 * MIB, 2)));
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("overwrite").key("b.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(2 * MIB, 3))));
        assertTrue(Files.notExists(server.file("overwrite", "b.bin")));

        // 2 MiB replaced by 2.5 MiB: 0.5 MiB more, which fits in 3 MiB
        byte[] bigger = FixtureTree.seeded(2 * MIB + MIB / 2, 4);
        s3.putObject(b -> b.bucket("overwrite").key("a.bin"), RequestBody.fromBytes(bigger));
        assertArrayEquals(bigger, Files.readAllBytes(server.file("overwrite", "a.bin")));
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("overwrite").key("c.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(MIB, 5))));

        s3.deleteObject(b -> b.bucket("overwrite").key("a.bin"));
        byte[] whole = FixtureTree.seeded(3 * MIB, 6);
        s3.putObject(b -> b.bucket("overwrite").key("c.bin"), RequestBody.fromBytes(whole));
        assertArrayEquals(whole, Files.readAllBytes(server.file("overwrite", "c.bin")));
        assertEquals(List.of(), temporaries());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stagedPartsCountUntilCompletedOrAborted() throws Exception {
        S3Client s3 = server.client();
        String first = s3.createMultipartUpload(b -> b.bucket("parts").key("big.bin")).uploadId();
        List<byte[]> bodies = List.of(FixtureTree.seeded(5 * MIB, 7), FixtureTree.seeded(5 * MIB, 8));
        List<CompletedPart> done = new ArrayList<>();
        for (int n = 1; n <= 2; n++) {
            int part = n;
            String etag = s3.uploadPart(b -> b.bucket("parts").key("big.bin").uploadId(first).partNumber(part),
                    RequestBody.fromBytes(bodies.get(part - 1))).eTag();
            done.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
        }
        // 10 MiB staged of 12
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("parts").key("small.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(3 * MIB, 9))));
        s3.completeMultipartUpload(b -> b.bucket("parts").key("big.bin").uploadId(first)
                .multipartUpload(m -> m.parts(done)));
        assertArrayEquals(MultipartParts.concat(bodies), Files.readAllBytes(server.file("parts", "big.bin")));
        // the parts became the object: still 10 MiB of 12
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("parts").key("small.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(3 * MIB, 9))));

        String second = s3.createMultipartUpload(b -> b.bucket("parts").key("more.bin")).uploadId();
        S3Exception refused = assertS3Error(403, "QuotaExceeded", () -> s3.uploadPart(b -> b.bucket("parts")
                .key("more.bin").uploadId(second).partNumber(1), RequestBody.fromBytes(FixtureTree.seeded(5 * MIB, 10))));
        assertTrue(refused.awsErrorDetails().errorMessage().contains("'parts'"), refused::getMessage);
        s3.uploadPart(b -> b.bucket("parts").key("more.bin").uploadId(second).partNumber(1),
                RequestBody.fromBytes(FixtureTree.seeded(MIB, 11)));
        // 10 + 1 staged: 2 more do not fit until the upload is aborted
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("parts").key("small.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(2 * MIB, 12))));
        s3.abortMultipartUpload(b -> b.bucket("parts").key("more.bin").uploadId(second));
        s3.putObject(b -> b.bucket("parts").key("small.bin"), RequestBody.fromBytes(FixtureTree.seeded(2 * MIB, 12)));
        assertEquals(12L * MIB, bytesIn(server.root().resolve("parts")));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void usageIsWalkedAtStartAndAgainAfterARestart() throws Exception {
        S3Client s3 = server.client();
        // 1.5 MiB was there before the server started
        assertS3Error(403, "QuotaExceeded", () -> s3.putObject(b -> b.bucket("walked").key("one.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(MIB, 13))));
        s3.putObject(b -> b.bucket("walked").key("quarter.bin"), RequestBody.fromBytes(FixtureTree.seeded(MIB / 4, 14)));

        server.restart();

        S3Client after = server.client(b -> { });
        assertS3Error(403, "QuotaExceeded", () -> after.putObject(b -> b.bucket("walked").key("half.bin"),
                RequestBody.fromBytes(FixtureTree.seeded(MIB / 2, 15))));
        after.putObject(b -> b.bucket("walked").key("last.bin"), RequestBody.fromBytes(FixtureTree.seeded(MIB / 4, 16)));
        assertEquals(2L * MIB, bytesIn(server.root().resolve("walked")));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fileAddedOutsideCubbyCountsAfterARescan() throws Exception {
        S3Client s3 = server.client();
        s3.putObject(b -> b.bucket("rescan").key("mine.bin"), RequestBody.fromBytes(FixtureTree.seeded(MIB, 17)));
        // as over Samba: Cubby learns of it only by walking the bucket (every second here)
        Files.write(server.root().resolve("rescan").resolve("from-samba.bin"), FixtureTree.seeded(MIB, 18));

        byte[] probe = FixtureTree.seeded(MIB / 2, 19);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        S3Exception refused = null;
        while (refused == null && System.nanoTime() < deadline) {
            try {
                // fits by Cubby's own count (1 MiB of 2) until the rescan sees the other file
                s3.putObject(b -> b.bucket("rescan").key("probe.bin"), RequestBody.fromBytes(probe));
                s3.deleteObject(b -> b.bucket("rescan").key("probe.bin"));
                Thread.sleep(200);
            } catch (S3Exception e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "the file added outside Cubby was never counted");
        assertEquals("QuotaExceeded", refused.awsErrorDetails().errorCode());

        Files.delete(server.root().resolve("rescan").resolve("from-samba.bin"));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                s3.putObject(b -> b.bucket("rescan").key("probe.bin"), RequestBody.fromBytes(probe));
                break;
            } catch (S3Exception e) {
                assertTrue(System.nanoTime() < deadline, "the file removed outside Cubby was never uncounted");
                Thread.sleep(200);
            }
        }
        assertArrayEquals(probe, Files.readAllBytes(server.file("rescan", "probe.bin")));
    }

    private static long bytesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    /** Files in the staging folder for PUTs and completions. */
    private static List<Path> temporaries() throws IOException {
        Path staging = server.root().resolve(".cubby").resolve("tmp");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }
}

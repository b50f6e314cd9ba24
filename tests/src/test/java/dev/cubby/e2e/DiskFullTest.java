package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIB;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A bucket on a small real filesystem (a tmpfs this test mounts; the test machines run as root
 * and allow it): the free-space reserve refuses an upload up front, and with the reserve at 0 a
 * really full disk (ENOSPC) fails PUT, UploadPart, CompleteMultipartUpload and CopyObject with a
 * clean 507, leaving no partial file and the previous object as it was.
 */
class DiskFullTest {
    private static final String BUCKET = "small";

    private Path mount;
    private Path bucketDir;
    /** Roots of test servers that sit on a tmpfs of their own. */
    private final List<Path> extraMounts = new ArrayList<>();

    @BeforeEach
    void mountSmallFilesystem() throws Exception {
        mount = Files.createTempDirectory("cubby-tmpfs-");
        run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString());
        bucketDir = Files.createDirectory(mount.resolve("bucket"));
    }

    @AfterEach
    void unmount() throws Exception {
        for (Path root : extraMounts) {
            run("umount", root.toString());
            Files.deleteIfExists(root);
            Files.deleteIfExists(root.getParent());
        }
        if (mount != null) {
            run("umount", mount.toString());
            Files.delete(mount);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void uploadThatWouldEatIntoTheReserveIsRefusedUpFront() throws Exception {
        try (TestServer server = serve("4MiB")) {
            S3Client s3 = server.client();
            fillLeaving(6L * MIB);

            S3Exception refused = assertS3Error(507, "StorageFull", () -> s3.putObject(
                    b -> b.bucket(BUCKET).key("large.bin"), RequestBody.fromBytes(FixtureTree.seeded(3 * MIB, 1))));
            String message = refused.awsErrorDetails().errorMessage();
            assertTrue(message.contains("'" + BUCKET + "'") && message.contains("free-space-reserve"), message);
            assertTrue(Files.notExists(bucketDir.resolve("large.bin")));
            assertEquals(List.of(), temporaries());

            byte[] fits = FixtureTree.seeded(MIB + MIB / 2, 2);
            s3.putObject(b -> b.bucket(BUCKET).key("fits.bin"), RequestBody.fromBytes(fits));
            assertArrayEquals(fits, Files.readAllBytes(bucketDir.resolve("fits.bin")));
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void fullDiskDuringABodyOfUnknownLengthKeepsThePreviousObject() throws Exception {
        try (TestServer server = serve("0")) {
            S3Client s3 = server.client();
            byte[] previous = FixtureTree.seeded(MIB, 3);
            String etag = s3.putObject(b -> b.bucket(BUCKET).key("doc.bin"), RequestBody.fromBytes(previous)).eTag();
            fillLeaving(2L * MIB);

            // chunked transfer encoding, no Content-Length: only the disk itself can say no
            byte[] larger = FixtureTree.seeded(3 * MIB, 4);
            HttpResponse<String> response = putStreamed(server, "doc.bin", larger);
            assertEquals(507, response.statusCode(), response::body);
            assertTrue(response.body().contains("<Code>StorageFull</Code>"), response.body());
            assertTrue(response.body().contains("No space left on device"), response.body());

            assertArrayEquals(previous, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("doc.bin")).asByteArray());
            assertEquals(etag, s3.headObject(b -> b.bucket(BUCKET).key("doc.bin")).eTag());
            assertEquals(List.of(), temporaries(), "the partial file was removed");

            Files.delete(mount.resolve("filler"));
            assertEquals(200, putStreamed(server, "doc.bin", larger).statusCode());
            assertArrayEquals(larger, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("doc.bin")).asByteArray());
            assertEquals(Digests.md5Hex(larger), s3.headObject(b -> b.bucket(BUCKET).key("doc.bin")).eTag()
                    .replace("\"", ""));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void fullDiskFailsPutPartCompletionAndCopyCleanly() throws Exception {
        try (TestServer server = serve("0")) {
            S3Client s3 = server.client();
            byte[] previous = FixtureTree.seeded(MIB, 5);
            String previousEtag = s3.putObject(b -> b.bucket(BUCKET).key("big.bin"),
                    RequestBody.fromBytes(previous)).eTag();
            String id = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("big.bin")).uploadId();
            List<byte[]> bodies = List.of(FixtureTree.seeded(5 * MIB, 6), FixtureTree.seeded(MIB, 7));
            List<CompletedPart> parts = new ArrayList<>();
            for (int n = 1; n <= 2; n++) {
                int part = n;
                String etag = s3.uploadPart(b -> b.bucket(BUCKET).key("big.bin").uploadId(id).partNumber(part),
                        RequestBody.fromBytes(bodies.get(part - 1))).eTag();
                parts.add(CompletedPart.builder().partNumber(part).eTag(etag).build());
            }
            fillLeaving(3L * MIB);

            // a declared size larger than the free space: with the reserve at 0, ENOSPC says no
            assertS3Error(507, "StorageFull", () -> s3.putObject(b -> b.bucket(BUCKET).key("other.bin"),
                    RequestBody.fromBytes(FixtureTree.seeded(4 * MIB, 8))));
            assertTrue(Files.notExists(bucketDir.resolve("other.bin")));
            assertS3Error(507, "StorageFull", () -> s3.uploadPart(b -> b.bucket(BUCKET).key("big.bin").uploadId(id)
                    .partNumber(3), RequestBody.fromBytes(FixtureTree.seeded(4 * MIB, 9))));
            assertEquals(List.of(1, 2), s3.listParts(b -> b.bucket(BUCKET).key("big.bin").uploadId(id)).parts()
                    .stream().map(p -> p.partNumber()).toList());
            assertEquals(2, stagedPartFiles(id), "no partial part file");
            // 6 MiB to assemble in 3 MiB
            assertS3Error(507, "StorageFull", () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("big.bin")
                    .uploadId(id).multipartUpload(m -> m.parts(parts))));
            assertArrayEquals(previous, Files.readAllBytes(bucketDir.resolve("big.bin")));
            assertEquals(previousEtag, s3.headObject(b -> b.bucket(BUCKET).key("big.bin")).eTag());
            assertEquals(List.of(), temporaries());

            // the upload is as it was: once there is room, it completes
            Files.delete(mount.resolve("filler"));
            s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("big.bin").uploadId(id)
                    .multipartUpload(m -> m.parts(parts)));
            assertArrayEquals(MultipartParts.concat(bodies), Files.readAllBytes(bucketDir.resolve("big.bin")));

            byte[] copyTarget = FixtureTree.seeded(MIB / 2, 10);
            String copyEtag = s3.putObject(b -> b.bucket(BUCKET).key("copy.bin"), RequestBody.fromBytes(copyTarget))
                    .eTag();
            fillLeaving(3L * MIB);
            assertS3Error(507, "StorageFull", () -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("big.bin")
                    .destinationBucket(BUCKET).destinationKey("copy.bin")));
            assertArrayEquals(copyTarget, s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("copy.bin")).asByteArray());
            assertEquals(copyEtag, s3.headObject(b -> b.bucket(BUCKET).key("copy.bin")).eTag());
            assertEquals(List.of(), temporaries());

            Files.delete(mount.resolve("filler"));
            s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("big.bin").destinationBucket(BUCKET)
                    .destinationKey("copy.bin"));
            assertArrayEquals(MultipartParts.concat(bodies), Files.readAllBytes(bucketDir.resolve("copy.bin")));
        }
    }

    /**
     * The case: the served root (and with it the sidecar) on a small tmpfs with no
     * reserve, filled by uploads until they fail. Small uploads then fail where the sidecar's WAL
     * cannot grow: once answered 500 with the object left visible, and GETs broken until restart.
     */
    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void fillingTheRootByUploadsRefusesEachCleanlyKeepsWhatWasStoredAndRecoversAfterDeletes() throws Exception {
        Path outsideBytes = null;
        try (TestServer server = TestServer.empty().tree(root -> {
            mountTmpfs(root, "16m");
            Files.createDirectory(root.resolve("fill"));
            Files.write(root.resolve("fill").resolve("samba.txt"), FixtureTree.seeded(3000, 40));
        }).args("--free-space-reserve", "0")) {
            server.start();
            extraMounts.add(server.root());
            S3Client s3 = server.client();
            Map<String, byte[]> stored = new LinkedHashMap<>();
            List<String> refused = new ArrayList<>();
            // large bodies until the disk says no, then small ones, then empty ones: each runs out
            // at a different point (the body's blocks, the last free page, the sidecar's WAL)
            int[] sizes = {192 * 1024, 4096, 0};
            int step = 0;
            int failuresInARow = 0;
            for (int i = 0; i < 400 && step < sizes.length; i++) {
                String key = "obj-" + i;
                byte[] body = FixtureTree.seeded(sizes[step], 100 + i);
                try {
                    String etag = s3.putObject(b -> b.bucket("fill").key(key), RequestBody.fromBytes(body)).eTag();
                    assertEquals("\"" + Digests.md5Hex(body) + "\"", etag);
                    stored.put(key, body);
                    failuresInARow = 0;
                } catch (S3Exception e) {
                    assertEquals(507, e.statusCode(), () -> key + ": " + e.awsErrorDetails().errorMessage());
                    assertEquals("StorageFull", e.awsErrorDetails().errorCode());
                    assertTrue(e.awsErrorDetails().errorMessage().contains("full"), e.awsErrorDetails()::errorMessage);
                    refused.add(key);
                    if (++failuresInARow == 5) {
                        step++;
                        failuresInARow = 0;
                    }
                }
            }
            assertEquals(sizes.length, step, "the disk never filled: " + stored.size() + " uploads stored");
            System.out.printf("disk full: %d uploads stored in a 16 MiB root, %d refused with 507%n",
                    stored.size(), refused.size());

            // while full: what was acknowledged reads back whole, nothing refused is visible
            assertStoredAndNothingElse(s3, stored, refused);
            assertArrayEquals(FixtureTree.seeded(3000, 40),
                    s3.getObjectAsBytes(b -> b.bucket("fill").key("samba.txt")).asByteArray(),
                    "a file that arrived outside Cubby is read (and hashed) while the sidecar cannot record it");
            assertEquals(List.of(), filesIn(server.root().resolve(".cubby").resolve("tmp")));

            // deleting objects makes room; uploads of every size work again on the same connections
            List<String> keys = new ArrayList<>(stored.keySet());
            for (String key : keys.subList(0, keys.size() / 2)) {
                s3.deleteObject(b -> b.bucket("fill").key(key));
                stored.remove(key);
            }
            for (int size : sizes) {
                String key = "after-" + size;
                byte[] body = FixtureTree.seeded(size, size + 7);
                s3.putObject(b -> b.bucket("fill").key(key), RequestBody.fromBytes(body));
                stored.put(key, body);
            }
            assertStoredAndNothingElse(s3, stored, refused);
        }
    }

    /**
     * The sidecar's disk is the full one: the root (holding .cubby) on a tiny tmpfs filled up by
     * another user of the disk, the bucket on another filesystem with room. The body stages and
     * is renamed into place on the bucket's disk, then its row cannot be written: the upload is
     * refused with 507 and its object is not left behind. The same for CopyObject, UploadPart and
     * CompleteMultipartUpload, whose upload stays as it was.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFullSidecarDiskRefusesUploadsCleanlyAndReadsGoOn() throws Exception {
        Path config = Files.writeString(mount.getParent().resolve(mount.getFileName() + ".yaml"),
                "buckets:\n  " + BUCKET + ": " + bucketDir + "\n", StandardCharsets.UTF_8);
        config.toFile().deleteOnExit();
        Files.write(bucketDir.resolve("samba.txt"), FixtureTree.seeded(2000, 50));
        try (TestServer server = TestServer.empty().tree(root -> mountTmpfs(root, "4m"))
                .args("--config", config.toString(), "--free-space-reserve", "0")) {
            server.start();
            extraMounts.add(server.root());
            S3Client s3 = server.client();
            Map<String, byte[]> stored = new LinkedHashMap<>();
            byte[] before = FixtureTree.seeded(64 * 1024, 51);
            s3.putObject(b -> b.bucket(BUCKET).key("before.bin"), RequestBody.fromBytes(before));
            stored.put("before.bin", before);
            String upload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("assembled.bin")).uploadId();
            byte[] part = FixtureTree.seeded(64 * 1024, 52);
            String partEtag = s3.uploadPart(b -> b.bucket(BUCKET).key("assembled.bin").uploadId(upload).partNumber(1),
                    RequestBody.fromBytes(part)).eTag();
            List<CompletedPart> parts = List.of(CompletedPart.builder().partNumber(1).eTag(partEtag).build());
            Path filler = fillCompletely(server.root());

            List<String> refused = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String key = "refused-" + i;
                byte[] body = FixtureTree.seeded(64 * 1024, 60 + i);
                S3Exception e = assertS3Error(507, "StorageFull", () -> s3.putObject(b -> b.bucket(BUCKET).key(key),
                        RequestBody.fromBytes(body)));
                assertTrue(e.awsErrorDetails().errorMessage().contains("metadata"), e.awsErrorDetails()::errorMessage);
                assertTrue(Files.notExists(bucketDir.resolve(key)), key + " was left in the bucket");
                refused.add(key);
            }
            assertS3Error(507, "StorageFull", () -> s3.copyObject(b -> b.sourceBucket(BUCKET).sourceKey("before.bin")
                    .destinationBucket(BUCKET).destinationKey("copy.bin")));
            assertS3Error(507, "StorageFull", () -> s3.uploadPart(b -> b.bucket(BUCKET).key("assembled.bin")
                    .uploadId(upload).partNumber(2), RequestBody.fromBytes(part)));
            assertS3Error(507, "StorageFull", () -> s3.completeMultipartUpload(b -> b.bucket(BUCKET)
                    .key("assembled.bin").uploadId(upload).multipartUpload(m -> m.parts(parts))));
            refused.addAll(List.of("copy.bin", "assembled.bin"));
            Map<String, byte[]> listed = new LinkedHashMap<>(stored);
            listed.put("samba.txt", FixtureTree.seeded(2000, 50));
            assertStoredAndNothingElse(s3, BUCKET, listed, refused);
            assertEquals(List.of(1), s3.listParts(b -> b.bucket(BUCKET).key("assembled.bin").uploadId(upload)).parts()
                    .stream().map(p -> p.partNumber()).toList(), "the upload is as it was");

            Files.delete(filler);
            s3.completeMultipartUpload(b -> b.bucket(BUCKET).key("assembled.bin").uploadId(upload)
                    .multipartUpload(m -> m.parts(parts)));
            var assembled = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("assembled.bin"));
            assertArrayEquals(part, assembled.asByteArray());
            assertEquals(MultipartParts.etag(List.of(part)), assembled.response().eTag());
            refused.remove("assembled.bin");
            listed.put("assembled.bin", null);
            byte[] after = FixtureTree.seeded(64 * 1024, 70);
            s3.putObject(b -> b.bucket(BUCKET).key("after.bin"), RequestBody.fromBytes(after));
            listed.put("after.bin", after);
            assertStoredAndNothingElse(s3, BUCKET, listed, refused);
        }
    }

    private static void assertStoredAndNothingElse(S3Client s3, Map<String, byte[]> stored, List<String> refused) {
        Map<String, byte[]> listed = new LinkedHashMap<>(stored);
        listed.put("samba.txt", FixtureTree.seeded(3000, 40));
        assertStoredAndNothingElse(s3, "fill", listed, refused);
    }

    /**
     * Each stored object reads back with its bytes and single-PUT ETag (a null body: checked by
     * the caller); LIST shows exactly them; each refused key is absent.
     */
    private static void assertStoredAndNothingElse(S3Client s3, String bucket, Map<String, byte[]> stored,
                                                   List<String> refused) {
        for (var entry : stored.entrySet()) {
            if (entry.getValue() == null) {
                continue; // checked by the caller
            }
            var object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(entry.getKey()));
            assertArrayEquals(entry.getValue(), object.asByteArray(), entry.getKey());
            assertEquals("\"" + Digests.md5Hex(entry.getValue()) + "\"", object.response().eTag(), entry.getKey());
        }
        for (String key : refused) {
            if (!stored.containsKey(key)) {
                assertS3Status(404, () -> s3.headObject(b -> b.bucket(bucket).key(key)));
            }
        }
        List<String> listed = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .map(o -> o.key()).sorted().toList();
        assertEquals(stored.keySet().stream().sorted().toList(), listed);
    }

    /** Mounts a tmpfs of {@code size} on {@code dir} (unmounted after the test). */
    private static void mountTmpfs(Path dir, String size) throws IOException {
        try {
            run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Writes a file into {@code dir} until its filesystem refuses another byte. */
    private static Path fillCompletely(Path dir) throws IOException {
        Path filler = dir.resolve("filler");
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (Files.getFileStore(dir).getUsableSpace() > 0) {
                throw full;
            }
        }
        return filler;
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** A server whose bucket {@value #BUCKET} is the folder on the small filesystem. */
    private TestServer serve(String reserve) throws Exception {
        Path config = Files.writeString(mount.getParent().resolve(mount.getFileName() + ".yaml"),
                "buckets:\n  " + BUCKET + ": " + bucketDir + "\n", StandardCharsets.UTF_8);
        config.toFile().deleteOnExit();
        TestServer server = TestServer.empty().args("--config", config.toString(), "--free-space-reserve", reserve);
        server.start();
        return server;
    }

    /** Writes a file beside the bucket (as another user of the disk would) so that {@code free} bytes stay free. */
    private void fillLeaving(long free) throws IOException {
        Path filler = mount.resolve("filler");
        Files.deleteIfExists(filler);
        long usable = Files.getFileStore(mount).getUsableSpace();
        assertTrue(usable > free, "the small filesystem has only " + usable + " bytes free");
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            for (long left = usable - free; left > 0; left -= block.length) {
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
    }

    /** A presigned PUT whose body is sent with chunked transfer encoding, so its length is not declared. */
    private static HttpResponse<String> putStreamed(TestServer server, String key, byte[] body) throws Exception {
        var url = server.presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket(BUCKET).key(key))).url();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = HttpRequest.newBuilder(url.toURI())
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            server.errorBodies().record("PUT " + key, response.statusCode(),
                    response.body().getBytes(StandardCharsets.UTF_8));
            return response;
        }
    }

    private List<Path> temporaries() throws IOException {
        Path staging = bucketDir.resolve(".cubby").resolve("tmp");
        if (!Files.isDirectory(staging)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.toList();
        }
    }

    private long stagedPartFiles(String uploadId) throws IOException {
        try (Stream<Path> files = Files.list(bucketDir.resolve(".cubby").resolve("uploads").resolve(uploadId))) {
            return files.count();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail(String.join(" ", command) + " failed (" + output.trim() + "): this test serves a bucket from a "
                    + "small tmpfs it mounts, so it must run as root or with CAP_SYS_ADMIN, as the test machines do");
        }
    }
}

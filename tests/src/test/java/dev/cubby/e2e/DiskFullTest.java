package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIB;
import static dev.cubby.e2e.S3Assert.assertS3Error;
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
import java.util.List;
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

    @BeforeEach
    void mountSmallFilesystem() throws Exception {
        mount = Files.createTempDirectory("cubby-tmpfs-");
        run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", mount.toString());
        bucketDir = Files.createDirectory(mount.resolve("bucket"));
    }

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", mount.toString());
            Files.delete(mount);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void uploadThatWouldEatIntoTheReserveIsRefusedUpFront() throws Exception {
        try (CubbyServer server = serve("4MiB")) {
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
        try (CubbyServer server = serve("0")) {
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
        try (CubbyServer server = serve("0")) {
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

    /** A server whose bucket {@value #BUCKET} is the folder on the small filesystem. */
    private CubbyServer serve(String reserve) throws Exception {
        Path config = Files.writeString(mount.getParent().resolve(mount.getFileName() + ".yaml"),
                "buckets:\n  " + BUCKET + ": " + bucketDir + "\n", StandardCharsets.UTF_8);
        config.toFile().deleteOnExit();
        CubbyServer server = CubbyServer.empty().args("--config", config.toString(), "--free-space-reserve", reserve);
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
    private static HttpResponse<String> putStreamed(CubbyServer server, String key, byte[] body) throws Exception {
        var url = server.presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket(BUCKET).key(key))).url();
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpRequest request = HttpRequest.newBuilder(url.toURI())
                    .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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

package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Multipart state lives on disk, not in the process: an upload survives a restart, and an upload
 * left unfinished longer than {@code CUBBY_MULTIPART_EXPIRY} is swept with its staged parts.
 */
class MultipartRestartTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void uploadStartedBeforeARestartCompletesAfterIt() throws Exception {
        S3Client s3 = server.client();
        String bucket = server.newBucket("restart");
        List<byte[]> bodies = List.of(FixtureTree.seeded(MIN_PART, 301), FixtureTree.seeded(MIN_PART, 302),
                FixtureTree.seeded(2_000, 303));
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("survivor.bin")).uploadId();
        List<CompletedPart> parts = new ArrayList<>();
        parts.add(upload(s3, bucket, "survivor.bin", id, 1, bodies.get(0)));
        parts.add(upload(s3, bucket, "survivor.bin", id, 2, bodies.get(1)));

        server.restart();

        S3Client after = server.client(b -> { });
        assertEquals(List.of(1, 2), after.listParts(b -> b.bucket(bucket).key("survivor.bin").uploadId(id)).parts()
                .stream().map(Part::partNumber).toList());
        assertTrue(after.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .map(MultipartUpload::uploadId).toList().contains(id));
        parts.add(upload(after, bucket, "survivor.bin", id, 3, bodies.get(2)));
        String etag = after.completeMultipartUpload(b -> b.bucket(bucket).key("survivor.bin").uploadId(id)
                .multipartUpload(m -> m.parts(parts))).eTag();

        assertEquals(MultipartParts.etag(bodies), etag);
        assertArrayEquals(MultipartParts.concat(bodies), Files.readAllBytes(server.file(bucket, "survivor.bin")));
        assertEquals(etag, after.headObject(b -> b.bucket(bucket).key("survivor.bin")).eTag());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void uploadOlderThanTheExpiryIsSweptWithItsParts() throws Exception {
        try (TestServer expiring = TestServer.empty().env("CUBBY_MULTIPART_EXPIRY", "2s")) {
            expiring.start();
            S3Client s3 = expiring.client();
            String bucket = expiring.newBucket("stale");
            byte[] staged = FixtureTree.seeded(3_000, 304);
            TreeSnapshot before = TreeSnapshot.of(expiring.base());
            String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("forgotten.bin")).uploadId();
            upload(s3, bucket, "forgotten.bin", id, 1, staged);
            assertEquals(1, s3.listParts(b -> b.bucket(bucket).key("forgotten.bin").uploadId(id)).parts().size());

            // expiry 2 s, swept at most every 2 s: gone after about 4 s; 5 s leaves a margin
            Thread.sleep(5_000);

            assertS3Error(404, "NoSuchUpload",
                    () -> s3.listParts(b -> b.bucket(bucket).key("forgotten.bin").uploadId(id)));
            assertFalse(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                    .map(MultipartUpload::uploadId).toList().contains(id));
            assertEquals(before, TreeSnapshot.of(expiring.base()));
            assertEquals(List.of(), MultipartParts.stagedCopies(expiring.root(), staged), "staged part removed");
        }
    }

    private static CompletedPart upload(S3Client s3, String bucket, String key, String id, int number, byte[] body) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number),
                RequestBody.fromBytes(body)).eTag();
        assertEquals(Digests.etag(body), etag);
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }
}

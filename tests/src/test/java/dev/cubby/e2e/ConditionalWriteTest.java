package dev.cubby.e2e;

import static dev.cubby.e2e.MultipartParts.MIB;
import static dev.cubby.e2e.MultipartParts.MIN_PART;
import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Conditional writes: If-None-Match: * (create only) and If-Match: ETag (compare and swap) on
 * PutObject and CompleteMultipartUpload; a refused write leaves the existing file as it was, and of
 * many racing creators exactly one wins, whole.
 */
class ConditionalWriteTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] FIRST = "first version".getBytes();
    private static final byte[] SECOND = "second version".getBytes();
    private static final String OTHER_ETAG = "\"0123456789abcdef0123456789abcdef\"";

    private final S3Client s3 = server.client();

    @Test
    void ifNoneMatchStarCreatesAnAbsentKey() throws IOException {
        String bucket = server.newBucket("create");

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("new.txt").ifNoneMatch("*"),
                RequestBody.fromBytes(FIRST));

        assertEquals(200, put.sdkHttpResponse().statusCode());
        assertEquals(Digests.etag(FIRST), put.eTag());
        assertArrayEquals(FIRST, Files.readAllBytes(server.file(bucket, "new.txt")));
    }

    @Test
    void ifNoneMatchStarOnAnExistingKeyAnswersPreconditionFailedAndKeepsTheFile() throws IOException {
        String bucket = server.newBucket("exists");
        s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromBytes(FIRST));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(412, "PreconditionFailed", () -> s3.putObject(b -> b.bucket(bucket).key("k.txt").ifNoneMatch("*"),
                RequestBody.fromBytes(SECOND)));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertArrayEquals(FIRST, Files.readAllBytes(server.file(bucket, "k.txt")));
        assertEquals(Digests.etag(FIRST), s3.headObject(b -> b.bucket(bucket).key("k.txt")).eTag());
    }

    @Test
    void ifNoneMatchAnEtagRefusesOnlyWhenTheCurrentObjectHasIt() throws IOException {
        String bucket = server.newBucket("unless");
        s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromBytes(FIRST));

        assertS3Error(412, "PreconditionFailed", () -> s3.putObject(b -> b.bucket(bucket).key("k.txt")
                .ifNoneMatch(Digests.etag(FIRST)), RequestBody.fromBytes(SECOND)));
        assertArrayEquals(FIRST, Files.readAllBytes(server.file(bucket, "k.txt")));

        s3.putObject(b -> b.bucket(bucket).key("k.txt").ifNoneMatch(OTHER_ETAG), RequestBody.fromBytes(SECOND));
        assertArrayEquals(SECOND, Files.readAllBytes(server.file(bucket, "k.txt")));
        s3.putObject(b -> b.bucket(bucket).key("absent.txt").ifNoneMatch(OTHER_ETAG), RequestBody.fromBytes(FIRST));
        assertArrayEquals(FIRST, Files.readAllBytes(server.file(bucket, "absent.txt")));
    }

    @Test
    void ifMatchStarNeedsAnObjectAndTakesAnyEtag() throws IOException {
        String bucket = server.newBucket("anyetag");
        assertS3Error(404, "NoSuchKey", () -> s3.putObject(b -> b.bucket(bucket).key("k.txt").ifMatch("*"),
                RequestBody.fromBytes(FIRST)));
        assertFalse(Files.exists(server.file(bucket, "k.txt")));

        s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromBytes(FIRST));
        s3.putObject(b -> b.bucket(bucket).key("k.txt").ifMatch("*"), RequestBody.fromBytes(SECOND));
        assertArrayEquals(SECOND, Files.readAllBytes(server.file(bucket, "k.txt")));
    }

    @Test
    void ifMatchWithTheCurrentEtagReplacesTheObject() throws IOException {
        String bucket = server.newBucket("swap");
        s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromBytes(FIRST));

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k.txt").ifMatch(Digests.etag(FIRST)),
                RequestBody.fromBytes(SECOND));

        assertEquals(Digests.etag(SECOND), put.eTag());
        assertArrayEquals(SECOND, Files.readAllBytes(server.file(bucket, "k.txt")));
    }

    @Test
    void ifMatchWithAnotherEtagAnswersPreconditionFailedAndKeepsTheFile() throws IOException {
        String bucket = server.newBucket("swap");
        s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromBytes(FIRST));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(412, "PreconditionFailed", () -> s3.putObject(b -> b.bucket(bucket).key("k.txt").ifMatch(OTHER_ETAG),
                RequestBody.fromBytes(SECOND)));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertArrayEquals(FIRST, Files.readAllBytes(server.file(bucket, "k.txt")));
    }

    /** S3: "If there's no current object version with the same name ... the operation fails with a 404". */
    @Test
    void ifMatchOnAMissingKeyAnswersNoSuchKeyAndCreatesNothing() throws IOException {
        String bucket = server.newBucket("swap");
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(404, "NoSuchKey", () -> s3.putObject(b -> b.bucket(bucket).key("absent.txt").ifMatch(OTHER_ETAG),
                RequestBody.fromBytes(SECOND)));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertFalse(Files.exists(server.file(bucket, "absent.txt")));
    }

    @Test
    void completeWithIfNoneMatchStarAfterTheKeyAppearedAnswersPreconditionFailed() throws IOException {
        String bucket = server.newBucket("mpu");
        byte[] part1 = FixtureTree.seeded(MIN_PART, 501);
        byte[] part2 = FixtureTree.seeded(1000, 502);
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("k.bin")).uploadId();
        List<CompletedPart> parts = List.of(part(bucket, id, 1, part1), part(bucket, id, 2, part2));
        s3.putObject(b -> b.bucket(bucket).key("k.bin"), RequestBody.fromBytes(FIRST));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(412, "PreconditionFailed", () -> s3.completeMultipartUpload(b -> b.bucket(bucket).key("k.bin")
                .uploadId(id).ifNoneMatch("*").multipartUpload(m -> m.parts(parts))));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertArrayEquals(FIRST, Files.readAllBytes(server.file(bucket, "k.bin")));
        assertEquals(Digests.etag(FIRST), s3.headObject(b -> b.bucket(bucket).key("k.bin")).eTag());
    }

    @Test
    void completeWithIfNoneMatchStarOnAnAbsentKeyCompletes() throws IOException {
        String bucket = server.newBucket("mpu");
        byte[] only = FixtureTree.seeded(1000, 503);
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("k.bin")).uploadId();
        CompletedPart part = part(bucket, id, 1, only);

        String etag = s3.completeMultipartUpload(b -> b.bucket(bucket).key("k.bin").uploadId(id).ifNoneMatch("*")
                .multipartUpload(m -> m.parts(part))).eTag();

        assertEquals(MultipartParts.etag(List.of(only)), etag);
        assertArrayEquals(only, Files.readAllBytes(server.file(bucket, "k.bin")));
    }

    /**
     * Sixteen creators race; one wins with 200 and its whole body is the file. The losers get 412
     * PreconditionFailed, or 409 ConditionalRequestConflict, which S3 documents for a conflicting
     * write still in flight.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void ofSixteenConcurrentCreatorsExactlyOneWinsAndItsBodyIsTheFile() throws Exception {
        String bucket = server.newBucket("race");
        int writers = 16;
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            bodies.add(FixtureTree.seeded(MIB, 600 + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> outcomes = new ArrayList<>();
        try {
            for (byte[] body : bodies) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    try {
                        return s3.putObject(b -> b.bucket(bucket).key("race.bin").ifNoneMatch("*"),
                                RequestBody.fromBytes(body)).sdkHttpResponse().statusCode();
                    } catch (S3Exception refused) {
                        String code = refused.awsErrorDetails().errorCode();
                        assertTrue((refused.statusCode() == 412 && code.equals("PreconditionFailed"))
                                || (refused.statusCode() == 409 && code.equals("ConditionalRequestConflict")),
                                () -> "a loser's answer: " + refused.getMessage());
                        return refused.statusCode();
                    }
                }));
            }
            go.countDown();
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                if (outcomes.get(i).get(100, TimeUnit.SECONDS) == 200) {
                    winners.add(i);
                }
            }

            assertEquals(1, winners.size(), () -> "writers answered 200: " + winners);
            byte[] winner = bodies.get(winners.getFirst());
            assertArrayEquals(winner, Files.readAllBytes(server.file(bucket, "race.bin")));
            assertEquals(Digests.etag(winner), s3.headObject(b -> b.bucket(bucket).key("race.bin")).eTag());
        } finally {
            pool.shutdownNow();
        }
    }

    private CompletedPart part(String bucket, String id, int number, byte[] body) {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key("k.bin").uploadId(id).partNumber(number),
                RequestBody.fromBytes(body)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }
}

package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;

/**
 * If-Match, If-None-Match, If-Modified-Since and If-Unmodified-Since on GET and HEAD, with S3's
 * rules where two of them disagree.
 */
class ConditionalRequestTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] BODY = "conditional body".getBytes();
    private static final String ETAG = Digests.etag(BODY);
    private static final String OTHER_ETAG = "\"0123456789abcdef0123456789abcdef\"";
    private static final Duration HOUR = Duration.ofHours(1);

    private static String bucket;
    private static Instant lastModified;

    private final S3Client s3 = server.client();

    @BeforeAll
    static void putObject() throws IOException {
        bucket = server.newBucket("cond");
        server.client().putObject(b -> b.bucket(bucket).key("c.txt"), RequestBody.fromBytes(BODY));
        lastModified = server.client().headObject(b -> b.bucket(bucket).key("c.txt")).lastModified();
    }

    @Test
    void ifMatchWithTheEtagAnswers200() {
        assertGetAndHeadStatus(200, b -> b.ifMatch(ETAG), b -> b.ifMatch(ETAG));
    }

    @Test
    void ifMatchWithAnotherEtagAnswersPreconditionFailed() {
        assertS3Error(412, "PreconditionFailed", () -> get(b -> b.ifMatch(OTHER_ETAG)));
        assertS3Status(412, () -> head(b -> b.ifMatch(OTHER_ETAG)));
    }

    @Test
    void ifNoneMatchWithTheEtagAnswersNotModified() {
        assertS3Status(304, () -> get(b -> b.ifNoneMatch(ETAG)));
        assertS3Status(304, () -> head(b -> b.ifNoneMatch(ETAG)));
    }

    @Test
    void ifNoneMatchWithAnotherEtagAnswers200() {
        assertGetAndHeadStatus(200, b -> b.ifNoneMatch(OTHER_ETAG), b -> b.ifNoneMatch(OTHER_ETAG));
    }

    @Test
    void ifModifiedSinceAtOrAfterLastModifiedAnswersNotModified() {
        assertS3Status(304, () -> get(b -> b.ifModifiedSince(lastModified)));
        assertS3Status(304, () -> get(b -> b.ifModifiedSince(lastModified.plus(HOUR))));
        assertS3Status(304, () -> head(b -> b.ifModifiedSince(lastModified.plus(HOUR))));
    }

    @Test
    void ifModifiedSinceBeforeLastModifiedAnswers200() {
        Instant earlier = lastModified.minus(HOUR);
        assertGetAndHeadStatus(200, b -> b.ifModifiedSince(earlier), b -> b.ifModifiedSince(earlier));
    }

    @Test
    void ifUnmodifiedSinceBeforeLastModifiedAnswersPreconditionFailed() {
        assertS3Error(412, "PreconditionFailed", () -> get(b -> b.ifUnmodifiedSince(lastModified.minus(HOUR))));
        assertS3Status(412, () -> head(b -> b.ifUnmodifiedSince(lastModified.minus(HOUR))));
    }

    @Test
    void ifUnmodifiedSinceAtOrAfterLastModifiedAnswers200() {
        assertGetAndHeadStatus(200, b -> b.ifUnmodifiedSince(lastModified), b -> b.ifUnmodifiedSince(lastModified));
    }

    @Test
    void ifMatchTrueWinsOverIfUnmodifiedSinceFalse() {
        Instant earlier = lastModified.minus(HOUR);
        assertGetAndHeadStatus(200, b -> b.ifMatch(ETAG).ifUnmodifiedSince(earlier),
                b -> b.ifMatch(ETAG).ifUnmodifiedSince(earlier));
    }

    @Test
    void ifNoneMatchFalseWithIfModifiedSinceTrueAnswersNotModified() {
        Instant earlier = lastModified.minus(HOUR);
        assertS3Status(304, () -> get(b -> b.ifNoneMatch(ETAG).ifModifiedSince(earlier)));
        assertS3Status(304, () -> head(b -> b.ifNoneMatch(ETAG).ifModifiedSince(earlier)));
    }

    @Test
    void notModifiedResponseHasNoBodyAndCarriesTheEtag() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/" + bucket + "/c.txt")
                .withHeader("If-None-Match", ETAG));

        assertEquals(304, response.status(), response::toString);
        assertEquals(0, response.body().length);
        assertEquals(ETAG, response.header("ETag"));
    }

    @Test
    void preconditionFailedIsAnS3ErrorDocument() throws IOException {
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(lastModified.minus(HOUR).atOffset(ZoneOffset.UTC));
        RawResponse response = server.sendSigned(server.request("GET", "/" + bucket + "/c.txt")
                .withHeader("If-Unmodified-Since", date));

        S3Assert.assertS3Error(response, 412, "PreconditionFailed");
    }

    private void assertGetAndHeadStatus(int status, Consumer<GetObjectRequest.Builder> getConditions,
                                        Consumer<HeadObjectRequest.Builder> headConditions) {
        assertEquals(status, get(getConditions));
        assertEquals(status, head(headConditions));
    }

    private int get(Consumer<GetObjectRequest.Builder> conditions) {
        return s3.getObjectAsBytes(b -> conditions.accept(b.bucket(bucket).key("c.txt")))
                .response().sdkHttpResponse().statusCode();
    }

    private int head(Consumer<HeadObjectRequest.Builder> conditions) {
        return s3.headObject(b -> conditions.accept(b.bucket(bucket).key("c.txt"))).sdkHttpResponse().statusCode();
    }
}

package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** PutObject, GetObject, HeadObject and DeleteObject: responses, and the plain files behind them. */
class ObjectTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private final S3Client s3 = server.client();

    @Test
    void putStoresTheExactBytesAsAPlainFileAndAnswersTheMd5Etag() throws IOException {
        String bucket = server.newBucket("put");
        byte[] body = FixtureTree.seeded(5 * 1024 * 1024 + 17, 1);

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("big.bin"), RequestBody.fromBytes(body));

        assertEquals(Digests.etag(body), put.eTag());
        assertArrayEquals(body, Files.readAllBytes(server.file(bucket, "big.bin")));
    }

    @Test
    void putOfAnEmptyBodyMakesAnEmptyFile() throws IOException {
        String bucket = server.newBucket("put");

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("empty.txt"), RequestBody.empty());

        assertEquals("\"" + Digests.EMPTY_MD5 + "\"", put.eTag());
        assertEquals(0, Files.size(server.file(bucket, "empty.txt")));
    }

    @Test
    void putOverAnExistingObjectReplacesFileAndEtag() throws IOException {
        String bucket = server.newBucket("put");
        s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromString("first version"));

        PutObjectResponse put = s3.putObject(b -> b.bucket(bucket).key("k.txt"), RequestBody.fromString("second"));

        assertEquals(Digests.etag("second".getBytes()), put.eTag());
        assertEquals("second", Files.readString(server.file(bucket, "k.txt")));
        assertEquals(Digests.etag("second".getBytes()),
                s3.headObject(b -> b.bucket(bucket).key("k.txt")).eTag());
    }

    @Test
    void getReturnsBytesWithEtagLengthLastModifiedAndAcceptRanges() throws IOException {
        String bucket = server.newBucket("get");
        byte[] body = FixtureTree.seeded(10_000, 2);
        Instant before = Instant.now().minusSeconds(2);
        s3.putObject(b -> b.bucket(bucket).key("g.bin"), RequestBody.fromBytes(body));

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("g.bin"));

        assertArrayEquals(body, got.asByteArray());
        GetObjectResponse response = got.response();
        assertEquals(200, response.sdkHttpResponse().statusCode());
        assertEquals(Digests.etag(body), response.eTag());
        assertEquals(body.length, response.contentLength());
        assertEquals("bytes", response.acceptRanges());
        assertTrue(!response.lastModified().isBefore(before.truncatedTo(ChronoUnit.SECONDS))
                && response.lastModified().isBefore(Instant.now().plusSeconds(2)),
                "Last-Modified of a fresh PUT is about now: " + response.lastModified());
    }

    @Test
    void headAnswersTheSameHeadersAsGet() {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(FixtureTree.DOCS).key(FixtureTree.DEEP_KEY));
        GetObjectResponse get = s3.getObjectAsBytes(b -> b.bucket(FixtureTree.DOCS).key(FixtureTree.DEEP_KEY))
                .response();

        assertEquals(Digests.etag(FixtureTree.deepBytes()), head.eTag());
        assertEquals(get.eTag(), head.eTag());
        assertEquals(FixtureTree.deepBytes().length, head.contentLength());
        assertEquals(get.lastModified(), head.lastModified());
        assertEquals(get.contentType(), head.contentType());
        assertEquals("bytes", head.acceptRanges());
    }

    @Test
    void contentHeadersAndUserMetadataRoundTrip() throws IOException {
        String bucket = server.newBucket("meta");
        Map<String, String> metadata = Map.of("color", "blue", "taken-by", "Ada Lovelace");
        ObjectHeaders expected = new ObjectHeaders("application/x-cubby-test", "max-age=60, public",
                "attachment; filename=\"report.dat\"", "gzip", metadata);
        s3.putObject(b -> b.bucket(bucket).key("with-headers.dat")
                        .contentType(expected.contentType())
                        .cacheControl(expected.cacheControl())
                        .contentDisposition(expected.contentDisposition())
                        .contentEncoding(expected.contentEncoding())
                        .metadata(metadata),
                RequestBody.fromString("not really gzip"));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("with-headers.dat"));
        GetObjectResponse get = s3.getObjectAsBytes(b -> b.bucket(bucket).key("with-headers.dat")).response();

        // gzip alone: the SDK's aws-chunked content coding is how the body travelled, not part of the object
        assertEquals(expected, ObjectHeaders.of(head));
        assertEquals(expected, ObjectHeaders.of(get));
    }

    /** The stored representation headers of an object, as HEAD or GET report them. */
    private record ObjectHeaders(String contentType, String cacheControl, String contentDisposition,
                                 String contentEncoding, Map<String, String> metadata) {
        static ObjectHeaders of(HeadObjectResponse r) {
            return new ObjectHeaders(r.contentType(), r.cacheControl(), r.contentDisposition(),
                    r.contentEncoding(), r.metadata());
        }

        static ObjectHeaders of(GetObjectResponse r) {
            return new ObjectHeaders(r.contentType(), r.cacheControl(), r.contentDisposition(),
                    r.contentEncoding(), r.metadata());
        }
    }

    @Test
    void keysWithSpacesAndNonAsciiLettersAreStoredUnderThatFileName() throws IOException {
        String bucket = server.newBucket("names");
        String key = "Ordner mit Leerzeichen/Grüße ✓ 東京.txt";

        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("unicode"));

        assertEquals("unicode", Files.readString(server.file(bucket, key)));
        assertEquals("unicode", s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
    }

    @Test
    void getOfAMissingKeyAnswersNoSuchKey() {
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key("nope.txt")));
        assertS3Error(404, "NoSuchKey",
                () -> s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key("no/such/folder/x")));
    }

    @Test
    void headOfAMissingKeyAnswers404() {
        assertS3Status(404, () -> s3.headObject(b -> b.bucket(FixtureTree.PHOTOS).key("nope.txt")));
    }

    @Test
    void getOfAFolderWithoutTrailingSlashAnswersNoSuchKey() {
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key("2024")));
    }

    @Test
    void getInAMissingBucketAnswersNoSuchBucket() {
        assertS3Error(404, "NoSuchBucket", () -> s3.getObjectAsBytes(b -> b.bucket("no-such-bucket").key("x")));
    }

    @Test
    void deleteRemovesTheFileAndAnswers204() throws IOException {
        String bucket = server.newBucket("del");
        s3.putObject(b -> b.bucket(bucket).key("gone.txt"), RequestBody.fromString("bye"));

        DeleteObjectResponse deleted = s3.deleteObject(b -> b.bucket(bucket).key("gone.txt"));

        assertEquals(204, deleted.sdkHttpResponse().statusCode());
        assertFalse(Files.exists(server.file(bucket, "gone.txt")));
        assertS3Status(404, () -> s3.headObject(b -> b.bucket(bucket).key("gone.txt")));
    }

    @Test
    void deleteOfAMissingKeyAnswers204AndChangesNothing() throws IOException {
        String bucket = server.newBucket("del");
        s3.putObject(b -> b.bucket(bucket).key("stays.txt"), RequestBody.fromString("here"));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertEquals(204, s3.deleteObject(b -> b.bucket(bucket).key("never-was.txt")).sdkHttpResponse().statusCode());
        assertEquals(204, s3.deleteObject(b -> b.bucket(bucket).key("no/such/dir/x")).sdkHttpResponse().statusCode());

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void deleteOfAPreExistingFileRemovesIt() throws IOException {
        String bucket = server.newBucket("del");
        Files.writeString(server.root().resolve(bucket).resolve("samba.txt"), "made over Samba");

        s3.deleteObject(b -> b.bucket(bucket).key("samba.txt"));

        assertFalse(Files.exists(server.file(bucket, "samba.txt")));
    }

    @Test
    void rawGetCarriesTheStandardObjectHeaders() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/photos/readme.txt"));

        assertEquals(200, response.status(), response::toString);
        assertArrayEquals(FixtureTree.readmeBytes(), response.body());
        assertEquals(Integer.toString(FixtureTree.readmeBytes().length), response.header("Content-Length"));
        assertEquals(Digests.etag(FixtureTree.readmeBytes()), response.header("ETag"));
        assertEquals("bytes", response.header("Accept-Ranges"));
        assertEquals(FixtureTree.MTIME, httpDate(response.header("Last-Modified")));
        assertTrue(response.header("x-amz-request-id") != null, "x-amz-request-id on every response");
        assertTrue(Duration.between(Instant.now(), httpDate(response.header("Date"))).abs().getSeconds() < 60,
                "Date is the server's current time");
    }

    private static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}

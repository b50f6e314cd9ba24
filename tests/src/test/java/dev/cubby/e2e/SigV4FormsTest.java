package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Every form of SigV4 a client sends: header auth with a signed payload, the unsigned payload,
 * signed streaming chunks with and without a trailer, the unsigned-trailer stream, and presigned
 * URLs (valid and expired).
 */
class SigV4FormsTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final RequestRecorder recorder = new RequestRecorder();
    /** More than two of the SDK's 128 KiB chunks. */
    private static final byte[] BODY = FixtureTree.seeded(300_000, 31);

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void defaultClientSendsSignedChunksWithAChecksumTrailer() throws IOException {
        S3Client s3 = server.client(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(recorder)));
        String bucket = server.newBucket("sig");

        String etag = s3.putObject(b -> b.bucket(bucket).key("default.bin"), RequestBody.fromBytes(BODY)).eTag();

        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", recorder.lastHeader("x-amz-content-sha256"));
        assertStored(bucket, "default.bin", BODY, etag);
    }

    @Test
    void streamingSignedChunksWithoutTrailerAreAccepted() throws IOException {
        S3Client s3 = server.client(b -> b
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(true).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)));
        String bucket = server.newBucket("sig");

        String etag = s3.putObject(b -> b.bucket(bucket).key("chunked.bin"), RequestBody.fromBytes(BODY)).eTag();

        assertEquals("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", recorder.lastHeader("x-amz-content-sha256"));
        assertStored(bucket, "chunked.bin", BODY, etag);
    }

    @Test
    void signedPayloadHashIsAccepted() throws IOException {
        S3Client s3 = server.client(b -> b
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)));
        String bucket = server.newBucket("sig");

        String etag = s3.putObject(b -> b.bucket(bucket).key("plain.bin"), RequestBody.fromBytes(BODY)).eTag();

        assertEquals(Digests.sha256Hex(BODY), recorder.lastHeader("x-amz-content-sha256"));
        assertStored(bucket, "plain.bin", BODY, etag);
    }

    @Test
    void unsignedPayloadIsAccepted() throws IOException {
        String bucket = server.newBucket("sig");
        RawRequest put = server.request("PUT", "/" + bucket + "/unsigned.bin").withBody(BODY);

        RawResponse response = server.send(server.signer().sign(put, Instant.now(), SigV4.UNSIGNED_PAYLOAD));

        assertEquals(200, response.status(), response::toString);
        assertStored(bucket, "unsigned.bin", BODY, response.header("ETag"));
    }

    @Test
    void unsignedPayloadWithChecksumTrailerIsAccepted() throws IOException {
        String bucket = server.newBucket("sig");
        String crc32 = Digests.checksumBase64(ChecksumAlgorithm.CRC32, BODY);
        RawRequest put = AwsChunked.put(server.request("PUT", "/" + bucket + "/trailer.bin"), BODY, 65_536,
                "x-amz-checksum-crc32", crc32);

        RawResponse response = server.send(server.signer().sign(put, Instant.now(),
                SigV4.STREAMING_UNSIGNED_PAYLOAD_TRAILER));

        assertEquals(200, response.status(), response::toString);
        assertStored(bucket, "trailer.bin", BODY, response.header("ETag"));
        assertEquals(crc32, server.client().headObject(b -> b.bucket(bucket).key("trailer.bin")
                .checksumMode(ChecksumMode.ENABLED)).checksumCRC32());
    }

    @Test
    void payloadHashSignedByHandIsAccepted() throws IOException {
        String bucket = server.newBucket("sig");

        RawResponse response = server.sendSigned(server.request("PUT", "/" + bucket + "/by-hand.bin").withBody(BODY));

        assertEquals(200, response.status(), response::toString);
        assertStored(bucket, "by-hand.bin", BODY, response.header("ETag"));
    }

    @Test
    void signatureForAnyRegionIsAccepted() throws IOException {
        S3Client frankfurt = server.client(b -> b.region(Region.EU_CENTRAL_1));
        String bucket = server.newBucket("sig");

        String etag = frankfurt.putObject(b -> b.bucket(bucket).key("region.bin"), RequestBody.fromBytes(BODY)).eTag();

        assertStored(bucket, "region.bin", BODY, etag);
        assertArrayEquals(BODY, frankfurt.getObjectAsBytes(b -> b.bucket(bucket).key("region.bin")).asByteArray());
    }

    @Test
    void keysAndQueriesWithReservedCharactersSignAndRoundTrip() throws IOException {
        String bucket = server.newBucket("sig");
        String key = "odd/a+b=c&d~e*f(g)!h'i,j;k:l@m$n é%20.txt";
        S3Client s3 = server.client();

        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("reserved"));

        assertEquals("reserved", Files.readString(server.file(bucket, key)));
        assertEquals("reserved", s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String());
        assertEquals(List.of(key), s3.listObjectsV2(b -> b.bucket(bucket).prefix("odd/a+b=c&d"))
                .contents().stream().map(S3Object::key).toList());
    }

    @Test
    void presignedGetServesTheObject() throws Exception {
        String bucket = server.newBucket("pre");
        server.client().putObject(b -> b.bucket(bucket).key("shared file.bin"), RequestBody.fromBytes(BODY));
        S3Presigner presigner = server.presigner();

        URI url = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("shared file.bin"))).url().toURI();
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertEquals(200, response.statusCode());
        assertArrayEquals(BODY, response.body());
    }

    @Test
    void presignedPutStoresTheBody() throws Exception {
        String bucket = server.newBucket("pre");
        S3Presigner presigner = server.presigner();

        URI url = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(bucket).key("uploaded.bin"))).url().toURI();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(BODY)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertStored(bucket, "uploaded.bin", BODY, response.headers().firstValue("ETag").orElse(null));
    }

    @Test
    void expiredPresignedUrlAnswersAccessDenied() throws Exception {
        String bucket = server.newBucket("pre");
        server.client().putObject(b -> b.bucket(bucket).key("brief.txt"), RequestBody.fromString("brief"));
        URI url = server.presigner().presignGetObject(r -> r.signatureDuration(Duration.ofSeconds(1))
                .getObjectRequest(g -> g.bucket(bucket).key("brief.txt"))).url().toURI();

        Thread.sleep(2_000); // time is the point: the URL must outlive its one second

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        S3Assert.assertS3Error(RawResponse.of(response), 403, "AccessDenied");
    }

    private static void assertStored(String bucket, String key, byte[] expected, String etag) throws IOException {
        assertArrayEquals(expected, Files.readAllBytes(server.file(bucket, key)), "the file holds the decoded body");
        assertEquals(Digests.etag(expected), etag);
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Checks the test-only {@link SigV4} signer against the worked examples in the AWS S3 API
 * reference ("Signature Calculations for the Authorization Header" and "Query String
 * Authentication"), so signatures the suite makes by hand can be trusted. Needs no server.
 */
class SigV4SelfTest {
    private static final SigV4 EXAMPLE_SIGNER =
            new SigV4("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1");
    private static final Instant EXAMPLE_TIME = Instant.parse("2013-05-24T00:00:00Z");
    private static final String HOST = "examplebucket.s3.amazonaws.com";
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    @Test
    void getObjectWithRangeMatchesTheDocumentedSignature() {
        RawRequest request = RawRequest.of("GET", "/test.txt")
                .withHeader("Host", HOST)
                .withHeader("Range", "bytes=0-9");

        String authorization = EXAMPLE_SIGNER.sign(request, EXAMPLE_TIME, EMPTY_SHA256).header("Authorization");

        assertEquals("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", authorization);
    }

    @Test
    void putObjectWithEscapedKeyMatchesTheDocumentedSignature() {
        byte[] body = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
        RawRequest request = RawRequest.of("PUT", "/test%24file.text")
                .withHeader("Host", HOST)
                .withHeader("Date", "Fri, 24 May 2013 00:00:00 GMT")
                .withHeader("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .withBody(body);

        String authorization = EXAMPLE_SIGNER.sign(request, EXAMPLE_TIME, Digests.sha256Hex(body))
                .header("Authorization");

        assertTrue(authorization.endsWith(
                "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"), authorization);
    }

    @Test
    void listObjectsWithQueryMatchesTheDocumentedSignature() {
        RawRequest request = RawRequest.of("GET", "/?max-keys=2&prefix=J").withHeader("Host", HOST);

        String authorization = EXAMPLE_SIGNER.sign(request, EXAMPLE_TIME, EMPTY_SHA256).header("Authorization");

        assertTrue(authorization.endsWith(
                "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"), authorization);
    }

    @Test
    void subresourceWithoutValueMatchesTheDocumentedSignature() {
        RawRequest request = RawRequest.of("GET", "/?lifecycle").withHeader("Host", HOST);

        String authorization = EXAMPLE_SIGNER.sign(request, EXAMPLE_TIME, EMPTY_SHA256).header("Authorization");

        assertTrue(authorization.endsWith(
                "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"), authorization);
    }

    @Test
    void presignedGetMatchesTheDocumentedSignature() {
        RawRequest request = RawRequest.of("GET", "/test.txt").withHeader("Host", HOST);

        String target = EXAMPLE_SIGNER.presign(request, EXAMPLE_TIME, 86_400).target();

        assertTrue(target.endsWith(
                "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404"), target);
    }

    @Test
    void canonicalUriKeepsDotSegmentsAndEncodesEachByte() {
        assertEquals("/b/a/../x", SigV4.canonicalUri("/b/a/../x"));
        assertEquals("/b/../x", SigV4.canonicalUri("/b/%2e%2e/x"));
        assertEquals("/b/a//b", SigV4.canonicalUri("/b/a//b"));
        assertEquals("/b/Gr%C3%BC%C3%9Fe%20x%2By", SigV4.canonicalUri("/b/Gr%C3%BC%C3%9Fe%20x+y"));
    }
}

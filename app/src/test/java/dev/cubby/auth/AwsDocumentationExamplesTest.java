package dev.cubby.auth;

import static dev.cubby.auth.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The published AWS examples, verified end to end through {@link SignatureVerifier}. */
class AwsDocumentationExamplesTest {

    @Test
    void getObjectWithRange() {
        Authentication auth = verifier().verify(getObject());
        assertEquals(ACCESS_KEY, auth.accessKeyId());
        assertEquals("us-east-1", auth.region());
        assertEquals(PayloadMode.SHA256, auth.payloadMode());
        assertFalse(auth.isAnonymous());
    }

    @Test
    void canonicalRequestOfGetObjectIsTheDocumentedOne() {
        SignedRequest request = getObject();
        String documented = """
                GET
                /test.txt

                host:examplebucket.s3.amazonaws.com
                range:bytes=0-9
                x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-amz-date:20130524T000000Z

                host;range;x-amz-content-sha256;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""";
        SignedHeaders signed =
                SignedHeaders.parse("host;range;x-amz-content-sha256;x-amz-date", SignatureLocation.AUTHORIZATION_HEADER);
        assertEquals(documented, CanonicalRequest.of(request, List.of(), signed, EMPTY_SHA256).text());
        // The documented string to sign hashes the canonical request to 7344ae5b...
        assertEquals("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972", Sha256.hex(documented));
        SigningKey key = SigningKey.derive(SECRET, new CredentialScope("20130524", "us-east-1"));
        assertEquals("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
                key.sign(StringToSign.forRequest(AMZ_DATE, new CredentialScope("20130524", "us-east-1"), documented)));
    }

    @Test
    void putObjectWithSignedPayload() throws Exception {
        SignatureVerifier verifier = verifier();
        SignedRequest request = putObject();
        Authentication auth = verifier.verify(request);
        assertEquals(PayloadMode.SHA256, auth.payloadMode());
        VerifiedBody body = verifier.wrapBody(auth, request, stream(PUT_BODY.getBytes(StandardCharsets.UTF_8)));
        assertEquals(PUT_BODY, new String(readAll(body.stream()), StandardCharsets.UTF_8));
        assertEquals(Map.of(), body.trailers());
    }

    @Test
    void getBucketLifecycle() {
        assertEquals(ACCESS_KEY, verifier().verify(getLifecycle()).accessKeyId());
    }

    @Test
    void listObjects() {
        assertEquals(ACCESS_KEY, verifier().verify(AwsExamples.listObjects()).accessKeyId());
    }

    @Test
    void presignedGet() {
        Authentication auth = verifier().verify(AwsExamples.presignedGet(PRESIGNED_QUERY));
        assertEquals(ACCESS_KEY, auth.accessKeyId());
        assertEquals(PayloadMode.UNSIGNED, auth.payloadMode());
    }

    @Test
    void chunkedUpload() throws Exception {
        SignatureVerifier verifier = verifier();
        SignedRequest request = chunkedPut();
        Authentication auth = verifier.verify(request);
        assertEquals(PayloadMode.STREAMING_SIGNED, auth.payloadMode());
        VerifiedBody body = verifier.wrapBody(auth, request, stream(chunkedBody(CHUNK_SIGNATURES)));
        assertArrayEquals("a".repeat(66560).getBytes(StandardCharsets.US_ASCII), readAll(body.stream()));
        assertEquals(Map.of(), body.trailers());
    }

    /** "Including Trailing Headers (Chunked Upload)": signed chunks and a signed CRC32C trailer. */
    @Test
    void chunkedUploadWithSignedTrailer() throws Exception {
        SignatureVerifier verifier = verifier();
        SignedRequest request = signedTrailerPut();
        Authentication auth = verifier.verify(request);
        assertEquals(PayloadMode.STREAMING_SIGNED_TRAILER, auth.payloadMode());
        VerifiedBody body = verifier.wrapBody(auth, request, stream(signedTrailerBody(
                "x-amz-checksum-crc32c:sOO8/Q==\r\nx-amz-trailer-signature:" + TRAILER_SIGNATURE + "\r\n\r\n")));
        assertEquals(Map.of(), body.trailers(), "trailers are only known at end of stream");
        assertEquals(66560, readAll(body.stream()).length);
        assertEquals(Map.of("x-amz-checksum-crc32c", "sOO8/Q=="), body.trailers());
    }
}

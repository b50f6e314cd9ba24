package dev.cubby.auth;

import static dev.cubby.auth.AwsExamples.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Signature Version 2 through {@link SignatureVerifier#verify}, path style as Cubby serves it.
 *
 * <p>Expected signatures come from the real client (boto3 1.26.27 / botocore 1.29.27, Debian's
 * python3-boto3, {@code generate_presigned_url} offline) or were computed independently with
 * python3 hmac/hashlib/base64 over the hand-written string to sign quoted next to each; none was
 * taken from the code under test.
 */
class SigV2VerifierTest {

    private static void assertS3Error(S3ErrorCode expected, Executable executable) {
        S3Exception e = assertThrows(S3Exception.class, executable);
        assertEquals(expected, e.code(), e.getMessage());
    }

    private static Map<String, List<String>> with(Map<String, List<String>> headers, String name, List<String> values) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.put(name, values);
        return copy;
    }

    // ---- Header form ----

    /** StringToSign "GET\n\n\nFri, 24 May 2013 00:00:00 GMT\n/examplebucket/my%20folder/caf%C3%A9.txt". */
    private static SignedRequest headerGet() {
        return new SignedRequest("GET", "/examplebucket/my%20folder/caf%C3%A9.txt", "", headers(
                "Host", "localhost:9000",
                "Date", "Fri, 24 May 2013 00:00:00 GMT",
                "Authorization", "AWS " + ACCESS_KEY + ":A2P//BadFRq5uBwDih9DpgF2le0="));
    }

    /**
     * StringToSign "PUT\n1B2M2Y8AsgTpgAmY7PhCfg==\ntext/plain\n\nx-amz-date:Fri, 24 May 2013 00:00:00
     * +0000\nx-amz-meta-list:a,b\nx-amz-meta-note:hello    world\n/examplebucket/notes/today.txt": the
     * Date line is empty because x-amz-date is present, repeated values are joined, values trimmed
     * but not collapsed.
     */
    private static SignedRequest headerPutWithAmzHeaders() {
        Map<String, List<String>> h = headers(
                "Host", "localhost:9000",
                "Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg==",
                "Content-Type", "text/plain",
                "Date", "Sat, 01 Jan 2000 00:00:00 GMT",
                "X-Amz-Date", "Fri, 24 May 2013 00:00:00 +0000",
                "X-Amz-Meta-Note", "  hello    world  ",
                "Authorization", "AWS " + ACCESS_KEY + ":XUzOAbbgXOacxNQ0fIe/8hoz968=");
        return new SignedRequest("PUT", "/examplebucket/notes/today.txt", "",
                with(h, "x-amz-meta-list", List.of("a", " b ")));
    }

    @Test
    void headerFormVerifies() {
        Authentication auth = verifier().verify(headerGet());
        assertEquals(ACCESS_KEY, auth.accessKeyId());
        assertFalse(auth.isAnonymous());
        assertEquals(PayloadMode.UNSIGNED, auth.payloadMode());
        assertNull(auth.signing());
        assertEquals(ACCESS_KEY, verifier().verify(headerPutWithAmzHeaders()).accessKeyId());
    }

    @Test
    void headerFormBodyIsNotChecked() throws Exception {
        SignatureVerifier verifier = verifier();
        SignedRequest request = headerPutWithAmzHeaders();
        Authentication auth = verifier.verify(request);
        byte[] body = "not the body whose MD5 was declared".getBytes(StandardCharsets.UTF_8);
        assertEquals(new String(body, StandardCharsets.UTF_8), new String(
                readAll(verifier.wrapBody(auth, request, stream(body)).stream()), StandardCharsets.UTF_8));
    }

    @Test
    void headerFormTampering() {
        SignedRequest get = headerGet();
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(
                new SignedRequest("GET", "/examplebucket/my%20folder/cafe.txt", "", get.headers())));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(
                new SignedRequest("HEAD", get.rawPath(), "", get.headers())));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(
                new SignedRequest("GET", get.rawPath(), "acl", get.headers())));
        // An added amz header is signed by definition, so it breaks the signature.
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(new SignedRequest(
                "GET", get.rawPath(), "", with(get.headers(), "x-amz-acl", List.of("public-read")))));
        SignedRequest put = headerPutWithAmzHeaders();
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier().verify(new SignedRequest(
                "PUT", put.rawPath(), "", with(put.headers(), "content-type", List.of("text/html")))));
    }

    @Test
    void headerFormWrongSecret() {
        CredentialLookup other = id -> Optional.of(new Credential(id, SECRET.replace('K', 'k')));
        SignatureVerifier verifier = new SignatureVerifier(other, Clock.fixed(TIME, ZoneOffset.UTC));
        S3Exception e = assertThrows(S3Exception.class, () -> verifier.verify(headerGet()));
        assertEquals(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, e.code());
        assertTrue(e.getMessage().contains("/examplebucket/my%20folder/caf%C3%A9.txt"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    void headerFormUnknownAccessKey() {
        SignatureVerifier verifier = new SignatureVerifier(id -> Optional.empty(), Clock.fixed(TIME, ZoneOffset.UTC));
        assertS3Error(S3ErrorCode.INVALID_ACCESS_KEY_ID, () -> verifier.verify(headerGet()));
    }

    @Test
    void headerFormClockSkew() {
        assertS3Error(S3ErrorCode.REQUEST_TIME_TOO_SKEWED,
                () -> verifierAt(TIME.plus(Duration.ofMinutes(16))).verify(headerGet()));
        assertS3Error(S3ErrorCode.REQUEST_TIME_TOO_SKEWED,
                () -> verifierAt(TIME.minus(Duration.ofMinutes(16))).verify(headerGet()));
        assertEquals(ACCESS_KEY, verifierAt(TIME.plus(Duration.ofMinutes(14))).verify(headerGet()).accessKeyId());
        // x-amz-date, not the (stale) Date header, is the signing time when both are sent.
        assertS3Error(S3ErrorCode.REQUEST_TIME_TOO_SKEWED,
                () -> verifierAt(TIME.plus(Duration.ofHours(1))).verify(headerPutWithAmzHeaders()));
    }

    @Test
    void headerFormNeedsADate() {
        SignedRequest get = headerGet();
        Map<String, List<String>> noDate = new LinkedHashMap<>(get.headers());
        noDate.remove("date");
        assertS3Error(S3ErrorCode.ACCESS_DENIED,
                () -> verifier().verify(new SignedRequest("GET", get.rawPath(), "", noDate)));
        assertS3Error(S3ErrorCode.ACCESS_DENIED, () -> verifier().verify(
                new SignedRequest("GET", get.rawPath(), "", with(noDate, "date", List.of("yesterday")))));
    }

    @Test
    void malformedHeaderForms() {
        SignedRequest get = headerGet();
        for (String bad : List.of("AWS ", "AWS", "AWS " + ACCESS_KEY, "AWS\t" + ACCESS_KEY, "AWS " + ACCESS_KEY + ":",
                "AWS :abc=", "AWS " + ACCESS_KEY + ":ab cd")) {
            assertS3Error(S3ErrorCode.INVALID_ARGUMENT, () -> verifier().verify(
                    new SignedRequest("GET", get.rawPath(), "", with(get.headers(), "authorization", List.of(bad)))));
        }
    }

    @Test
    void sessionTokenIsRefused() {
        SignedRequest get = headerGet();
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> verifier().verify(new SignedRequest(
                "GET", get.rawPath(), "", with(get.headers(), "x-amz-security-token", List.of("token")))));
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> verifier().verify(new SignedRequest("GET",
                "/photos/key%20with%20space.txt", BOTO3_GET_QUERY + "&x-amz-security-token=abc", headers())));
    }

    @Test
    void awsChunkedBodyNeedsSigV4() {
        SignedRequest put = headerPutWithAmzHeaders();
        assertS3Error(S3ErrorCode.INVALID_REQUEST, () -> verifier().verify(new SignedRequest("PUT", put.rawPath(), "",
                with(put.headers(), "x-amz-content-sha256", List.of("STREAMING-UNSIGNED-PAYLOAD-TRAILER")))));
    }

    // ---- Query form (presigned URLs) ----

    /**
     * boto3 1.26.27: {@code generate_presigned_url('get_object', Params={'Bucket': 'photos', 'Key':
     * 'key with space.txt'}, ExpiresIn=3600)} against {@code http://127.0.0.1:9000}.
     */
    static final String BOTO3_GET_QUERY = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE"
            + "&Signature=Lj4puzsIgCJGnts0xXQ4WG7VGJk%3D&Expires=1795454902";
    static final Instant BOTO3_SIGNED_AT = Instant.ofEpochSecond(1795454902L - 3600);

    @Test
    void boto3PresignedGetVerifies() {
        SignedRequest request = new SignedRequest("GET", "/photos/key%20with%20space.txt", BOTO3_GET_QUERY,
                headers("Host", "127.0.0.1:9000", "User-Agent", "curl/8.5.0"));
        Authentication auth = verifierAt(BOTO3_SIGNED_AT).verify(request);
        assertEquals(ACCESS_KEY, auth.accessKeyId());
        assertFalse(auth.isAnonymous());
        assertEquals(PayloadMode.UNSIGNED, auth.payloadMode());
        assertEquals(ACCESS_KEY, verifierAt(Instant.ofEpochSecond(1795454902L)).verify(request).accessKeyId());
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifierAt(BOTO3_SIGNED_AT).verify(
                new SignedRequest("GET", "/photos/key%20with%20space.txu", BOTO3_GET_QUERY, request.headers())));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifierAt(BOTO3_SIGNED_AT).verify(
                new SignedRequest("PUT", request.rawPath(), BOTO3_GET_QUERY, request.headers())));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifierAt(BOTO3_SIGNED_AT).verify(new SignedRequest(
                "GET", request.rawPath(), BOTO3_GET_QUERY.replace("1795454902", "1795454903"), request.headers())));
    }

    /**
     * boto3 1.26.27: {@code generate_presigned_url('get_object', Params={'Bucket': 'photos', 'Key':
     * 'a b.txt', 'ResponseContentType': 'text/plain; charset=utf-8', 'VersionId': 'v1'},
     * ExpiresIn=3600)}: sub-resources are signed with decoded values.
     */
    @Test
    void boto3PresignedGetWithSubResourcesVerifies() {
        String query = "response-content-type=text%2Fplain%3B%20charset%3Dutf-8&versionId=v1"
                + "&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=W0lPqKptSrXq4GjxW6z%2F27bwWYI%3D&Expires=1795454902";
        assertEquals(ACCESS_KEY, verifierAt(BOTO3_SIGNED_AT).verify(
                new SignedRequest("GET", "/photos/a%20b.txt", query, headers("Host", "127.0.0.1:9000"))).accessKeyId());
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifierAt(BOTO3_SIGNED_AT).verify(new SignedRequest(
                "GET", "/photos/a%20b.txt", query.replace("versionId=v1", "versionId=v2"), headers())));
    }

    /**
     * boto3 1.26.27: {@code generate_presigned_url('put_object', Params={'Bucket': 'photos', 'Key':
     * 'dir/café +1.txt', 'ContentType': 'text/plain'}, ExpiresIn=3600)}. boto3 moves the signed
     * Content-Type into the query, so the uploader need not send it.
     */
    @Test
    void boto3PresignedPutWithContentTypeInTheQueryVerifies() {
        String query = "AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=9KDWAci4VTRrwicTVFQyzOj6x4k%3D"
                + "&content-type=text%2Fplain&Expires=1795454902";
        String path = "/photos/dir/caf%C3%A9%20%2B1.txt";
        assertEquals(ACCESS_KEY, verifierAt(BOTO3_SIGNED_AT).verify(
                new SignedRequest("PUT", path, query, headers("Host", "127.0.0.1:9000"))).accessKeyId());
        assertEquals(ACCESS_KEY, verifierAt(BOTO3_SIGNED_AT).verify(new SignedRequest("PUT", path, query,
                headers("Content-Type", "application/octet-stream"))).accessKeyId());
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifierAt(BOTO3_SIGNED_AT).verify(
                new SignedRequest("PUT", path, query.replace("text%2Fplain", "text%2Fhtml"), headers())));
    }

    @Test
    void queryFormExpired() {
        SignedRequest request = new SignedRequest("GET", "/photos/key%20with%20space.txt", BOTO3_GET_QUERY, headers());
        S3Exception e = assertThrows(S3Exception.class,
                () -> verifierAt(Instant.ofEpochSecond(1795454903L)).verify(request));
        assertEquals("AccessDenied", e.code().wireCode());
        assertEquals(403, e.code().httpStatus());
        assertTrue(e.getMessage().startsWith("Request has expired"), e.getMessage());
    }

    @Test
    void queryFormWrongSecret() {
        CredentialLookup other = id -> Optional.of(new Credential(id, SECRET.replace('K', 'k')));
        SignatureVerifier verifier = new SignatureVerifier(other, Clock.fixed(BOTO3_SIGNED_AT, ZoneOffset.UTC));
        assertS3Error(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH, () -> verifier.verify(
                new SignedRequest("GET", "/photos/key%20with%20space.txt", BOTO3_GET_QUERY, headers())));
    }

    @Test
    void queryFormUnknownAccessKey() {
        assertS3Error(S3ErrorCode.INVALID_ACCESS_KEY_ID, () -> verifierAt(BOTO3_SIGNED_AT).verify(new SignedRequest(
                "GET", "/photos/key%20with%20space.txt", BOTO3_GET_QUERY.replace("EXAMPLE", "EXAMPLF"), headers())));
    }

    /**
     * A multipart part upload, sub-resources sent out of order. StringToSign
     * "PUT\n\n\n1369353600\n/examplebucket/big.bin?partNumber=2&uploadId=VXBsb2FkIElE"; Expires
     * 1369353600 is {@link AwsExamples#TIME}.
     */
    @Test
    void queryFormWithSubResourcesAndExpiryBoundary() {
        String query = "uploadId=VXBsb2FkIElE&partNumber=2&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1369353600"
                + "&Signature=%2FerAsqTQKT%2BKjFElkpN2mRk8yd0%3D";
        SignedRequest request = new SignedRequest("PUT", "/examplebucket/big.bin", query, headers());
        assertEquals(ACCESS_KEY, verifier().verify(request).accessKeyId());
        assertS3Error(S3ErrorCode.ACCESS_DENIED_EXPIRED, () -> verifierAt(TIME.plusSeconds(1)).verify(request));
        // Some clients leave '+', '/' and '=' of the Base64 signature unescaped.
        assertEquals(ACCESS_KEY, verifier().verify(new SignedRequest("PUT", "/examplebucket/big.bin",
                query.replace("%2FerAsqTQKT%2BKjFElkpN2mRk8yd0%3D", "/erAsqTQKT+KjFElkpN2mRk8yd0="), headers()))
                .accessKeyId());
    }

    /** StringToSign "POST\n\n\n1369353600\n/examplebucket/big.bin?uploads". */
    @Test
    void queryFormWithBareSubResource() {
        assertEquals(ACCESS_KEY, verifier().verify(new SignedRequest("POST", "/examplebucket/big.bin",
                "uploads&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1369353600"
                        + "&Signature=xlebffOzdvldsmH97P1tGaniS9M%3D",
                headers())).accessKeyId());
    }

    /**
     * Sub-resources decoded, other parameters ignored. StringToSign "GET\n\n\n1369353600\n/examplebucket/
     * photo.jpg?response-content-disposition=attachment; filename=\"a b.jpg\"&response-content-type=
     * image/jpeg&versionId=3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY".
     */
    @Test
    void queryFormWithResponseOverrides() {
        String query = "response-content-type=image%2Fjpeg&X-Foo=bar&Expires=1369353600"
                + "&versionId=3HL4kqtJlcpXroDTDmJ%2BrmSpXd3dIbrHY"
                + "&response-content-disposition=attachment%3B%20filename%3D%22a%20b.jpg%22"
                + "&AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Signature=26AwKE5NEwHXHl5MMvrEzDCfzpk%3D&prefix=ignored";
        assertEquals(ACCESS_KEY, verifier().verify(new SignedRequest("GET", "/examplebucket/photo.jpg", query,
                headers())).accessKeyId());
    }

    @Test
    void missingOrMalformedQueryParameters() {
        for (String bad : List.of(
                BOTO3_GET_QUERY.replace("&Expires=1795454902", ""),
                BOTO3_GET_QUERY.replace("AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&", ""),
                BOTO3_GET_QUERY.replace("Signature=Lj4puzsIgCJGnts0xXQ4WG7VGJk%3D&", ""),
                BOTO3_GET_QUERY.replace("Expires=1795454902", "Expires=tomorrow"),
                BOTO3_GET_QUERY.replace("Expires=1795454902", "Expires=-5"),
                BOTO3_GET_QUERY.replace("Expires=1795454902", "Expires=99999999999999999999"),
                BOTO3_GET_QUERY + "&Signature=abc",
                "Signature=abc")) {
            assertS3Error(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, () -> verifierAt(BOTO3_SIGNED_AT)
                    .verify(new SignedRequest("GET", "/photos/key%20with%20space.txt", bad, headers())));
        }
    }

    @Test
    void expiresAloneIsNotAuthentication() {
        assertTrue(verifier().verify(new SignedRequest("GET", "/b/k", "Expires=1", headers())).isAnonymous());
    }

    @Test
    void onlyOneMechanism() {
        SignedRequest get = headerGet();
        assertS3Error(S3ErrorCode.INVALID_ARGUMENT, () -> verifier().verify(
                new SignedRequest("GET", get.rawPath(), BOTO3_GET_QUERY, get.headers())));
        assertS3Error(S3ErrorCode.INVALID_ARGUMENT, () -> verifier().verify(
                new SignedRequest("GET", "/test.txt", PRESIGNED_QUERY + "&" + BOTO3_GET_QUERY, headers())));
    }
}

package dev.cubby.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shared fixtures: the example credentials, time and requests of the AWS S3 SigV4 documentation.
 * Every expected signature in the tests is either published in that documentation or was
 * computed independently with python3's hmac/hashlib (never with the code under test).
 */
final class AwsExamples {
    static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String AMZ_DATE = "20130524T000000Z";
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final String SCOPE = ACCESS_KEY + "/20130524/us-east-1/s3/aws4_request";
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final CredentialLookup CREDENTIALS =
            id -> id.equals(ACCESS_KEY) ? Optional.of(new Credential(ACCESS_KEY, SECRET)) : Optional.empty();

    private AwsExamples() {
    }

    static SignatureVerifier verifier() {
        return verifierAt(TIME);
    }

    static SignatureVerifier verifierAt(Instant now) {
        return new SignatureVerifier(CREDENTIALS, Clock.fixed(now, ZoneOffset.UTC));
    }

    static String authorization(String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + SCOPE + ",SignedHeaders=" + signedHeaders + ",Signature=" + signature;
    }

    /** Builds header maps in order: name, value, name, value... */
    static Map<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }

    /** "GET Object": GET /test.txt with Range: bytes=0-9. */
    static SignedRequest getObject() {
        return new SignedRequest("GET", "/test.txt", "", headers(
                "Host", "examplebucket.s3.amazonaws.com",
                "Range", "bytes=0-9",
                "x-amz-content-sha256", EMPTY_SHA256,
                "x-amz-date", AMZ_DATE,
                "Authorization", authorization("host;range;x-amz-content-sha256;x-amz-date",
                        "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")));
    }

    static final String PUT_BODY = "Welcome to Amazon S3.";
    static final String PUT_SHA256 = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";

    /** "PUT Object": PUT /test$file.text with a signed payload hash. */
    static SignedRequest putObject() {
        return new SignedRequest("PUT", "/test$file.text", "", headers(
                "Host", "examplebucket.s3.amazonaws.com",
                "Date", "Fri, 24 May 2013 00:00:00 GMT",
                "x-amz-date", AMZ_DATE,
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", PUT_SHA256,
                "Authorization", authorization("date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                        "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd")));
    }

    /** "GET Bucket Lifecycle": GET /?lifecycle. */
    static SignedRequest getLifecycle() {
        return bucketGet("lifecycle", "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    }

    /** "Get Bucket (List Objects)": GET /?max-keys=2&prefix=J. */
    static SignedRequest listObjects() {
        return bucketGet("max-keys=2&prefix=J", "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
    }

    private static SignedRequest bucketGet(String query, String signature) {
        return new SignedRequest("GET", "/", query, headers(
                "Host", "examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256", EMPTY_SHA256,
                "x-amz-date", AMZ_DATE,
                "Authorization", authorization("host;x-amz-content-sha256;x-amz-date", signature)));
    }

    static final String PRESIGNED_QUERY = "X-Amz-Algorithm=AWS4-HMAC-SHA256"
            + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
            + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
            + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";

    /** "Authenticating Requests: Using Query Parameters": presigned GET /test.txt, 86400 s. */
    static SignedRequest presignedGet(String query) {
        return new SignedRequest("GET", "/test.txt", query, headers("Host", "examplebucket.s3.amazonaws.com"));
    }

    static final String SEED_SIGNATURE = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    static final String[] CHUNK_SIGNATURES = {
        "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
        "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
        "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
    };

    /** "Transferring Payload in Multiple Chunks": PUT of 65 KiB of 'a' as 64 KiB + 1 KiB chunks. */
    static SignedRequest chunkedPut() {
        return new SignedRequest("PUT", "/examplebucket/chunkObject.txt", "", headers(
                "Host", "s3.amazonaws.com",
                "x-amz-date", AMZ_DATE,
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
                "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "66560",
                "Content-Length", "66824",
                "Authorization", authorization("content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class", SEED_SIGNATURE)));
    }

    /** The example's body: signed chunks of 65536 and 1024 'a' bytes and the final empty chunk. */
    static byte[] chunkedBody(String... signatures) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        write(body, "10000;chunk-signature=" + signatures[0] + "\r\n");
        write(body, "a".repeat(65536) + "\r\n");
        write(body, "400;chunk-signature=" + signatures[1] + "\r\n");
        write(body, "a".repeat(1024) + "\r\n");
        write(body, "0;chunk-signature=" + signatures[2] + "\r\n\r\n");
        return body.toByteArray();
    }

    static final String[] TRAILER_CHUNK_SIGNATURES = {
        "b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2",
        "1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7",
        "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992",
    };
    static final String TRAILER_SIGNATURE = "d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435";

    /**
     * "Including Trailing Headers (Chunked Upload)": the chunked example with a CRC32C trailer.
     * Seed 106e2a8a..., chunk and trailer signatures computed with python3 hmac/hashlib (seed and
     * trailer signature agree with the AWS page).
     */
    static SignedRequest signedTrailerPut() {
        return new SignedRequest("PUT", "/examplebucket/chunkObject.txt", "", headers(
                "Host", "s3.amazonaws.com",
                "x-amz-date", AMZ_DATE,
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "66560",
                "x-amz-trailer", "x-amz-checksum-crc32c",
                "Authorization", authorization("content-encoding;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                        "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e")));
    }

    /** Body of {@link #signedTrailerPut()} with the given trailer lines (each ending in CRLF). */
    static byte[] signedTrailerBody(String trailerLines) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        write(wire, "10000;chunk-signature=" + TRAILER_CHUNK_SIGNATURES[0] + "\r\n");
        write(wire, "a".repeat(65536) + "\r\n");
        write(wire, "400;chunk-signature=" + TRAILER_CHUNK_SIGNATURES[1] + "\r\n");
        write(wire, "a".repeat(1024) + "\r\n");
        write(wire, "0;chunk-signature=" + TRAILER_CHUNK_SIGNATURES[2] + "\r\n");
        write(wire, trailerLines);
        return wire.toByteArray();
    }

    /**
     * STREAMING-UNSIGNED-PAYLOAD-TRAILER upload of the same 66560 'a' bytes with a CRC32 trailer,
     * header-signed; seed signature 462015b5... computed with python3 hmac/hashlib.
     */
    static SignedRequest unsignedTrailerPut() {
        return new SignedRequest("PUT", "/examplebucket/chunkObject.txt", "", headers(
                "Host", "s3.amazonaws.com",
                "x-amz-date", AMZ_DATE,
                "x-amz-storage-class", "REDUCED_REDUNDANCY",
                "x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "Content-Encoding", "aws-chunked",
                "x-amz-decoded-content-length", "66560",
                "x-amz-trailer", "x-amz-checksum-crc32",
                "Authorization", authorization("content-encoding;host;x-amz-content-sha256;x-amz-date;"
                        + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                        "462015b52bae350cbf965ee6afbcd9da88d2b541ef650c65095b6f74fbbc9bf9")));
    }

    /** CRC32 of 66560 'a' bytes, base64 (python3 zlib.crc32). */
    static final String CRC32_OF_BODY = "sK4Y7A==";

    /** Body of {@link #unsignedTrailerPut()}, built by hand, with the given trailer section. */
    static byte[] unsignedTrailerBody(String trailerSection) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        write(wire, "10000\r\n" + "a".repeat(65536) + "\r\n");
        write(wire, "400\r\n" + "a".repeat(1024) + "\r\n");
        write(wire, "0\r\n" + trailerSection);
        return wire.toByteArray();
    }

    static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** Reads a body to the end in small, uneven reads, as a server copying to disk would. */
    static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[7919];
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) != -1) {
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}

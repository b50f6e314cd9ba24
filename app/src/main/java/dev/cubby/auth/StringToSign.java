package dev.cubby.auth;

/**
 * The three strings SigV4 for S3 signs: the request (seed) itself, each aws-chunked data chunk,
 * and the trailing headers. Each chains to the previous signature so chunks cannot be reordered,
 * dropped or replayed into another upload.
 */
final class StringToSign {
    private static final String REQUEST = "AWS4-HMAC-SHA256";
    private static final String CHUNK = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER = "AWS4-HMAC-SHA256-TRAILER";

    private StringToSign() {
    }

    /** {@code AWS4-HMAC-SHA256\n<amz-date>\n<scope>\n<hex sha256(canonical request)>}. */
    static String forRequest(String amzDate, CredentialScope scope, String canonicalRequest) {
        return REQUEST + "\n" + amzDate + "\n" + scope.text() + "\n" + Sha256.hex(canonicalRequest);
    }

    /**
     * {@code AWS4-HMAC-SHA256-PAYLOAD\n<amz-date>\n<scope>\n<previous signature>\n<hex sha256("")>\n<hex
     * sha256(chunk data)>}.
     */
    static String forChunk(String amzDate, CredentialScope scope, String previousSignature, String chunkSha256Hex) {
        return CHUNK + "\n" + amzDate + "\n" + scope.text() + "\n" + previousSignature + "\n" + Sha256.EMPTY_HEX
                + "\n" + chunkSha256Hex;
    }

    /**
     * {@code AWS4-HMAC-SHA256-TRAILER\n<amz-date>\n<scope>\n<previous signature>\n<hex sha256(trailer
     * lines as "name:value\n")>}.
     */
    static String forTrailer(String amzDate, CredentialScope scope, String previousSignature,
            String trailerSha256Hex) {
        return TRAILER + "\n" + amzDate + "\n" + scope.text() + "\n" + previousSignature + "\n" + trailerSha256Hex;
    }
}

package dev.cubby.auth;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a Signature Version 2 presigned URL, {@code ?AWSAccessKeyId=...&Signature=...
 * &Expires=...}, which boto3 up to 1.26 (Debian's python3-boto3) produces by default.
 *
 * <p>S3 matches these names case-sensitively, and so does this class: {@code signature=} is just
 * another query parameter.
 *
 * @param accessKeyId from {@code AWSAccessKeyId}, decoded
 * @param signature   from {@code Signature}, decoded to the Base64 signature
 * @param expires     from {@code Expires}, decoded: epoch seconds exactly as they go into the
 *                    string to sign
 * @param headersInQuery the signed headers the client moved into the query ({@code content-type},
 *                    {@code content-md5}, {@code x-amz-*}), lower-case name to decoded value. boto3
 *                    does this, so that whoever uses the URL need not send those headers.
 */
record SigV2PresignedQuery(String accessKeyId, String signature, String expires, Map<String, String> headersInQuery) {
    static final String ACCESS_KEY_ID = "AWSAccessKeyId";
    static final String SIGNATURE = "Signature";
    static final String EXPIRES = "Expires";
    private static final SignatureLocation QUERY = SignatureLocation.V2_QUERY;

    /**
     * Whether the query asks for SigV2 query authentication: it has {@code AWSAccessKeyId} or
     * {@code Signature}. {@code Expires} alone does not count, since it names nothing secret.
     */
    static boolean isPresent(List<QueryParameter> parameters) {
        for (QueryParameter parameter : parameters) {
            String name = parameter.name();
            if (name.equals(ACCESS_KEY_ID) || name.equals(SIGNATURE)) {
                return true;
            }
        }
        return false;
    }

    static SigV2PresignedQuery parse(List<QueryParameter> parameters) {
        String accessKeyId = null;
        String signature = null;
        String expires = null;
        Map<String, String> headersInQuery = new HashMap<>();
        for (QueryParameter parameter : parameters) {
            String lowerCase = parameter.name().toLowerCase(Locale.ROOT);
            if (lowerCase.equals("content-type") || lowerCase.equals("content-md5") || lowerCase.startsWith("x-amz-")) {
                if (headersInQuery.put(lowerCase, parameter.value()) != null) {
                    throw QUERY.malformed(parameter.name() + " appears more than once.");
                }
            }
            switch (parameter.name()) {
                case ACCESS_KEY_ID -> accessKeyId = once(accessKeyId, parameter.value(), ACCESS_KEY_ID);
                case SIGNATURE -> signature = once(signature, parameter.value(), SIGNATURE);
                case EXPIRES -> expires = once(expires, parameter.value(), EXPIRES);
                default -> { }
            }
        }
        if (accessKeyId == null || accessKeyId.isEmpty() || signature == null || signature.isEmpty()
                || expires == null) {
            throw QUERY.malformed("Query-string authentication requires the Signature, Expires and AWSAccessKeyId "
                    + "parameters.");
        }
        if (!expires.matches("[0-9]{1,12}")) {
            throw QUERY.malformed("Expires must be the expiry time in seconds since 1970-01-01T00:00:00Z, but was \""
                    + expires + "\".");
        }
        // Base64 never contains a space; one here is a '+' the client left unescaped and the
        // query decoding read as a space.
        return new SigV2PresignedQuery(accessKeyId, signature.replace(' ', '+'), expires, Map.copyOf(headersInQuery));
    }

    /**
     * {@code request} as it was signed: with the headers carried in the query in place of any
     * sent under the same name.
     */
    SignedRequest withHeadersInQuery(SignedRequest request) {
        if (headersInQuery.isEmpty()) {
            return request;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headersInQuery.forEach((name, value) -> headers.put(name, List.of(value)));
        return new SignedRequest(request.method(), request.rawPath(), request.rawQuery(), headers);
    }

    /** The expiry, in seconds since the epoch. */
    long expiresEpochSeconds() {
        return Long.parseLong(expires);
    }

    private static String once(String previous, String value, String name) {
        if (previous != null) {
            throw QUERY.malformed(name + " appears more than once.");
        }
        return value;
    }
}

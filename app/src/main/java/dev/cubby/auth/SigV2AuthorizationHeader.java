package dev.cubby.auth;

/**
 * A parsed Signature Version 2 header, {@code Authorization: AWS AccessKeyId:Signature}, as older
 * tools (s3cmd, boto 2, early SDKs) still send it.
 *
 * @param accessKeyId the signer's access key id
 * @param signature   the Base64 HMAC-SHA1 signature
 */
record SigV2AuthorizationHeader(String accessKeyId, String signature) {
    static final String SCHEME = "AWS";
    private static final SignatureLocation HEADER = SignatureLocation.V2_AUTHORIZATION_HEADER;

    /** Whether an {@code Authorization} value uses Signature Version 2 rather than 4. */
    static boolean isV2(String authorization) {
        String text = authorization.trim();
        return text.equals(SCHEME) || text.startsWith(SCHEME + " ") || text.startsWith(SCHEME + "\t");
    }

    static SigV2AuthorizationHeader parse(String value) {
        if (!isV2(value)) {
            throw HEADER.malformed("it must start with \"AWS \".");
        }
        String credentials = value.trim().substring(SCHEME.length()).trim();
        int colon = credentials.lastIndexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            throw HEADER.malformed("it must be \"AWS \" followed by the access key id, ':' and the signature.");
        }
        String accessKeyId = credentials.substring(0, colon).trim();
        String signature = credentials.substring(colon + 1).trim();
        if (accessKeyId.isEmpty() || signature.isEmpty() || signature.contains(" ")) {
            throw HEADER.malformed("it must be \"AWS \" followed by the access key id, ':' and the signature.");
        }
        return new SigV2AuthorizationHeader(accessKeyId, signature);
    }
}

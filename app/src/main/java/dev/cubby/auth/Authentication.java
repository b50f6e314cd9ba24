package dev.cubby.auth;

/**
 * The outcome of {@link SignatureVerifier#verify}: who signed the request and how its body must be
 * checked.
 *
 * @param accessKeyId   the verified signer, {@code null} for an anonymous request
 * @param region        the region from the credential scope, {@code null} when anonymous or signed
 *                      with Signature Version 2 (which has no scope)
 * @param payloadMode   how {@link SignatureVerifier#wrapBody} must check the body
 * @param contentSha256 the declared {@code x-amz-content-sha256} value (the hex hash when
 *                      {@code payloadMode} is {@link PayloadMode#SHA256})
 * @param signing       what chunk and trailer signatures are checked with; {@code null} when
 *                      anonymous or signed with Signature Version 2 (which cannot sign chunks)
 */
public record Authentication(String accessKeyId, String region, PayloadMode payloadMode, String contentSha256,
        SigningContext signing) {

    /** An unsigned request whose body, if any, is taken as it comes. */
    public static Authentication anonymous() {
        return anonymous(PayloadMode.UNSIGNED, "UNSIGNED-PAYLOAD");
    }

    /** An unsigned request whose body is still checked as {@code x-amz-content-sha256} declares. */
    public static Authentication anonymous(PayloadMode payloadMode, String contentSha256) {
        return new Authentication(null, null, payloadMode, contentSha256, null);
    }

    /**
     * A request verified with Signature Version 2: its signer is known, but SigV2 never covers the
     * body, so the body is taken as it comes.
     */
    static Authentication signatureV2(String accessKeyId) {
        return new Authentication(accessKeyId, null, PayloadMode.UNSIGNED, "UNSIGNED-PAYLOAD", null);
    }

    public boolean isAnonymous() {
        return accessKeyId == null;
    }
}

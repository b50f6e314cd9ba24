package dev.cubby.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Signature Version 2 HMAC: {@code Base64(HMAC-SHA1(secret, UTF-8(stringToSign)))}.
 *
 * <p>Unlike SigV4 there is no derived key: the secret itself keys the HMAC, so it stays inside
 * this class and only signatures leave it.
 */
final class SigV2Signature {
    private static final String HMAC_SHA1 = "HmacSHA1";

    private SigV2Signature() {
    }

    /** The signature of {@code stringToSign} under {@code secret}, as clients send it (Base64). */
    static String sign(String secret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC_SHA1));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides HmacSHA1", e);
        }
    }

    /**
     * Whether {@code claimedSignature} is the signature of {@code stringToSign}. Compared in
     * constant time so response timing does not reveal how much of a guess was right. Base64 is
     * case-sensitive, so unlike SigV4's hex nothing is normalised.
     */
    static boolean matches(String secret, String stringToSign, String claimedSignature) {
        if (claimedSignature == null) {
            return false;
        }
        byte[] expected = sign(secret, stringToSign).getBytes(StandardCharsets.UTF_8);
        byte[] claimed = claimedSignature.getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, claimed);
    }
}

package dev.cubby.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SigV4 signing key for one secret, day and region, and the HMAC that turns a string to sign
 * into a signature with it.
 *
 * <p>The key is {@code HMAC(HMAC(HMAC(HMAC("AWS4" + secret, yyyymmdd), region), "s3"),
 * "aws4_request")}; it never leaves this class, so signatures are the only thing derived from the
 * secret that other code sees.
 */
final class SigningKey {
    private static final String HMAC_SHA256 = "HmacSHA256";
    /** Initialised once with the key and cloned per signature: cheaper than a provider lookup per request. */
    private final Mac prototype;

    private SigningKey(byte[] key) {
        this.prototype = initialised(key);
    }

    /** Derives the key for {@code secret} within {@code scope}. */
    static SigningKey derive(String secret, CredentialScope scope) {
        byte[] dateKey = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        byte[] regionKey = hmac(dateKey, scope.region());
        byte[] serviceKey = hmac(regionKey, CredentialScope.SERVICE);
        return new SigningKey(hmac(serviceKey, CredentialScope.TERMINATOR));
    }

    /** The signature of {@code stringToSign}: lower-case hex of its HMAC-SHA256. */
    String sign(String stringToSign) {
        Mac mac;
        try {
            mac = (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the platform's HmacSHA256 cannot be cloned", e);
        }
        return HexFormat.of().formatHex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Whether {@code claimedSignature} (hex, any case) is the signature of {@code stringToSign}.
     * Compared in constant time so response timing does not reveal how much of a guess was right.
     */
    boolean matches(String stringToSign, String claimedSignature) {
        if (claimedSignature == null) {
            return false;
        }
        byte[] expected = sign(stringToSign).getBytes(StandardCharsets.US_ASCII);
        byte[] claimed = claimedSignature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, claimed);
    }

    private static byte[] hmac(byte[] key, String data) {
        return initialised(key).doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac initialised(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform provides HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[<redacted>]";
    }
}

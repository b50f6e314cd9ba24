package dev.cubby.checksum;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The one home of MD5 (S3's ETag of a single-part object) and SHA-256 (SigV4, canonical user
 * IDs), both written as lower-case hex the way S3 shows them.
 */
public final class Digests {
    /** The ETag of an empty object: hex MD5 of no bytes. */
    public static final String EMPTY_MD5_HEX = "d41d8cd98f00b204e9800998ecf8427e";

    /** Cloned per use: cheaper than a provider lookup on every request. */
    private static final MessageDigest MD5 = lookUp("MD5");
    private static final MessageDigest SHA256 = lookUp("SHA-256");

    private Digests() {
    }

    /** A fresh MD5, fed as a body streams. */
    public static MessageDigest md5() {
        return copy(MD5);
    }

    /** A fresh SHA-256. */
    public static MessageDigest sha256() {
        return copy(SHA256);
    }

    /** Lower-case hex of a finished digest: how an ETag or a SigV4 hash is written. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Hex of what {@code running} has seen so far, leaving it free to take more. */
    public static String hexSoFar(MessageDigest running) {
        try {
            return hex(((MessageDigest) running.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's " + running.getAlgorithm() + " can be cloned", e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return hex(sha256().digest(data));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp(prototype.getAlgorithm());
        }
    }

    private static MessageDigest lookUp(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
    }
}

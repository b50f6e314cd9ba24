package dev.cubby.auth;

import dev.cubby.checksum.Digests;
import java.security.MessageDigest;

/** SHA-256 in the lower-case hex SigV4 uses everywhere (computed by {@link Digests}). */
final class Sha256 {
    /** {@code hex(sha256(""))}, a fixed line of every chunk string to sign. */
    static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private Sha256() {
    }

    static MessageDigest newDigest() {
        return Digests.sha256();
    }

    static String hex(byte[] data) {
        return Digests.sha256Hex(data);
    }

    static String hex(String text) {
        return Digests.sha256Hex(text);
    }
}

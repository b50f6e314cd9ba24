package dev.cubby.keys;

import java.security.SecureRandom;

/**
 * Fresh access key ids and secrets. Ids look like S3's (20 upper-case letters and digits, here
 * starting {@code CUBK}) so that every client accepts them; secrets are 40 characters of the
 * base64 alphabet, as S3's are.
 */
final class NewKeys {
    static final String ID_PREFIX = "CUBK";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private NewKeys() {
    }

    static String accessKeyId() {
        return ID_PREFIX + random(ID_ALPHABET, 16);
    }

    static String secret() {
        return random(SECRET_ALPHABET, 40);
    }

    private static String random(String alphabet, int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}

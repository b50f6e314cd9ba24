package dev.cubby.auth;

import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of Signature Version 4 ({@code UriEncode} in the AWS documentation) and
 * the decoding ({@link PercentDecoding#lenient}) the verifier applies first.
 *
 * <p>Clients disagree on how they escape a path or query on the wire (some leave {@code $} or
 * {@code ~} raw, some escape them), but all sign the canonical form. So the verifier decodes what
 * arrived to bytes and re-encodes those bytes canonically: unreserved {@code A-Z a-z 0-9 - _ . ~}
 * stay, every other byte becomes {@code %XX} with upper-case hex.
 */
final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    /**
     * Canonically encodes {@code bytes}; {@code '/'} is kept when {@code keepSlash} (paths) and
     * encoded as {@code %2F} otherwise (query names and values).
     */
    static String encode(byte[] bytes, boolean keepSlash) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /** Canonically encodes the UTF-8 bytes of {@code text}. */
    static String encode(String text, boolean keepSlash) {
        return encode(text.getBytes(StandardCharsets.UTF_8), keepSlash);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}

package dev.cubby.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encoding of Signature Version 4 ({@code UriEncode} in the AWS documentation) and
 * the decoding the verifier applies first.
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

    /**
     * Decodes {@code %XX} escapes to bytes. A {@code '%'} not followed by two hex digits is taken
     * literally (it then re-encodes as {@code %25}). With {@code plusIsSpace}, {@code '+'} decodes
     * to a space, as S3 reads it in query strings; in paths it stays a literal plus.
     */
    static byte[] decode(String raw, boolean plusIsSpace) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
            if (c == '%' && i + 2 < in.length && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0) {
                out.write(hexValue(in[i + 1]) << 4 | hexValue(in[i + 2]));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** {@link #decode} then UTF-8, for reading parameter values such as {@code X-Amz-Credential}. */
    static String decodeToString(String raw, boolean plusIsSpace) {
        return new String(decode(raw, plusIsSpace), StandardCharsets.UTF_8);
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }
}

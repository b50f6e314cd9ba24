package dev.cubby.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one percent-decoder, in the two strictnesses its callers need. The signature check must
 * reproduce what the client signed, so it is {@linkplain #lenient lenient}: a {@code '%'} not
 * followed by two hex digits stays literal (and re-encodes as {@code %25}). Routing must know the
 * exact key, so it is {@linkplain #strictUtf8 strict}: a broken escape or bytes that are not UTF-8
 * make the whole value invalid. {@code '+'} is a space only where asked (query strings); in paths
 * it is a literal plus.
 */
public final class PercentDecoding {
    private PercentDecoding() {
    }

    /** Decodes {@code %XX} escapes to bytes, taking a malformed escape literally. */
    static byte[] lenient(String raw, boolean plusIsSpace) {
        return decode(raw, plusIsSpace, false);
    }

    /** {@link #lenient} then UTF-8, for reading parameter values such as {@code X-Amz-Credential}. */
    static String lenientToString(String raw, boolean plusIsSpace) {
        return new String(lenient(raw, plusIsSpace), StandardCharsets.UTF_8);
    }

    /** The decoded text, or empty when an escape is malformed or the bytes are not UTF-8. */
    public static Optional<String> strictUtf8(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
            return Optional.of(raw);
        }
        byte[] bytes = decode(raw, plusIsSpace, true);
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The bytes, or null when {@code strict} and an escape is malformed. */
    private static byte[] decode(String raw, boolean plusIsSpace, boolean strict) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            int c = in[i] & 0xff;
            if (c == '%') {
                boolean wellFormed = i + 2 < in.length && hexValue(in[i + 1]) >= 0 && hexValue(in[i + 2]) >= 0;
                if (wellFormed) {
                    out.write(hexValue(in[i + 1]) << 4 | hexValue(in[i + 2]));
                    i += 2;
                } else if (strict) {
                    return null;
                } else {
                    out.write(c);
                }
            } else if (c == '+' && plusIsSpace) {
                out.write(' ');
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
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

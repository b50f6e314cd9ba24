package dev.cubby.server;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The rules that decide where a request ends, checked before anything else: each header name is
 * an HTTP token, and a body is framed by Content-Length or by chunked Transfer-Encoding, never
 * both (RFC 9112 section 6.3). Helidon reads {@code Transfer-Encoding : chunked} (a space before
 * the colon) as a header it does not know and frames the body by Content-Length, where a proxy in
 * front may have used the chunks: such a request is refused and its connection closed.
 */
final class RequestFraming {
    private RequestFraming() {
    }

    /**
     * @param headers the request's headers by lower-case name
     * @throws ClosingError when the request's end cannot be trusted
     */
    static void check(Map<String, List<String>> headers) {
        S3Exception problem = problem(headers.keySet());
        if (problem != null) {
            throw new ClosingError(problem);
        }
    }

    /** What is wrong with the framing of a request with these header names (any case), or null when nothing is. */
    static S3Exception problem(Collection<String> headerNames) {
        boolean length = false;
        boolean chunked = false;
        for (String name : headerNames) {
            if (!isToken(name)) {
                return S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The header name '" + printable(name)
                        + "' is not valid: header names are tokens, with no spaces (write 'Name: value').");
            }
            length |= name.equalsIgnoreCase("content-length");
            chunked |= name.equalsIgnoreCase("transfer-encoding");
        }
        return length && chunked ? S3Exception.of(S3ErrorCode.INVALID_REQUEST,
                "A request may have Content-Length or Transfer-Encoding, not both.") : null;
    }

    /** The failure of a chunked body whose chunk-size lines do not parse. */
    static ClosingError malformedChunks() {
        return new ClosingError(S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The chunked request body is malformed: "
                + "each chunk must start with its size in hexadecimal on a line of its own."));
    }

    /** RFC 9110 section 5.6.2: one or more of the visible ASCII characters other than delimiters. */
    static boolean isToken(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(64).forEach(c -> shown.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                : String.format("\\x%02x", c & 0xff)));
        return shown.toString();
    }
}

package dev.cubby.s3.form;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) part by part as a stream: each part's
 * headers, then its content through {@link FormPart#body()}, which ends where the next boundary
 * begins. Only a fixed buffer is held, whatever the size of a part, and a delimiter split across
 * reads of the underlying stream is still found. Lines end in CRLF, as the RFC requires (browsers,
 * curl and every SDK send CRLF); a body that breaks the framing is refused with
 * MalformedPOSTRequest.
 *
 * <p>Not thread-safe: one reader serves one request.
 */
public final class FormReader {
    /** A part's header block at most: a Content-Disposition with a long file name fits many times over. */
    static final int MAX_PART_HEADER_BYTES = 8 * 1024;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final InputStream in;
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfInput;
    /** Below this index no delimiter starts: searched already, so a part's reads scan each byte once. */
    private int searched;
    private PartBody current;
    private boolean finished;

    /** @param boundary the boundary from the request's Content-Type ({@link #boundary}) */
    public FormReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        // The first boundary may open the body with no CRLF before it: pretend there was one.
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /**
     * The boundary named by a {@code multipart/form-data} Content-Type.
     *
     * @throws S3Exception MalformedPOSTRequest for another media type or a missing or invalid boundary
     */
    public static String boundary(String contentType) {
        if (contentType == null) {
            throw malformed("a browser POST upload needs Content-Type: multipart/form-data with a boundary.");
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("multipart/form-data")) {
            throw malformed("a POST to a bucket is a browser upload and needs Content-Type: multipart/form-data, "
                    + "not '" + parts[0].trim() + "'.");
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int eq = parameter.indexOf('=');
            if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(eq + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                // RFC 2046: 1 to 70 characters, no control characters.
                if (value.isEmpty() || value.length() > 70 || !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    throw malformed("the multipart boundary must be 1 to 70 printable ASCII characters.");
                }
                return value;
            }
        }
        throw malformed("the multipart/form-data Content-Type names no boundary.");
    }

    /**
     * The next part, after skipping what is left of the current one; null after the closing
     * boundary. The returned part's body is valid until the next call.
     */
    public FormPart next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            // Skip the preamble up to and through the first delimiter.
            current = new PartBody();
        }
        current.skipRest();
        if (!fill(2)) {
            throw malformed("the body ends right after a boundary, without the closing '--'.");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            finished = true;
            return null;
        }
        // RFC 2046 allows transport padding (spaces, tabs) between the boundary and its CRLF.
        while (fill(1) && (buffer[position] == ' ' || buffer[position] == '\t')) {
            position++;
        }
        requireCrlf("after a boundary");
        Map<String, String> headers = readHeaders();
        current = new PartBody();
        return FormPart.of(headers, current);
    }

    private Map<String, String> readHeaders() throws IOException {
        var headers = new LinkedHashMap<String, String>();
        int used = 0;
        while (true) {
            var line = new StringBuilder();
            while (true) {
                if (!fill(1)) {
                    throw malformed("the body ends inside a part's headers.");
                }
                byte b = buffer[position++];
                if (++used > MAX_PART_HEADER_BYTES) {
                    throw malformed("a part's headers are longer than " + MAX_PART_HEADER_BYTES + " bytes.");
                }
                if (b == '\r') {
                    requireLf();
                    break;
                }
                if (b == '\n') {
                    throw malformed("a part's header line ends in a bare LF; multipart lines end in CRLF.");
                }
                line.append((char) (b & 0xff));
            }
            if (line.isEmpty()) {
                return headers;
            }
            // Header values are UTF-8 in practice (browsers send file names so), read as bytes above.
            String text = new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw malformed("a part's header line has no ':'.");
            }
            headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
        }
    }

    private void requireCrlf(String where) throws IOException {
        if (!fill(1) || buffer[position] != '\r') {
            throw malformed("a boundary line must end in CRLF (" + where + ").");
        }
        position++;
        requireLf();
    }

    private void requireLf() throws IOException {
        if (!fill(1) || buffer[position] != '\n') {
            throw malformed("a CR is not followed by LF; multipart lines end in CRLF.");
        }
        position++;
    }

    /** Makes at least {@code wanted} bytes available from {@code position}; false at end of input before that. */
    private boolean fill(int wanted) throws IOException {
        while (limit - position < wanted) {
            if (endOfInput) {
                return false;
            }
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                searched = Math.max(0, searched - position);
                position = 0;
            }
            int n = in.read(buffer, limit, buffer.length - limit);
            if (n < 0) {
                endOfInput = true;
            } else {
                limit += n;
            }
        }
        return true;
    }

    /** Where the delimiter starts in the buffered bytes, or -1. */
    private int findDelimiter() {
        int last = limit - delimiter.length;
        outer:
        for (int i = Math.max(position, searched); i <= last; i++) {
            if (buffer[i] != '\r') {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        searched = Math.max(searched, last + 1);
        return -1;
    }

    static S3Exception malformed(String detail) {
        return S3Exception.of(S3ErrorCode.MALFORMED_POST_REQUEST,
                "The body of your POST request is not well-formed multipart/form-data: " + detail);
    }

    /** One part's content: the bytes up to the next delimiter, which it consumes at its end. */
    private final class PartBody extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (done || current != this) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            while (true) {
                fill(delimiter.length);
                int at = findDelimiter();
                if (at == position) {
                    position += delimiter.length;
                    done = true;
                    return -1;
                }
                // Bytes before a found delimiter are content; else all but a tail that may begin one.
                int safe = at >= 0 ? at - position : limit - position - (delimiter.length - 1);
                if (safe > 0) {
                    int n = Math.min(length, safe);
                    System.arraycopy(buffer, position, target, offset, n);
                    position += n;
                    return n;
                }
                if (endOfInput) {
                    throw malformed("the body ends before the closing boundary.");
                }
                // Not enough bytes buffered to tell: fill(delimiter.length) compacts and reads more.
                if (!fillMore()) {
                    throw malformed("the body ends before the closing boundary.");
                }
            }
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // discard
            }
        }
    }

    /** Reads at least one more byte into the buffer; false at end of input. */
    private boolean fillMore() throws IOException {
        return fill(limit - position + 1);
    }
}

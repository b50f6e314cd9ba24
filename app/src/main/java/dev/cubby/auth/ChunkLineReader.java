package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the text lines of an aws-chunked body (chunk headers, the CRLF after data, trailers)
 * from the same stream the data is read from. Accepts {@code \r\n} or a bare {@code \n}, and
 * caps line length so a body without line breaks cannot exhaust memory.
 */
final class ChunkLineReader {
    private final InputStream in;

    ChunkLineReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its terminator; {@code null} at end of stream. A last line cut off by
     * end of stream is returned as it is.
     *
     * @param maxLength the longest acceptable line
     * @param what      what the line is, for the error message
     */
    String readLine(int maxLength, String what) throws IOException {
        StringBuilder line = new StringBuilder(96);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                return withoutCarriageReturn(line);
            }
            if (line.length() >= maxLength) {
                throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The aws-chunked body is malformed: a " + what
                        + " line is longer than " + maxLength + " bytes; check the chunk sizes and CRLF framing.");
            }
            line.append((char) c);
        }
        return line.isEmpty() ? null : withoutCarriageReturn(line);
    }

    private static String withoutCarriageReturn(StringBuilder line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }
}

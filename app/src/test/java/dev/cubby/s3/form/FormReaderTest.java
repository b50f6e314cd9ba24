package dev.cubby.s3.form;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormReaderTest {
    private static final String BOUNDARY = "----cubbyBoundary7MA4YWxkTrZu0gW";

    private static byte[] form(String... partsAndValues) {
        var out = new StringBuilder();
        for (int i = 0; i < partsAndValues.length; i += 2) {
            out.append("--").append(BOUNDARY).append("\r\n").append(partsAndValues[i]).append("\r\n\r\n")
                    .append(partsAndValues[i + 1]).append("\r\n");
        }
        out.append("--").append(BOUNDARY).append("--\r\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Read(String name, String filename, String contentType, String value) {
    }

    private static List<Read> readAll(InputStream in) throws IOException {
        var reader = new FormReader(in, BOUNDARY);
        var parts = new ArrayList<Read>();
        FormPart part;
        while ((part = reader.next()) != null) {
            parts.add(new Read(part.name(), part.filename(), part.contentType(),
                    new String(part.body().readAllBytes(), StandardCharsets.ISO_8859_1)));
        }
        return parts;
    }

    /** Hands out at most {@code step} bytes per read, so delimiters and CRLFs land across reads. */
    private static InputStream trickle(byte[] data, int step) {
        return new InputStream() {
            private int at;

            @Override
            public int read() {
                return at < data.length ? data[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= data.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, step), data.length - at);
                System.arraycopy(data, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    private static S3ErrorCode failure(byte[] body) {
        return assertThrows(S3Exception.class, () -> readAll(new ByteArrayInputStream(body))).code();
    }

    @Test
    void fieldsAndTheFileAreReadWithNamesFileNamesAndTypes() throws IOException {
        byte[] body = form("Content-Disposition: form-data; name=\"key\"", "uploads/${filename}",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a \\\"b\\\".txt\"\r\nContent-Type: text/plain",
                "line one\r\nline two\r\n--not-the-boundary\r\n");
        var parts = readAll(new ByteArrayInputStream(body));
        assertEquals(List.of(new Read("key", null, null, "uploads/${filename}"),
                new Read("file", "a \"b\".txt", "text/plain", "line one\r\nline two\r\n--not-the-boundary\r\n")), parts);
    }

    @Test
    void aDelimiterSplitAcrossReadsAtAnyPointIsStillFound() throws IOException {
        String content = "x\r\n--" + BOUNDARY.substring(0, 10) + "\r\r\n-";
        byte[] body = form("Content-Disposition: form-data; name=\"a\"", "1",
                "Content-Disposition: form-data; name=\"file\"; filename=\"f\"", content,
                "Content-Disposition: form-data; name=\"after\"", "ignored");
        var expected = readAll(new ByteArrayInputStream(body));
        assertEquals(content, expected.get(1).value());
        for (int step = 1; step <= body.length; step++) {
            assertEquals(expected, readAll(trickle(body, step)), "reads of " + step + " bytes");
        }
    }

    @Test
    void aPreambleAndAnEpilogueAreIgnoredAndTransportPaddingIsAllowed() throws IOException {
        String body = "this is a preamble\r\n--" + BOUNDARY + " \t\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n--"
                + BOUNDARY + "--\r\nepilogue, not a part";
        var parts = readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(List.of(new Read("k", null, null, "v")), parts);
    }

    @Test
    void headerLinesEndingInABareLineFeedAreMalformed() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"k\"\n\r\nv\r\n--" + BOUNDARY + "--\r\n";
        assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST, failure(body.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aBoundaryLineWithoutCrlfIsMalformed() {
        String body = "--" + BOUNDARY + "\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n--" + BOUNDARY + "--\r\n";
        assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST, failure(body.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aBodyCutBeforeItsClosingBoundaryIsMalformed() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nhalf a fi";
        assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST, failure(body.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aPartWithoutAFieldNameIsMalformed() {
        assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST,
                failure(form("Content-Disposition: form-data; filename=\"x\"", "v")));
        assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST, failure(form("Content-Type: text/plain", "v")));
    }

    @Test
    void overlongPartHeadersAreRefused() {
        String longHeader = "X-Pad: " + "p".repeat(FormReader.MAX_PART_HEADER_BYTES);
        assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST,
                failure(form("Content-Disposition: form-data; name=\"k\"\r\n" + longHeader, "v")));
    }

    @Test
    void theBoundaryComesFromAMultipartFormDataContentType() {
        assertEquals("abc", FormReader.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", FormReader.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""));
        for (String bad : new String[]{null, "application/x-www-form-urlencoded", "multipart/form-data",
                "multipart/form-data; boundary=", "multipart/form-data; boundary=" + "b".repeat(71)}) {
            var e = assertThrows(S3Exception.class, () -> FormReader.boundary(bad), String.valueOf(bad));
            assertEquals(S3ErrorCode.MALFORMED_POST_REQUEST, e.code());
        }
    }

    /**
     * A 256 MiB file part, generated as it is read, streams through a reader that never runs more
     * than its fixed buffer ahead of what the part's reader has taken: memory stays bounded
     * whatever the file's size.
     */
    @Test
    void aHugeFileStreamsWithBoundedLookAhead() throws IOException {
        long size = 256L << 20;
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        var generated = new InputStream() {
            private long left = size;
            private final Random random = new Random(7);

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) random.nextInt(256);
                }
                left -= n;
                return n;
            }
        };
        var counted = new CountingStream(new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head), generated), new ByteArrayInputStream(tail)));
        var reader = new FormReader(counted, BOUNDARY);
        FormPart file = reader.next();
        byte[] chunk = new byte[16 * 1024];
        long taken = 0;
        long worstLead = 0;
        int n;
        while ((n = file.body().read(chunk)) >= 0) {
            taken += n;
            worstLead = Math.max(worstLead, counted.count - head.length - taken);
        }
        assertEquals(size, taken);
        assertTrue(worstLead <= 64 * 1024, "the reader ran " + worstLead + " bytes ahead of the part's reader");
        assertNull(reader.next());
    }

    @Test
    void aPartsBodyIsReadByteByByteToo() throws IOException {
        byte[] body = form("Content-Disposition: form-data; name=\"file\"", "\u00ff\u0000\r");
        var reader = new FormReader(new ByteArrayInputStream(body), BOUNDARY);
        InputStream part = reader.next().body();
        var bytes = new java.io.ByteArrayOutputStream();
        int b;
        while ((b = part.read()) >= 0) {
            bytes.write(b);
        }
        assertArrayEquals(new byte[]{(byte) 0xff, 0, '\r'}, bytes.toByteArray());
    }

    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}

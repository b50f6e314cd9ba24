package dev.cubby.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds an {@code aws-chunked} body with an unsigned trailer
 * ({@code x-amz-content-sha256: STREAMING-UNSIGNED-PAYLOAD-TRAILER}), as SDKs send over HTTPS:
 * {@code hex-size CRLF data CRLF ... 0 CRLF trailer-name:value CRLF CRLF}.
 */
public final class AwsChunked {
    private AwsChunked() {
    }

    public static byte[] withTrailer(byte[] data, int chunkSize, String trailerName, String trailerValue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < data.length; offset += chunkSize) {
            int length = Math.min(chunkSize, data.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(data, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("0\r\n" + trailerName + ":" + trailerValue + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A PUT carrying {@code data} in that form, ready to sign with the streaming-unsigned payload hash. */
    public static RawRequest put(RawRequest request, byte[] data, int chunkSize, String trailerName, String trailerValue) {
        byte[] body = withTrailer(data, chunkSize, trailerName, trailerValue);
        return request
                .withHeader("Content-Encoding", "aws-chunked")
                .withHeader("x-amz-decoded-content-length", Integer.toString(data.length))
                .withHeader("x-amz-trailer", trailerName)
                .withHeader("Content-Length", Integer.toString(body.length))
                .withBody(body);
    }
}

package dev.cubby.s3.handler;

import dev.cubby.auth.ByteCountHeader;
import dev.cubby.s3.S3Request;
import dev.cubby.store.PutRequest;
import java.util.Locale;

/**
 * The size of an upload's body as its request declares it, so room can be reserved before the
 * first byte is stored: {@code x-amz-decoded-content-length} for aws-chunked bodies (whose
 * Content-Length counts the chunk framing too), else Content-Length. Unknown for a streamed body
 * without either.
 */
final class DeclaredLength {
    private DeclaredLength() {
    }

    static long of(S3Request request) {
        String decoded = request.header(ByteCountHeader.DECODED_CONTENT_LENGTH);
        if (decoded != null) {
            return ByteCountHeader.decodedContentLength(decoded);
        }
        String sha256 = request.header("x-amz-content-sha256");
        boolean chunked = sha256 != null && sha256.trim().toUpperCase(Locale.ROOT).startsWith("STREAMING-");
        String length = request.header("content-length");
        if (chunked || length == null || request.header("transfer-encoding") != null) {
            return PutRequest.UNKNOWN_SIZE;
        }
        return ByteCountHeader.parse("Content-Length", length);
    }
}

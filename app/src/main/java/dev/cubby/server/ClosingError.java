package dev.cubby.server;

import dev.cubby.error.S3Exception;

/**
 * An S3 error after which the connection is closed, because the rest of the request cannot or
 * should not be read: its framing cannot be trusted (a header name with a space, a chunk size that
 * does not parse), so the bytes that follow must never be read as a request of their own (request
 * smuggling, RFC 9112 section 11.2); or its body comes too slowly to be worth waiting for.
 */
final class ClosingError extends RuntimeException {
    private final S3Exception error;

    ClosingError(S3Exception error) {
        super(error.getMessage(), error, false, false);
        this.error = error;
    }

    /** The error the client is answered with. */
    S3Exception error() {
        return error;
    }
}

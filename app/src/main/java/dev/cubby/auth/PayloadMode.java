package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * How a request body is protected, as declared by {@code x-amz-content-sha256}, which decides
 * how {@link SignatureVerifier#wrapBody} checks it.
 */
public enum PayloadMode {
    /** {@code UNSIGNED-PAYLOAD}: the body is not covered; it passes through unchanged. */
    UNSIGNED("UNSIGNED-PAYLOAD", false, false),
    /** A hex SHA-256 of the body, checked as the body streams. */
    SHA256(null, false, false),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD}: aws-chunked, every chunk signed. */
    STREAMING_SIGNED("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", true, false),
    /** {@code STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER}: signed chunks, then signed trailers. */
    STREAMING_SIGNED_TRAILER("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", true, true),
    /** {@code STREAMING-UNSIGNED-PAYLOAD-TRAILER}: aws-chunked without signatures, then trailers. */
    STREAMING_UNSIGNED_TRAILER("STREAMING-UNSIGNED-PAYLOAD-TRAILER", false, true);

    private final String marker;
    private final boolean signedChunks;
    private final boolean trailer;

    PayloadMode(String marker, boolean signedChunks, boolean trailer) {
        this.marker = marker;
        this.signedChunks = signedChunks;
        this.trailer = trailer;
    }

    /**
     * The mode declared by an {@code x-amz-content-sha256} value.
     *
     * @throws S3Exception {@code InvalidArgument} for a value that is neither a known marker nor a
     *                     64-digit hex SHA-256
     */
    public static PayloadMode fromContentSha256(String value) {
        for (PayloadMode mode : values()) {
            if (mode.marker != null && mode.marker.equals(value)) {
                return mode;
            }
        }
        if (value != null && value.matches("[0-9a-fA-F]{64}")) {
            return SHA256;
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, "
                + "STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, "
                + "STREAMING-UNSIGNED-PAYLOAD-TRAILER or the hex SHA-256 of the body, but was \"" + value + "\".");
    }

    /** Whether the body is aws-chunked ({@code Content-Encoding: aws-chunked}). */
    public boolean isChunked() {
        return this != UNSIGNED && this != SHA256;
    }

    /** Whether each chunk carries a {@code chunk-signature} that must verify. */
    public boolean hasSignedChunks() {
        return signedChunks;
    }

    /** Whether trailing headers follow the final chunk. */
    public boolean hasTrailer() {
        return trailer;
    }
}

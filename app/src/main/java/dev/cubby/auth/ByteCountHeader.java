package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * The one rule for headers that carry a byte count (Content-Length, {@code x-amz-decoded-content-length}):
 * a non-negative decimal number, surrounding white space allowed; anything else is InvalidArgument
 * naming the header, so the signature check and the space reservation cannot disagree.
 */
public final class ByteCountHeader {
    /** The length of an aws-chunked body once its chunk framing is removed. */
    public static final String DECODED_CONTENT_LENGTH = "x-amz-decoded-content-length";

    private ByteCountHeader() {
    }

    /** The declared {@code x-amz-decoded-content-length}, or -1 when the header is absent ({@code null}). */
    public static long decodedContentLength(String value) {
        return value == null ? -1 : parse(DECODED_CONTENT_LENGTH, value);
    }

    /** Parses {@code value} of header {@code name} as a byte count. */
    public static long parse(String name, String value) {
        String trimmed = value.trim();
        try {
            long n = Long.parseLong(trimmed);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT,
                name + " must be a non-negative byte count, but was \"" + trimmed + "\".");
    }
}

package dev.cubby.error;

/**
 * An S3 error on its way to the client. Raised anywhere in the request path with a code from
 * {@link S3ErrorCode} and, where it helps the user fix the request, a specific message.
 */
public final class S3Exception extends RuntimeException {
    private final S3ErrorCode code;
    private final java.util.Map<String, String> headers;

    private S3Exception(S3ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, java.util.Map.of());
    }

    private S3Exception(S3ErrorCode code, String message, Throwable cause, java.util.Map<String, String> headers) {
        super(message, cause, false, false);
        this.code = code;
        this.headers = java.util.Map.copyOf(headers);
    }

    /** The same error, answered with these response headers too (e.g. ETag on 304, Content-Range on 416). */
    public S3Exception withHeaders(java.util.Map<String, String> extra) {
        return new S3Exception(code, getMessage(), getCause(), extra);
    }

    public java.util.Map<String, String> headers() {
        return headers;
    }

    /** The catalogue's default message. */
    public static S3Exception of(S3ErrorCode code) {
        return new S3Exception(code, code.defaultMessage(), null);
    }

    /** A message that says what is wrong with this request and how to fix it. */
    public static S3Exception of(S3ErrorCode code, String message) {
        return new S3Exception(code, message, null);
    }

    public static S3Exception of(S3ErrorCode code, String message, Throwable cause) {
        return new S3Exception(code, message, cause);
    }

    public S3ErrorCode code() {
        return code;
    }
}

package dev.cubby.s3.error;

/**
 * An S3 error on its way to the client. Raised anywhere in the request path with a code from
 * {@link S3ErrorCode} and, where it helps the user fix the request, a specific message.
 */
public final class S3Exception extends RuntimeException {
    private final S3ErrorCode code;

    private S3Exception(S3ErrorCode code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.code = code;
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

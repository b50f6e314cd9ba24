package dev.cubby.store;

/**
 * A request the tree cannot satisfy, with the reason in POSIX and S3 terms but no HTTP: the S3
 * layer maps each {@link Reason} to its error code in one place.
 */
public final class StoreException extends RuntimeException {

    public enum Reason {
        INVALID_BUCKET_NAME, NO_SUCH_BUCKET, BUCKET_EXISTS, BUCKET_NOT_EMPTY, BUCKET_IN_CONFIG,
        INVALID_KEY, KEY_TOO_LONG, NO_SUCH_KEY, PATH_CONFLICT, OUTSIDE_BUCKET, FOLDER_WITH_BODY,
        PRECONDITION_FAILED, NO_SUCH_UPLOAD, INVALID_PART, INVALID_PART_ORDER, ENTITY_TOO_SMALL,
        QUOTA_EXCEEDED, STORAGE_FULL, USAGE_NOT_COUNTED
    }

    private final Reason reason;

    public StoreException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

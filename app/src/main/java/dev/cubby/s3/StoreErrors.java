package dev.cubby.s3;

import dev.cubby.s3.error.S3ErrorCode;
import dev.cubby.s3.error.S3Exception;
import dev.cubby.store.StoreException;

/** The one place where storage failures become S3 errors. */
public final class StoreErrors {
    private StoreErrors() {
    }

    public static S3Exception toS3(StoreException e) {
        S3ErrorCode code = switch (e.reason()) {
            case INVALID_BUCKET_NAME -> S3ErrorCode.INVALID_BUCKET_NAME;
            case NO_SUCH_BUCKET -> S3ErrorCode.NO_SUCH_BUCKET;
            case BUCKET_EXISTS -> S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU;
            case BUCKET_NOT_EMPTY -> S3ErrorCode.BUCKET_NOT_EMPTY;
            case BUCKET_IN_CONFIG -> S3ErrorCode.INVALID_REQUEST;
            case INVALID_KEY, FOLDER_WITH_BODY -> S3ErrorCode.INVALID_OBJECT_NAME;
            case KEY_TOO_LONG -> S3ErrorCode.KEY_TOO_LONG;
            case NO_SUCH_KEY -> S3ErrorCode.NO_SUCH_KEY;
            case PATH_CONFLICT -> S3ErrorCode.OBJECT_PATH_CONFLICT;
            case OUTSIDE_BUCKET -> S3ErrorCode.ACCESS_DENIED;
            case PRECONDITION_FAILED -> S3ErrorCode.PRECONDITION_FAILED;
            case NO_SUCH_UPLOAD -> S3ErrorCode.NO_SUCH_UPLOAD;
            case INVALID_PART -> S3ErrorCode.INVALID_PART;
            case INVALID_PART_ORDER -> S3ErrorCode.INVALID_PART_ORDER;
            case ENTITY_TOO_SMALL -> S3ErrorCode.ENTITY_TOO_SMALL;
            case QUOTA_EXCEEDED -> S3ErrorCode.QUOTA_EXCEEDED;
            case STORAGE_FULL -> S3ErrorCode.STORAGE_FULL;
            case USAGE_NOT_COUNTED -> S3ErrorCode.SERVICE_UNAVAILABLE;
        };
        return S3Exception.of(code, e.getMessage(), e);
    }
}

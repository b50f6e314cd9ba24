package dev.cubby.s3;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.SidecarException;
import dev.cubby.store.space.DiskFull;
import dev.cubby.store.StoreException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where failures become S3 errors. A storage refusal has a reason, mapped to its
 * code here; a full disk (the bucket's or the sidecar's) is the client's StorageFull; anything
 * else is the server's InternalError, whose body says only that and the request id, since an
 * exception's message names paths, devices and internals: the detail goes to the log under the
 * same request id.
 */
public final class StoreErrors {
    private static final Logger LOG = Logger.getLogger(StoreErrors.class.getName());

    private StoreErrors() {
    }

    /** The S3 error for any failure of request {@code requestId}; logs what the client is not told. */
    public static S3Exception toS3(RuntimeException failure, String requestId) {
        if (failure instanceof S3Exception s3) {
            return s3;
        }
        if (failure instanceof StoreException store) {
            return toS3(store);
        }
        if (failure instanceof SidecarException sidecar && sidecar.diskFull()) {
            LOG.log(Level.WARNING, "request " + requestId + ": the sidecar's disk is full", failure);
            return S3Exception.of(S3ErrorCode.STORAGE_FULL, "The disk holding Cubby's metadata database (the "
                    + "sidecar, in the internal folder of the served tree) is full, so the request was refused and "
                    + "nothing was stored. Free space on that disk, then retry.", failure);
        }
        if (DiskFull.isCause(failure)) {
            LOG.log(Level.WARNING, "request " + requestId + ": a disk is full", failure);
            return S3Exception.of(S3ErrorCode.STORAGE_FULL, "The disk this request writes to is full (No space "
                    + "left on device), so the request was refused and nothing was stored. Free space on that disk, "
                    + "then retry.", failure);
        }
        LOG.log(Level.SEVERE, "request " + requestId + " failed", failure);
        return S3Exception.of(S3ErrorCode.INTERNAL_ERROR, S3ErrorCode.INTERNAL_ERROR.defaultMessage()
                + " The server's log has the details under request id " + requestId + ".", failure);
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
        // Store messages are written for the client (keys, bucket names, sizes), never paths.
        return S3Exception.of(code, e.getMessage(), e);
    }
}

package dev.cubby.fuse;

import dev.cubby.meta.SidecarException;
import dev.cubby.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.logging.Level;
import java.util.logging.Logger;
import ru.serce.jnrfuse.ErrorCodes;

/**
 * The one place where failures become the negative errno a FUSE callback returns. A name S3
 * cannot hold is EINVAL (ENAMETOOLONG when only its length is wrong); a key that symlinks lead
 * out of its bucket does not exist as far as the mount is concerned.
 */
final class Errno {
    private static final Logger LOG = Logger.getLogger(Errno.class.getName());

    /**
     * "Not supported" as this platform numbers it. jnr-fuse's {@code ErrorCodes.ENOTSUP()} is
     * macOS's 45, which on Linux is EL2NSYNC ("Level 2 not synchronized"): programs that skip an
     * unsupported xattr quietly ({@code cp -a} with ACLs, {@code rsync -X}) would fail instead.
     */
    static final int ENOTSUP = jnr.constants.platform.Errno.EOPNOTSUPP.intValue();

    private Errno() {
    }

    static int of(Throwable failure) {
        return -positive(failure);
    }

    private static int positive(Throwable failure) {
        if (failure instanceof StoreException e) {
            return switch (e.reason()) {
                case NO_SUCH_BUCKET, NO_SUCH_KEY, OUTSIDE_BUCKET -> ErrorCodes.ENOENT();
                case INVALID_KEY, INVALID_BUCKET_NAME -> ErrorCodes.EINVAL();
                case KEY_TOO_LONG -> ErrorCodes.ENAMETOOLONG();
                case BUCKET_EXISTS -> ErrorCodes.EEXIST();
                case BUCKET_NOT_EMPTY -> ErrorCodes.ENOTEMPTY();
                case PATH_CONFLICT -> ErrorCodes.ENOTDIR();
                case QUOTA_EXCEEDED -> ErrorCodes.EDQUOT();
                case STORAGE_FULL -> ErrorCodes.ENOSPC();
                case BUCKET_IN_CONFIG -> ErrorCodes.EPERM();
                default -> ErrorCodes.EIO();
            };
        }
        if (failure instanceof UncheckedIOException e) {
            return positive(e.getCause());
        }
        if (failure instanceof NoSuchFileException) {
            return ErrorCodes.ENOENT();
        }
        if (failure instanceof FileAlreadyExistsException) {
            return ErrorCodes.EEXIST();
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return ErrorCodes.ENOTEMPTY();
        }
        if (failure instanceof NotDirectoryException) {
            return ErrorCodes.ENOTDIR();
        }
        if (failure instanceof NotLinkException) {
            return ErrorCodes.EINVAL();
        }
        if (failure instanceof AccessDeniedException) {
            return ErrorCodes.EACCES();
        }
        if (failure instanceof FileSystemException e && e.getReason() != null) {
            return fromReason(e.getReason());
        }
        if (failure instanceof SidecarException sidecar) {
            LOG.log(Level.WARNING, "sidecar failure in the FUSE mount", failure);
            return sidecar.diskFull() ? ErrorCodes.ENOSPC() : ErrorCodes.EIO();
        }
        if (!(failure instanceof IOException)) {
            LOG.log(Level.WARNING, "unexpected failure in the FUSE mount", failure);
        }
        return ErrorCodes.EIO();
    }

    /** The JDK reports other errnos only as strerror text. */
    private static int fromReason(String reason) {
        return switch (reason) {
            case "Is a directory" -> ErrorCodes.EISDIR();
            case "Not a directory" -> ErrorCodes.ENOTDIR();
            case "Invalid cross-device link" -> ErrorCodes.EXDEV();
            case "No space left on device" -> ErrorCodes.ENOSPC();
            case "Disk quota exceeded" -> ErrorCodes.EDQUOT();
            case "Operation not permitted" -> ErrorCodes.EPERM();
            case "Read-only file system" -> ErrorCodes.EROFS();
            case "File name too long" -> ErrorCodes.ENAMETOOLONG();
            case "Invalid argument" -> ErrorCodes.EINVAL();
            case "Directory not empty" -> ErrorCodes.ENOTEMPTY();
            default -> ErrorCodes.EIO();
        };
    }
}

package dev.cubby.meta;

/**
 * The sidecar database failed; the request fails and nothing else changes. When the failure
 * was the database's disk running out of room, {@link #diskFull()} says so, so that the client
 * hears the disk is full (a condition it can fix) rather than of an internal error.
 */
public final class SidecarException extends RuntimeException {
    private final boolean diskFull;

    /** A failure whose cause tells by itself whether the disk was full (SQLITE_FULL). */
    public SidecarException(String message, Throwable cause) {
        this(message, cause, SqliteDiskFull.isCause(cause, null));
    }

    SidecarException(String message, Throwable cause, boolean diskFull) {
        super(message, cause);
        this.diskFull = diskFull;
    }

    /** Whether the database could not be written for want of room on its disk. */
    public boolean diskFull() {
        return diskFull;
    }
}

package dev.cubby.meta;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.SQLiteException;

/**
 * The one place that tells a sidecar failure caused by a full disk from any other. SQLite says
 * SQLITE_FULL when a write of the database or its WAL meets ENOSPC; growing the WAL index
 * (a shared-memory file) on a full disk gives an SQLITE_IOERR variant instead, which carries no
 * errno, so an I/O error counts as a full disk when the database's filesystem has (almost) no
 * room left.
 */
final class SqliteDiskFull {
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    /** Below this much free space an SQLite I/O error is taken for ENOSPC: one WAL frame needs a page. */
    private static final long NEARLY_FULL_BYTES = 1024 * 1024;

    private SqliteDiskFull() {
    }

    /** @param database the database file, or null when its disk cannot be asked (then SQLITE_FULL only) */
    static boolean isCause(Throwable failure, Path database) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                int primary = sqlite.getResultCode().code & 0xff;
                if (primary == SQLITE_FULL) {
                    return true;
                }
                if (primary == SQLITE_IOERR && database != null && nearlyFull(database)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean nearlyFull(Path database) {
        try {
            return Files.getFileStore(database.getParent()).getUsableSpace() < NEARLY_FULL_BYTES;
        } catch (IOException unreadable) {
            return false;
        }
    }
}

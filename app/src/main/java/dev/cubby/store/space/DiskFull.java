package dev.cubby.store.space;

import java.io.IOException;
import java.nio.file.FileSystemException;

/**
 * Recognises a write refused by the filesystem for want of room: ENOSPC (the disk is full) or
 * EDQUOT (the user's filesystem quota is used up). The JDK reports both as plain IOExceptions
 * carrying the C library's message, so the message is all there is to go by.
 */
public final class DiskFull {
    private static final String ENOSPC = "No space left on device";
    private static final String EDQUOT = "Disk quota exceeded";

    private DiskFull() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                    : t.getMessage();
            if (t instanceof IOException && message != null && (message.contains(ENOSPC) || message.contains(EDQUOT))) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains(EDQUOT)) {
                return "its filesystem quota is used up (" + EDQUOT + ")";
            }
        }
        return "it is full (" + ENOSPC + ")";
    }
}

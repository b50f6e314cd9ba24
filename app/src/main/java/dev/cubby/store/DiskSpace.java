package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.util.HashSet;
import java.util.Set;

/**
 * One filesystem's room for uploads: its free space (one statvfs per check), less the reserve
 * it keeps, less what uploads in flight have claimed and not yet written. Claiming is one step
 * under one lock, so uploads that each fit alone cannot together eat into the reserve.
 */
final class DiskSpace {
    private final FileStore store;
    private final Set<SpaceReservation> inFlight = new HashSet<>();

    DiskSpace(FileStore store) {
        this.store = store;
    }

    /** Bytes an unprivileged writer may still use, as statvfs says now. */
    long usable() {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + store, e);
        }
    }

    /**
     * Lets {@code claimant} write {@code bytes} more, or refuses with {@code STORAGE_FULL}.
     *
     * @param upload what the message calls the upload
     */
    synchronized void claim(SpaceReservation claimant, long bytes, long reserve, String bucket, String upload) {
        long free = usable();
        long claimed = 0;
        for (SpaceReservation other : inFlight) {
            if (other != claimant) {
                claimed += other.unwritten();
            }
        }
        if (free - claimed - reserve < bytes) {
            throw new StoreException(StoreException.Reason.STORAGE_FULL, "The disk holding the bucket '" + bucket
                    + "' has " + Sizes.describe(Math.max(0, free)) + " free; Cubby keeps " + Sizes.describe(reserve)
                    + " of it in reserve (free-space-reserve) and uploads in progress have claimed "
                    + Sizes.describe(claimed) + ", so " + upload + " does not fit. Free space on that disk, or "
                    + "lower free-space-reserve in Cubby's config.");
        }
        inFlight.add(claimant);
    }

    synchronized void release(SpaceReservation claimant) {
        inFlight.remove(claimant);
    }
}

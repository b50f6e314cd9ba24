package dev.cubby.store.space;

import dev.cubby.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.util.HashSet;
import java.util.Set;

/**
 * One filesystem's room for one upload: its free space (one statvfs per check), less the reserve
 * it keeps, less what other uploads in flight on the same filesystem have claimed and not yet
 * written. Claiming is one step under the filesystem's one lock ({@link InFlight}), so uploads
 * that each fit alone cannot together eat into the reserve.
 *
 * <p>The {@link FileStore} is asked on every check, and Linux runs statvfs on the path it was
 * obtained from; so it must be of a folder that outlives the upload (the root, or the bucket's
 * folder as the upload began), never one cached from a folder that may since have been removed.
 */
final class DiskSpace {
    /** The uploads in flight on one filesystem; lives as long as the server, and holds no path. */
    static final class InFlight {
        private final Set<SpaceReservation> claimants = new HashSet<>();
    }

    private final FileStore store;
    private final InFlight inFlight;

    DiskSpace(FileStore store, InFlight inFlight) {
        this.store = store;
        this.inFlight = inFlight;
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
    void claim(SpaceReservation claimant, long bytes, long reserve, String bucket, String upload) {
        synchronized (inFlight) {
            long free = usable();
            long claimed = 0;
            for (SpaceReservation other : inFlight.claimants) {
                if (other != claimant) {
                    claimed += other.unwritten();
                }
            }
            if (free - claimed - reserve < bytes) {
                throw new StoreException(StoreException.Reason.STORAGE_FULL, "The disk holding the bucket '" + bucket
                        + "' has " + Sizes.describe(Math.max(0, free)) + " free; Cubby keeps "
                        + Sizes.describe(reserve) + " of it in reserve (free-space-reserve) and uploads in progress "
                        + "have claimed " + Sizes.describe(claimed) + ", so " + upload + " does not fit. Free space "
                        + "on that disk, or lower free-space-reserve in Cubby's config.");
            }
            inFlight.claimants.add(claimant);
        }
    }

    void release(SpaceReservation claimant) {
        synchronized (inFlight) {
            inFlight.claimants.remove(claimant);
        }
    }
}

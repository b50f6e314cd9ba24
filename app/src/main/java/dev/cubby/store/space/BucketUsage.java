package dev.cubby.store.space;

import dev.cubby.store.StoreException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The bytes one quota'd bucket holds: its files plus the multipart parts staged for it, as
 * counted by the last walk and kept current by Cubby's own writes, and the bytes reserved by
 * uploads in flight. A new upload fits when usage plus reservations plus its size stay within
 * the quota; checking and reserving is one step, so concurrent uploads cannot overshoot together.
 */
final class BucketUsage {
    private final String bucket;
    private final long quota;
    private final CountDownLatch firstCount = new CountDownLatch(1);
    private long used;
    private long reserved;
    /** True from the start: the first walk begins as the usage is made. */
    private boolean walking = true;
    /** Cubby's own changes while a walk runs: the walk may or may not have seen them. */
    private int changesDuringWalk;
    private long changedDuringWalk;

    BucketUsage(String bucket, long quota) {
        this.bucket = bucket;
        this.quota = quota;
    }

    long quota() {
        return quota;
    }

    synchronized long used() {
        return used;
    }

    /**
     * Waits (bounded) for the first count, so that no upload is judged against a usage of 0.
     *
     * @throws StoreException {@code USAGE_NOT_COUNTED} when the walk takes longer than {@code bound}
     */
    void awaitCounted(Duration bound) {
        try {
            if (firstCount.await(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new StoreException(StoreException.Reason.USAGE_NOT_COUNTED, "Cubby is still counting the bytes in the "
                + "bucket '" + bucket + "', which has a quota; try again in a minute.");
    }

    /**
     * Reserves at least {@code least} and at most {@code most} bytes, as many as fit.
     *
     * @param upload what the message calls the upload's size
     * @return the bytes reserved
     * @throws StoreException {@code QUOTA_EXCEEDED} when not even {@code least} fits
     */
    synchronized long reserve(long least, long most, String upload) {
        requireRoom(least, upload);
        long granted = Math.max(least, Math.min(most, quota - used - reserved));
        reserved += granted;
        return granted;
    }

    /**
     * Checks without holding anything that {@code bytes} more would fit now: for a file growing
     * through the mount, whose bytes are counted when it is published.
     *
     * @throws StoreException {@code QUOTA_EXCEEDED} when they would not
     */
    synchronized void requireRoom(long bytes, String write) {
        if (bytes > quota - used - reserved) {
            throw new StoreException(StoreException.Reason.QUOTA_EXCEEDED, "The bucket '" + bucket + "' has a quota of "
                    + Sizes.describe(quota) + "; " + Sizes.describe(used) + " are stored and "
                    + Sizes.describe(reserved) + " are being uploaded, so " + write + " does not fit. Delete objects "
                    + "or abort unfinished multipart uploads in this bucket, or raise its quota in Cubby's config.");
        }
    }

    /** An upload ended: its reservation goes, and what it stored (net of what it replaced) counts. */
    synchronized void settle(long reservation, long stored) {
        reserved -= reservation;
        changed(stored);
    }

    /** Cubby's own write, delete or abort changed the bucket's bytes by {@code delta}. */
    synchronized void changed(long delta) {
        used += delta;
        if (walking) {
            changesDuringWalk++;
            changedDuringWalk += delta;
        }
    }

    /** Starts a re-walk unless one is still running (a huge bucket may take longer than the interval). */
    synchronized boolean tryStartWalk() {
        if (walking) {
            return false;
        }
        walking = true;
        changesDuringWalk = 0;
        changedDuringWalk = 0;
        return true;
    }

    /**
     * The walk's total becomes the usage when Cubby changed nothing in the bucket meanwhile.
     * Otherwise the walk may or may not have seen those changes, and unless this was the last try
     * the caller walks again (the changes from now on count toward that walk). On the last try the
     * changes are added again: counting one twice errs toward refusing, where dropping one could
     * let the bucket overshoot.
     *
     * @return whether the total was taken
     */
    boolean walkFinished(long total, boolean lastTry) {
        synchronized (this) {
            if (changesDuringWalk > 0 && !lastTry) {
                changesDuringWalk = 0;
                changedDuringWalk = 0;
                return false;
            }
            walking = false;
            used = total + changedDuringWalk;
        }
        firstCount.countDown();
        return true;
    }

    /** A failed walk keeps the usage it had; uploads are not held back for good by an unreadable folder. */
    synchronized void walkFailed() {
        walking = false;
        firstCount.countDown();
    }
}

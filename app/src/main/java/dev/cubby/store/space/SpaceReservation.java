package dev.cubby.store.space;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The room one upload holds while its body is stored: bytes reserved against its bucket's quota
 * and claimed on its filesystem. A body of declared size reserves it all up front; one of unknown
 * size reserves as it streams, a step at a time, and is stopped when the next step does not fit.
 * Closing releases what is held; {@link #commit} turns it into the bucket's usage.
 */
public final class SpaceReservation implements AutoCloseable {
    /** How far an unknown-size body reserves ahead of the bytes read. */
    static final long STEP = 1024 * 1024;

    private final String bucket;
    private final BucketUsage usage;
    private final boolean quotaMetered;
    private final DiskSpace disk;
    private final long reserve;
    /** Bytes of the object being replaced, credited against the quota. */
    private final long credit;
    private final AtomicLong written = new AtomicLong();
    private long quotaHeld;
    private volatile long diskClaimed;

    /**
     * @param usage        the bucket's usage, or null when it has no quota
     * @param quotaMetered whether the bytes read count against the quota (not for assembling parts that already do)
     * @param disk         the filesystem, or null when free space is not checked
     */
    SpaceReservation(String bucket, BucketUsage usage, boolean quotaMetered, DiskSpace disk, long reserve, long credit) {
        this.bucket = bucket;
        this.usage = usage;
        this.quotaMetered = quotaMetered && usage != null;
        this.disk = disk;
        this.reserve = reserve;
        this.credit = credit;
    }

    /** Reserves a declared size up front; on refusal nothing stays held. */
    SpaceReservation declare(long size) {
        try {
            if (quotaMetered && size > credit) {
                quotaHeld += usage.reserve(size - credit, size - credit, describe(size));
            }
            if (disk != null && size > 0) {
                diskClaimed = size;
                disk.claim(this, size, reserve, bucket, describe(size));
            }
            return this;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The body, counted as it is read. */
    public InputStream meter(InputStream body) {
        return quotaMetered || disk != null ? new MeteredBody(body, this) : body;
    }

    /** Bytes claimed on the filesystem and not yet written: what other uploads must leave room for. */
    long unwritten() {
        return Math.max(0, diskClaimed - written.get());
    }

    void wrote(long n) {
        long total = written.addAndGet(n);
        if (quotaMetered && total - credit > quotaHeld) {
            long missing = total - credit - quotaHeld;
            quotaHeld += usage.reserve(missing, missing + STEP, "this upload, at " + Sizes.describe(total)
                    + " and still sending,");
        }
        if (disk != null && total > diskClaimed) {
            disk.claim(this, STEP, reserve, bucket, "this upload, at " + Sizes.describe(total) + " and still sending,");
            diskClaimed = total + STEP;
        }
    }

    /** The upload is in place: it changed the bucket by {@code stored} bytes (net of what it replaced). */
    public void commit(long stored) {
        if (usage != null) {
            usage.settle(quotaHeld, stored);
            quotaHeld = 0;
        }
    }

    @Override
    public void close() {
        if (usage != null && quotaHeld != 0) {
            usage.settle(quotaHeld, 0);
            quotaHeld = 0;
        }
        if (disk != null) {
            disk.release(this);
        }
    }

    private static String describe(long size) {
        return "this upload of " + Sizes.describe(size);
    }
}

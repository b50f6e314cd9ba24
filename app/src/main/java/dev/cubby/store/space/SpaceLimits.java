package dev.cubby.store.space;

import dev.cubby.store.Bucket;
import dev.cubby.store.Buckets;
import dev.cubby.store.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place that decides whether a write has room: the bucket's quota and its filesystem's
 * free space less the reserve. Quota'd buckets are counted by a walk in the background at start
 * (an upload waits for it, bounded), kept current by Cubby's own writes, deletes and aborts, and
 * re-walked every {@link SpacePolicy#rescanInterval()} to catch files changed over Samba or NFS.
 * Buckets without a quota are never walked, and cost one statvfs per upload (none when the
 * reserve is 0).
 */
public final class SpaceLimits implements QuotaReadings, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SpaceLimits.class.getName());
    /** How long an upload waits for its bucket's first count before being told to retry. */
    private static final Duration COUNT_WAIT = Duration.ofSeconds(30);
    /** A walk overlapped by Cubby's own writes is repeated this often before its count is taken anyway. */
    private static final int WALK_TRIES = 3;
    private static final Duration WALK_RETRY_PAUSE = Duration.ofMillis(200);

    private final SpacePolicy policy;
    private final Buckets buckets;
    private final Function<Bucket, List<Path>> uploadFolders;
    private final Map<String, BucketUsage> usages = new ConcurrentHashMap<>();
    /** Uploads in flight per filesystem, by device number: no path, so nothing in it can go stale. */
    private final Map<Object, DiskSpace.InFlight> inFlightByDevice = new ConcurrentHashMap<>();
    /** The root's filesystem, asked for the buckets on it: the root lives as long as the server. */
    private volatile RootDisk rootDisk;
    private final Thread rescanner;

    private record RootDisk(Object device, FileStore store) {
    }

    /** {@code uploadFolders}: the folders of a bucket's unfinished uploads, whose parts count against its quota. */
    public SpaceLimits(SpacePolicy policy, Buckets buckets, Function<Bucket, List<Path>> uploadFolders) {
        this.policy = policy;
        this.buckets = buckets;
        this.uploadFolders = uploadFolders;
        for (String name : policy.quotas().keySet()) {
            buckets.find(name).ifPresent(this::usageOf);
        }
        this.rescanner = policy.quotas().isEmpty() ? null
                : Thread.ofVirtual().name("cubby-quota-rescan").start(this::rescanForever);
    }

    /** PutObject and CopyObject: {@code declared} is the body's size, or -1 when unknown. */
    public SpaceReservation forUpload(Bucket bucket, long declared, long replaced) {
        var reservation = new SpaceReservation(bucket.name(), countedUsage(bucket), true, diskOf(bucket),
                policy.freeSpaceReserve(), replaced);
        return declared >= 0 ? reservation.declare(declared) : reservation;
    }

    /** UploadPart and UploadPartCopy: staged parts count against the quota until completed or aborted. */
    public SpaceReservation forPart(Bucket bucket, long declared) {
        return forUpload(bucket, declared, 0);
    }

    /** CompleteMultipartUpload: the object needs room on disk; its parts already count against the quota. */
    public SpaceReservation forAssembly(Bucket bucket, long size) {
        return new SpaceReservation(bucket.name(), countedUsage(bucket), false, diskOf(bucket),
                policy.freeSpaceReserve(), 0).declare(size);
    }

    /**
     * A file written through the mount, about to be published: its size counts against the
     * quota (net of the file it replaces). Free space is not claimed: the bytes are on disk already.
     */
    public SpaceReservation forLocalFile(Bucket bucket, long size, long replaced) {
        return new SpaceReservation(bucket.name(), countedUsage(bucket), true, null, 0, replaced).declare(size);
    }

    /**
     * A file being written through the mount may grow to {@code size} (replacing {@code replaced}
     * bytes). By name, without a look at the bucket's folder: this runs on every growing write.
     */
    public void requireRoomForLocalFile(String bucket, long size, long replaced) {
        BucketUsage usage = usages.get(bucket);
        if (usage != null && size > replaced) {
            usage.requireRoom(size - replaced, "this file, growing to " + Sizes.describe(size) + ",");
        }
    }

    /** Whether writes to this bucket are counted (and so must be serialised per key). */
    public boolean counts(Bucket bucket) {
        return policy.quotas().containsKey(bucket.name());
    }

    /**
     * The bucket was deleted: its count goes with it, so a bucket made again under the same name
     * starts from a fresh walk rather than from what the old one held.
     */
    public void forget(String bucket) {
        usages.remove(bucket);
    }

    /** Cubby's own change to a bucket's bytes outside an upload: a delete, an abort, a completion's parts. */
    public void changed(Bucket bucket, long delta) {
        BucketUsage usage = usages.get(bucket.name());
        if (usage != null) {
            usage.changed(delta);
        }
    }

    @Override
    public OptionalLong quota(String bucket) {
        Long quota = policy.quotas().get(bucket);
        return quota == null ? OptionalLong.empty() : OptionalLong.of(quota);
    }

    @Override
    public OptionalLong usage(String bucket) {
        BucketUsage usage = usages.get(bucket);
        return usage == null ? OptionalLong.empty() : OptionalLong.of(usage.used());
    }

    /**
     * What a failed write becomes: a full disk (ENOSPC, EDQUOT) is the client's to fix, with a
     * clear message; anything else is the server's failure.
     */
    public RuntimeException failure(Bucket bucket, String what, IOException e) {
        if (!Files.isDirectory(bucket.dir())) {
            return bucketGone(bucket);
        }
        if (!DiskFull.isCause(e)) {
            return new UncheckedIOException(what, e);
        }
        String free;
        try {
            free = Sizes.describe(Files.getFileStore(bucket.dir()).getUsableSpace()) + " are free now";
        } catch (IOException unreadable) {
            free = "its free space cannot be read";
        }
        return new StoreException(StoreException.Reason.STORAGE_FULL, "The disk holding the bucket '" + bucket.name()
                + "' refused the write: " + DiskFull.reason(e) + ". Nothing was stored and the previous object, if "
                + "any, is unchanged; " + free + ". Free space on that disk, then retry.");
    }

    /** {@link #failure} for an unchecked wrapper of an I/O error, such as a folder that could not be made. */
    public RuntimeException failure(Bucket bucket, UncheckedIOException e) {
        return DiskFull.isCause(e) || !Files.isDirectory(bucket.dir()) ? failure(bucket, e.getMessage(), e.getCause())
                : e;
    }

    /** A write whose bucket was deleted while it ran: the client's error, as if it had come a moment later. */
    private static StoreException bucketGone(Bucket bucket) {
        return new StoreException(StoreException.Reason.NO_SUCH_BUCKET, "The bucket '" + bucket.name()
                + "' was deleted while this request ran; nothing was stored. Create the bucket again to write to it.");
    }

    private BucketUsage countedUsage(Bucket bucket) {
        BucketUsage usage = usageOf(bucket);
        if (usage != null) {
            usage.awaitCounted(COUNT_WAIT);
        }
        return usage;
    }

    /** The bucket's usage, its first walk started when it is first asked for; null without a quota. */
    private BucketUsage usageOf(Bucket bucket) {
        Long quota = policy.quotas().get(bucket.name());
        if (quota == null) {
            return null;
        }
        return usages.computeIfAbsent(bucket.name(), name -> {
            var usage = new BucketUsage(name, quota);
            Thread.ofVirtual().name("cubby-quota-count-" + name).start(() -> walk(bucket, usage));
            return usage;
        });
    }

    /**
     * The bucket's filesystem as of now. One stat of the bucket's folder names its device; the
     * free space is then read through the root for the buckets on the root's filesystem, and
     * through the bucket's own folder for the others (configured buckets elsewhere), never
     * through a folder that some earlier upload came from and that may since have been deleted.
     */
    private DiskSpace diskOf(Bucket bucket) {
        if (policy.freeSpaceReserve() == 0) {
            return null;
        }
        try {
            // Followed: a configured bucket's folder may be a link to another disk (a root bucket never is).
            Object device = Files.getAttribute(bucket.dir(), "unix:dev");
            RootDisk root = rootDisk();
            FileStore store = device.equals(root.device()) ? root.store() : Files.getFileStore(bucket.dir());
            return new DiskSpace(store, inFlightByDevice.computeIfAbsent(device, d -> new DiskSpace.InFlight()));
        } catch (NoSuchFileException e) {
            throw bucketGone(bucket);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the filesystem of " + bucket.dir(), e);
        }
    }

    private RootDisk rootDisk() throws IOException {
        RootDisk disk = rootDisk;
        if (disk == null) {
            Path root = buckets.root();
            disk = new RootDisk(Files.getAttribute(root, "unix:dev"), Files.getFileStore(root));
            rootDisk = disk;
        }
        return disk;
    }

    private void rescanForever() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(policy.rescanInterval());
            } catch (InterruptedException e) {
                return;
            }
            for (var entry : usages.entrySet()) {
                var bucket = buckets.find(entry.getKey());
                if (bucket.isEmpty()) {
                    // Deleted outside this process (a standalone mount, the shell): count afresh if it comes back.
                    usages.remove(entry.getKey(), entry.getValue());
                } else if (entry.getValue().tryStartWalk()) {
                    walk(bucket.get(), entry.getValue());
                }
            }
        }
    }

    /** Walks until no write of Cubby's overlapped the walk, or {@value #WALK_TRIES} times. */
    private void walk(Bucket bucket, BucketUsage usage) {
        long started = System.nanoTime();
        try {
            for (int attempt = 1; ; attempt++) {
                long total = UsageWalk.count(bucket, uploadFolders.apply(bucket));
                if (usage.walkFinished(total, attempt == WALK_TRIES)) {
                    LOG.fine(() -> "counted " + Sizes.describe(total) + " in bucket " + bucket.name() + " in "
                            + (System.nanoTime() - started) / 1_000_000 + " ms");
                    return;
                }
                Thread.sleep(WALK_RETRY_PAUSE);
            }
        } catch (InterruptedException e) {
            usage.walkFailed();
        } catch (IOException | RuntimeException e) {
            usage.walkFailed();
            LOG.log(Level.WARNING, "cannot count the bytes in bucket " + bucket.name() + "; its quota is judged on "
                    + "the last count until the next walk", e);
        }
    }

    @Override
    public void close() {
        if (rescanner != null) {
            rescanner.interrupt();
        }
    }
}

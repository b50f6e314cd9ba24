package dev.cubby.store;

import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Computes the MD5 of files that changed outside Cubby, one at a time on one virtual thread, at
 * a bounded rate so a first listing of a large share does not saturate the disk. Work arrives
 * from listings and large reads; duplicates collapse; the queue is bounded, and anything dropped
 * is simply queued again by the next listing that sees it.
 */
public final class BackgroundIndexer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BackgroundIndexer.class.getName());
    private static final int MAX_QUEUED = 100_000;

    private record Task(String bucket, String key) {
    }

    private final Sidecar sidecar;
    private final PendingWrites pendingWrites;
    private final Locator locate;
    private final long bytesPerSecond;
    private final LinkedHashSet<Task> queue = new LinkedHashSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition hasWork = lock.newCondition();
    private final Thread worker;
    private volatile boolean closed;

    /**
     * Hands the file behind a bucket and key, if it still is a file inside its bucket, to
     * {@code use} as a path that leads to exactly that file while {@code use} runs (its open
     * descriptor: a folder swapped for a link meanwhile cannot make the indexer hash another file).
     */
    @FunctionalInterface
    public interface Locator {
        void withFile(String bucket, String key, java.util.function.Consumer<Path> use);
    }

    BackgroundIndexer(Sidecar sidecar, PendingWrites pendingWrites, Locator locate, long bytesPerSecond) {
        this.sidecar = sidecar;
        this.pendingWrites = pendingWrites;
        this.locate = locate;
        this.bytesPerSecond = bytesPerSecond;
        this.worker = Thread.ofVirtual().name("cubby-indexer").start(this::run);
    }

    public void enqueue(String bucket, String key) {
        lock.lock();
        try {
            if (queue.size() < MAX_QUEUED && queue.add(new Task(bucket, key))) {
                hasWork.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The bucket was deleted: its files queued for hashing are no longer there to hash. */
    void forgetBucket(String bucket) {
        lock.lock();
        try {
            queue.removeIf(task -> task.bucket().equals(bucket));
        } finally {
            lock.unlock();
        }
    }

    /** Files waiting to be hashed. */
    public int pending() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (!closed) {
            Task task;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    hasWork.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                var it = queue.iterator();
                task = it.next();
                it.remove();
            } finally {
                lock.unlock();
            }
            try {
                index(task);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "could not index " + task, e);
            }
        }
    }

    private void index(Task task) {
        locate.withFile(task.bucket(), task.key(), path -> index(task, path));
    }

    private void index(Task task, Path path) {
        FileState state = FileState.of(path);
        if (!state.isFile()) {
            return;
        }
        // A write another process (the mount) left pending when it died brings its own ETag and metadata.
        ObjectRecord record = pendingWrites.rowOf(task.bucket(), task.key(), path, state);
        if (record != null && record.describes(state.fingerprint())) {
            return;
        }
        long started = System.nanoTime();
        String md5 = EtagResolver.hashIfStable(path, state.fingerprint());
        if (md5 != null) {
            sidecar.recordEtag(task.bucket(), task.key(), state.fingerprint(), md5,
                    EtagResolver.keepsMetadata(record, state), record);
        }
        throttle(state.size(), System.nanoTime() - started);
    }

    private void throttle(long bytes, long tookNanos) {
        if (bytesPerSecond <= 0) {
            return;
        }
        long budgetNanos = bytes * 1_000_000_000L / bytesPerSecond;
        long sleepMillis = (budgetNanos - tookNanos) / 1_000_000L;
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            hasWork.signalAll();
        } finally {
            lock.unlock();
        }
        worker.interrupt();
    }
}

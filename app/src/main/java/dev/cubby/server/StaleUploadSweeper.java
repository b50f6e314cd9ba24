package dev.cubby.server;

import dev.cubby.store.MultipartStore;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes multipart uploads nobody finished: at start, then every {@code min(expiry, 1 hour)},
 * each upload initiated longer than {@code expiry} ago goes with its staged parts. At start it
 * also removes upload folders that a crash left without their upload.
 */
final class StaleUploadSweeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StaleUploadSweeper.class.getName());

    private final Thread thread;

    private StaleUploadSweeper(Thread thread) {
        this.thread = thread;
    }

    static StaleUploadSweeper start(MultipartStore uploads, Duration expiry) {
        Duration every = expiry.compareTo(Duration.ofHours(1)) < 0 ? expiry : Duration.ofHours(1);
        Instant started = Instant.now();
        Thread thread = Thread.ofVirtual().name("cubby-upload-sweeper").start(() -> {
            try {
                int leaked = uploads.sweepFoldersWithoutUpload(started);
                if (leaked > 0) {
                    LOG.info("removed " + leaked + " upload folder(s) without an upload, left by a crash");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot sweep upload folders left by a crash", e);
            }
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    int removed = uploads.sweepInitiatedBefore(Instant.now().minus(expiry));
                    if (removed > 0) {
                        LOG.info("removed " + removed + " multipart upload(s) older than " + expiry);
                    }
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "sweeping stale uploads failed; trying again later", e);
                    try {
                        Thread.sleep(every);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        });
        return new StaleUploadSweeper(thread);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}

package dev.cubby.fuse;

import dev.cubby.store.ObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One FUSE mount of a store: mounted on a thread of its own, unmounted by {@link #close} (which
 * a shutdown hook calls on SIGTERM or Ctrl-C). Files still open at unmount are published first.
 */
public final class Mount implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Mount.class.getName());

    private final CubbyFileSystem fs;
    private final MountOptions options;
    private final CountDownLatch ended = new CountDownLatch(1);

    private Mount(CubbyFileSystem fs, MountOptions options) {
        this.fs = fs;
        this.options = options;
    }

    /**
     * Mounts the store's tree at {@code options.mountPoint()} and returns once the kernel serves it.
     *
     * @param root the served root folder (its filesystem answers statfs)
     */
    public static Mount start(ObjectStore store, Path root, MountOptions options) throws FuseUnavailable {
        FuseAvailability.require();
        if (!Files.isDirectory(options.mountPoint())) {
            throw new FuseUnavailable("cannot mount: the mount point " + options.mountPoint()
                    + " is not a folder; create it first");
        }
        CubbyFileSystem fs;
        try {
            fs = new CubbyFileSystem(store, root, options);
        } catch (LinkageError e) {
            throw new FuseUnavailable("cannot mount: libfuse2 could not be loaded (" + e.getMessage()
                    + "); install it with: " + FuseAvailability.INSTALL);
        }
        var mount = new Mount(fs, options);
        Thread thread = new Thread(mount::run, "cubby-fuse-mount");
        thread.setDaemon(true);
        thread.start();
        mount.awaitMounted();
        return mount;
    }

    private void run() {
        try {
            fs.mount(options.mountPoint(), true, false, options.fuseArguments().toArray(String[]::new));
        } catch (RuntimeException e) {
            LOG.severe("the FUSE mount at " + options.mountPoint() + " failed: " + e.getMessage());
        } finally {
            ended.countDown();
        }
    }

    /** Waits until the mount point shows the mount (its device differs from its parent's). */
    private void awaitMounted() throws FuseUnavailable {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ended.getCount() == 0) {
                throw new FuseUnavailable("cannot mount at " + options.mountPoint()
                        + ": libfuse refused (is something mounted there already, or is the folder not empty?)");
            }
            if (MountTable.isMounted(options.mountPoint())) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new FuseUnavailable("cannot mount at " + options.mountPoint() + ": no mount appeared within 10 s");
    }

    public Path mountPoint() {
        return options.mountPoint();
    }

    /** Blocks until the mount ends (unmounted by close, or from outside with fusermount -u). */
    public void await() throws InterruptedException {
        ended.await();
    }

    /**
     * Publishes what files still open for writing hold, unmounts (lazily if a program still has
     * files open: its later calls fail) and waits for libfuse to finish.
     */
    @Override
    public void close() {
        fs.closeOpenFiles();
        fs.umount();
        // A lazy unmount detaches at once, but libfuse's loop runs until the last open file is
        // closed; once the mount point is free there is nothing left to wait for.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            while (!ended.await(50, TimeUnit.MILLISECONDS) && MountTable.isMounted(options.mountPoint())) {
                if (System.nanoTime() > deadline) {
                    LOG.warning("the FUSE mount at " + options.mountPoint() + " did not end within 10 s");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

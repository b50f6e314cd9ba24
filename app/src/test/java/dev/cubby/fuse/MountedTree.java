package dev.cubby.fuse;

import dev.cubby.store.ListPage;
import dev.cubby.store.ListQuery;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real FUSE mount of a temporary tree, in this JVM: a store over {@code root}, mounted at
 * {@code mountPoint}. Closing it always unmounts (lazily if need be) and removes the folders.
 */
final class MountedTree implements AutoCloseable {
    final Path base;
    final Path root;
    final Path mountPoint;
    final ObjectStore store;
    private final Mount mount;

    MountedTree(boolean readOnly, String... buckets) throws Exception {
        this(new MountOptions(null, readOnly, null, null, null, false), buckets);
    }

    /** {@code options.mountPoint()} is ignored: the mount point is a fresh temporary folder. */
    MountedTree(MountOptions options, String... buckets) throws Exception {
        base = Files.createTempDirectory("cubby-mount-");
        root = Files.createDirectory(base.resolve("root"));
        mountPoint = Files.createDirectory(base.resolve("mnt"));
        for (String bucket : buckets) {
            Files.createDirectory(root.resolve(bucket));
        }
        store = ObjectStore.openAt(root, Map.of(), 256L << 20, 64L << 20, SpacePolicy.UNLIMITED);
        Mount started = null;
        try {
            started = Mount.start(store, root, new MountOptions(mountPoint, options.readOnly(), options.uid(),
                    options.gid(), options.umask(), options.allowOther()));
        } finally {
            if (started == null) {
                store.close();
                forceUnmount(mountPoint);
            }
        }
        mount = started;
    }

    /** The path of a key through the mount. */
    Path mounted(String bucket, String key) {
        return mountPoint.resolve(bucket).resolve(key);
    }

    /** The path of a key on disk, beside the mount. */
    Path onDisk(String bucket, String key) {
        return root.resolve(bucket).resolve(key);
    }

    /** The ETag a listing shows: the sidecar's when it describes the file, else a placeholder ("...-1"). */
    String listedEtag(String bucket, String key) {
        ListPage page = store.list(bucket, new ListQuery(key, null, null, 1));
        return page.objects().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow().etag();
    }

    @Override
    public void close() throws IOException {
        try {
            mount.close();
        } finally {
            forceUnmount(mountPoint);
            store.close();
            try (Stream<Path> paths = Files.walk(base)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** A mount left behind by a failed test must not outlive it. */
    static void forceUnmount(Path mountPoint) {
        if (!MountTable.isMounted(mountPoint)) {
            return;
        }
        try {
            new ProcessBuilder("fusermount", "-u", "-z", mountPoint.toString()).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

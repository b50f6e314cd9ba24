package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The buckets of a tree: every real (non-symlink) top-level folder of the root whose name is a
 * valid bucket name, plus folders named in the config. The internal folder is never a bucket.
 */
public final class Buckets {
    private final Path root;
    private final Path rootStaging;
    private final Map<String, Path> configured;

    public Buckets(Path root, Map<String, Path> configured) {
        this.root = root;
        this.rootStaging = StagingArea.temporariesOf(root);
        this.configured = new TreeMap<>(configured);
    }

    public Path root() {
        return root;
    }

    /** Every bucket, sorted by name. */
    public List<Bucket> list() {
        var found = new TreeMap<String, Bucket>();
        try (var entries = Files.newDirectoryStream(root)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (BucketName.isValid(name)) {
                    folder(entry, LinkOption.NOFOLLOW_LINKS)
                            .ifPresent(folder -> found.put(name, bucketAt(name, entry, false, folder)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the root folder " + root, e);
        }
        configured.forEach((name, dir) ->
                folder(dir).ifPresent(folder -> found.put(name, bucketAt(name, dir, true, folder))));
        var buckets = new ArrayList<>(found.values());
        buckets.sort(Comparator.comparing(Bucket::name));
        return buckets;
    }

    public Optional<Bucket> find(String name) {
        if (!BucketName.isValid(name)) {
            return Optional.empty();
        }
        Path configuredDir = configured.get(name);
        if (configuredDir != null) {
            return folder(configuredDir).map(folder -> bucketAt(name, configuredDir, true, folder));
        }
        Path dir = root.resolve(name);
        return folder(dir, LinkOption.NOFOLLOW_LINKS).map(folder -> bucketAt(name, dir, false, folder));
    }

    /** The key in the bucket: the bucket must exist and the key be valid (what it leads to is not asked yet). */
    Located locate(String bucketName, String key) {
        return new Located(require(bucketName), ObjectKey.parse(key));
    }

    public Bucket require(String name) {
        return find(name).orElseThrow(() -> new StoreException(StoreException.Reason.NO_SUCH_BUCKET,
                "The bucket '" + name + "' does not exist: there is no folder '" + name + "' in the served root."));
    }

    public Bucket create(String name) {
        BucketName.requireValid(name);
        if (configured.containsKey(name) && Files.isDirectory(configured.get(name))) {
            throw new StoreException(StoreException.Reason.BUCKET_EXISTS, "The bucket '" + name + "' already exists.");
        }
        Path dir = root.resolve(name);
        try {
            Files.createDirectory(dir);
            StagingArea.fsync(root);
        } catch (FileAlreadyExistsException e) {
            throw new StoreException(StoreException.Reason.BUCKET_EXISTS, "The bucket '" + name + "' already exists.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder " + dir, e);
        }
        return bucketAt(name, dir, false, folder(dir).orElse(null));
    }

    public void delete(String name) {
        Bucket bucket = require(name);
        if (bucket.fromConfig()) {
            throw new StoreException(StoreException.Reason.BUCKET_IN_CONFIG, "The bucket '" + name
                    + "' is defined in the buckets: section of Cubby's config; remove it there instead.");
        }
        try {
            Files.delete(bucket.dir());
            StagingArea.fsync(root);
        } catch (DirectoryNotEmptyException e) {
            throw new StoreException(StoreException.Reason.BUCKET_NOT_EMPTY,
                    "The bucket '" + name + "' is not empty: its folder still holds files or folders.");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the folder " + bucket.dir(), e);
        }
    }

    /**
     * The served folder (the root, or a configured bucket's folder) that holds {@code path}, or
     * null when none does. Symlinks are resolved, also for a path that does not exist yet, so a
     * link cannot hide that a folder lies in the tree. The internal folders are not served (no key
     * reaches {@code .cubby}), so they do not count.
     *
     * <p>Serve refuses a state folder in the tree: any key that may read there (a {@code *:ro}
     * key, a public-read bucket) would download {@code keys.db} and {@code master.key}, and with
     * them every secret, the admin key's included.
     */
    public Path servedFolderHolding(Path path) {
        Path real = realPath(path);
        var folders = new ArrayList<Path>();
        folders.add(root);
        folders.addAll(configured.values());
        for (Path folder : folders) {
            Path served = realPath(folder);
            if (real.startsWith(served) && !real.startsWith(served.resolve(ObjectKey.INTERNAL_FOLDER))) {
                return folder;
            }
        }
        return null;
    }

    /** The real path of {@code path}: its nearest existing ancestor's, with the missing names after it. */
    private static Path realPath(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /** {@code folder}: the folder's attributes (one stat gives both "is a folder" and its time), or null. */
    private Bucket bucketAt(String name, Path dir, boolean fromConfig, BasicFileAttributes folder) {
        Path staging = rootStaging;
        if (fromConfig && !sameFileStore(dir, root)) {
            staging = StagingArea.temporariesOf(dir);
        }
        Instant created = folder == null ? Instant.EPOCH : folder.creationTime().toInstant();
        return new Bucket(name, dir, staging, created, fromConfig);
    }

    /** The attributes of {@code dir} when it is a folder; empty when it is not, or cannot be read. */
    private static Optional<BasicFileAttributes> folder(Path dir, LinkOption... options) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(dir, BasicFileAttributes.class, options);
            return attributes.isDirectory() ? Optional.of(attributes) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean sameFileStore(Path a, Path b) {
        try {
            return Files.getFileStore(a).equals(Files.getFileStore(b));
        } catch (IOException e) {
            return false;
        }
    }
}

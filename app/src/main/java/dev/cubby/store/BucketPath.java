package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where a key lives on disk, and the guarantee that it stays inside its bucket: a path is only
 * used when its real location (symlinks resolved) is still under the bucket's real folder.
 */
public final class BucketPath {
    private BucketPath() {
    }

    /** The path a key names, refused (OUTSIDE_BUCKET) when symlinks would lead it out of the bucket. */
    public static Path resolve(Bucket bucket, ObjectKey key) {
        Path path = of(bucket, key);
        requireInside(bucket, path);
        return path;
    }

    /** The file or folder a key names; not yet checked against symlinks. */
    public static Path of(Bucket bucket, ObjectKey key) {
        Path path = bucket.dir();
        for (String segment : key.segments()) {
            path = path.resolve(segment);
        }
        return path;
    }

    /**
     * Refuses a path whose nearest existing ancestor (itself included) resolves, through
     * symlinks, to somewhere outside the bucket. Reads and writes both pass here first.
     *
     * <p>Most paths have no symlink below the bucket's folder, and then their real location is
     * the folder's real location plus the same names: inside, without resolving anything. Only
     * a path with a link below the folder (or one that cannot be inspected) is resolved in full,
     * which costs two {@code realpath} calls of a syscall per component.
     */
    public static void requireInside(Bucket bucket, Path path) {
        if (hasNoLinkBelow(bucket.dir(), path)) {
            return;
        }
        try {
            Path bucketReal = bucket.dir().toRealPath();
            Path existing = path;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return;
            }
            Path real;
            try {
                real = existing.toRealPath();
            } catch (NoSuchFileException dangling) {
                throw outside(bucket, path);
            }
            if (!real.startsWith(bucketReal)) {
                throw outside(bucket, path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True when {@code path} names {@code dir} or lies lexically below it, and the components
     * below {@code dir} that exist (found with {@code lstat}, top down) are not symlinks. False
     * (resolve in full) on a link, a {@code .} or {@code ..} name, a first component that is
     * missing (the bucket's folder itself may be gone), or any other error.
     */
    private static boolean hasNoLinkBelow(Path dir, Path path) {
        if (!path.startsWith(dir)) {
            return false;
        }
        Path current = dir;
        boolean first = true;
        for (Path name : dir.relativize(path)) {
            String text = name.toString();
            if (text.equals(".") || text.equals("..")) {
                return false;
            }
            current = current.resolve(name);
            try {
                var attributes = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (attributes.isSymbolicLink()) {
                    return false;
                }
            } catch (NoSuchFileException e) {
                // Nothing below exists; the nearest existing ancestor has no link below the folder.
                return !first;
            } catch (IOException e) {
                return false;
            }
            first = false;
        }
        return true;
    }

    private static StoreException outside(Bucket bucket, Path path) {
        return new StoreException(StoreException.Reason.OUTSIDE_BUCKET, "The key leads through a symbolic link "
                + "to a place outside the bucket '" + bucket.name() + "'; Cubby never follows links out of a bucket.");
    }
}

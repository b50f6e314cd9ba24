package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
     */
    public static void requireInside(Bucket bucket, Path path) {
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

    private static StoreException outside(Bucket bucket, Path path) {
        return new StoreException(StoreException.Reason.OUTSIDE_BUCKET, "The key leads through a symbolic link "
                + "to a place outside the bucket '" + bucket.name() + "'; Cubby never follows links out of a bucket.");
    }
}

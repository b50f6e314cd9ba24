package dev.cubby.store;

import java.nio.file.Path;

/**
 * Where a key lives on disk, by name. The guarantee that it stays inside its bucket is
 * {@link ResolvedPath}'s; this class checks with it for callers that still work by name.
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
     * Refuses a path below the bucket's folder that leads through a symlink out of the bucket, to
     * nowhere, or round a loop (see {@link ResolvedPath}). A check only: a caller that goes on
     * to use the path by name can be raced by a local user swapping a folder for a link, so the
     * S3 operations use {@link ResolvedPath} itself and keep its descriptors for the operation.
     */
    public static void requireInside(Bucket bucket, Path path) {
        Path relative = bucket.dir().relativize(path);
        if (relative.toString().isEmpty()) {
            try (var folder = OpenFolder.ofBucket(bucket)) {
                return;
            }
        }
        var segments = new java.util.ArrayList<String>();
        for (Path name : relative) {
            segments.add(name.toString());
        }
        try (var checked = ResolvedPath.of(bucket, segments)) {
            // opening it is the check
        }
    }

}

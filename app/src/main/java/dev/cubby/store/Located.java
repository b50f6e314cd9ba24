package dev.cubby.store;

import java.nio.file.Path;

/**
 * A key in an existing bucket: the one step from a request's bucket name and key to what the
 * store works on ({@link Buckets#locate}). The bucket must exist and the key be valid; where the
 * key leads in the tree is asked only through {@link #open} (or {@link #openEntry}), while the
 * folders are held open.
 */
record Located(Bucket bucket, ObjectKey key) {

    /** The key's file or folder, resolved through an open handle of the bucket folder (see {@link ResolvedPath}). */
    ResolvedPath open() {
        return ResolvedPath.of(bucket, key);
    }

    /** The key's parent folder, opened, for work on the final name itself (never followed). */
    ResolvedPath openEntry() {
        return ResolvedPath.entryOf(bucket, key);
    }

    /** The key's path, refused when a symlink would lead it out of its bucket. */
    Path path() {
        return BucketPath.resolve(bucket, key);
    }
}

package dev.cubby.meta;

import java.util.Map;
import java.util.Optional;

/**
 * Everything Cubby knows about objects that the folder tree cannot hold. A narrow interface so
 * that SQLite (the embedded default) can be swapped for a shared database when several gateways
 * serve one filesystem; no SQL type leaks out of this package.
 *
 * <p>The sidecar is a cache plus metadata: losing it loses user metadata only, because ETags are
 * always checked against the file's {@link Fingerprint} and recomputed when stale.
 */
public interface Sidecar extends AutoCloseable {

    /** Multipart uploads in progress and their parts. */
    MultipartState multipart();

    /** Each bucket's configuration documents (policy, CORS, ACL...), forgotten with the bucket. */
    BucketSettings bucketSettings();

    /** Each object's owner and ACL, kept apart from the object rows, which forget them when replaced. */
    ObjectAcls objectAcls();

    /** Object tags, kept apart from the object rows (which forget them when they are replaced). */
    TagState tags();

    Optional<ObjectRecord> find(String bucket, String key);

    /**
     * Rows for the direct children of a folder, keyed by the child's name (a trailing {@code /}
     * for folder markers), so a listing reads one folder's metadata in one query.
     *
     * @param folderKey the folder's key with trailing slash, or "" for the bucket's top
     */
    Map<String, ObjectRecord> findChildren(String bucket, String folderKey);

    /**
     * Inserts or replaces the row for {@code record.bucket()/record.key()}. A replaced row is a new
     * object, so the old one's tags go with it.
     */
    void put(ObjectRecord record);

    /**
     * As {@link #put}, but only if {@code stillCurrent}, asked while the sidecar's write lock is
     * held (across processes), says the file the record describes still stands at its key. A
     * writer that replaced the file meanwhile records its own row after the lock is released, so
     * an older row never lands on top of a newer one. Returns whether the row was written.
     */
    boolean putIf(ObjectRecord record, java.util.function.BooleanSupplier stillCurrent);

    /**
     * Records, durably, a write about to be renamed into place (see {@link PendingWrite}); it
     * stays until {@link #completePendingWrite} or {@link #forgetPendingWrite}.
     */
    void recordPendingWrite(PendingWrite write);

    /**
     * Forgets the pending write and, if {@code stillCurrent} (asked as for {@link #putIf}), puts
     * {@code record} as the key's row, in one commit. Returns whether the row was written.
     */
    boolean completePendingWrite(String pendingId, ObjectRecord record, java.util.function.BooleanSupplier stillCurrent);

    void forgetPendingWrite(String pendingId);

    /** The pending writes of one key, in no particular order. */
    java.util.List<PendingWrite> pendingWrites(String bucket, String key);

    /** Every pending write, for recovery at start. */
    java.util.List<PendingWrite> pendingWrites();

    /**
     * Replaces only the fingerprint and ETag of an existing row, keeping its descriptive metadata
     * when {@code keepMetadata} (the same object with new attributes) and clearing it otherwise (a
     * file that replaced the row's, see {@link ObjectRecord#metadataFor}); inserts a bare row if none.
     * Only while the row is still {@code seen} (null: there was none), the one the caller read
     * before it hashed the file: a writer that put a newer row meanwhile (a PUT that replaced the
     * file) keeps it, rather than losing its metadata to an ETag of the bytes it replaced.
     */
    void recordEtag(String bucket, String key, Fingerprint fingerprint, String etag, boolean keepMetadata,
                    ObjectRecord seen);

    /**
     * Replaces only the descriptive metadata of the object's row, keeping its ETag, fingerprint
     * and tags; inserts a row without a file version (so its ETag is worked out from the file)
     * if there is none. For metadata set outside S3, such as the FUSE mount's extended attributes.
     */
    void putMetadata(String bucket, String key, ObjectMetadata metadata);

    /**
     * After a rename on disk: the row of {@code fromKey} (its tags, its implicit-folder mark) now
     * belongs to {@code toKey}; for a folder key (trailing {@code /}) so does every row under it.
     * Rows that were at the new name describe what the rename replaced and are dropped.
     */
    void move(String fromBucket, String fromKey, String toBucket, String toKey);

    /**
     * As {@link #move}, but only if {@code stillMoved}, asked while the sidecar's write lock is
     * held, says the renamed file or folder still stands at its new name: a writer that replaced
     * it there since keeps the row it recorded. Returns whether the rows moved.
     */
    boolean moveIf(String fromBucket, String fromKey, String toBucket, String toKey,
                   java.util.function.BooleanSupplier stillMoved);

    /** Forgets the object's row and its tags. */
    void delete(String bucket, String key);

    /**
     * Forgets the row and tags of a file just unlinked, unless {@code replaced} (asked while
     * the sidecar's write lock is held) says something stands at the key again: then a writer
     * (this server, the mount) published there after the unlink, and the row is, or is about to
     * be, that writer's, which a plain delete could remove after it was recorded.
     */
    void deleteUnlessReplaced(String bucket, String key, java.util.function.BooleanSupplier replaced);

    /** Forgets every row (and every tag) of a bucket (after the bucket's folder is gone). */
    void deleteBucket(String bucket);

    /** Remembers that Cubby, not a user, created this folder to hold a key. */
    void markImplicitFolder(String bucket, String folderKey);

    boolean isImplicitFolder(String bucket, String folderKey);

    void forgetImplicitFolder(String bucket, String folderKey);

    /** Number of object rows; for metrics and {@code cubby index}. */
    long objectCount();

    /** Bytes the sidecar takes on disk (database and journal files); for metrics. */
    long bytesOnDisk();

    @Override
    void close();
}

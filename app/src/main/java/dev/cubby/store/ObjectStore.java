package dev.cubby.store;

import dev.cubby.meta.BucketSettings;
import dev.cubby.meta.Sidecar;
import dev.cubby.store.space.QuotaReadings;
import dev.cubby.store.space.SpaceLimits;
import dev.cubby.store.space.SpacePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The storage engine over one folder tree and its sidecar: the entry point for the S3 layer and
 * the FUSE mount alike. Knows nothing of HTTP; failures are {@link StoreException}s.
 *
 * <p>Its surface: buckets (list, create, delete), objects (head, open, put, copy, delete, list),
 * and four doors for the other roles: {@link #tags()}, {@link #multipart()}, {@link #localFiles()}
 * (the mount) and {@link #space()} (quota readings). Everything it is built of stays inside the
 * package: the key's one locate step ({@link Buckets#locate}), the staging area
 * ({@link StagingArea}), the room checks ({@link SpaceLimits}), the sidecar.
 */
public final class ObjectStore implements AutoCloseable {
    private final Buckets buckets;
    private final Sidecar sidecar;
    private final BackgroundIndexer indexer;
    private final EtagResolver etags;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final ObjectRemover remover;
    private final MultipartStore multipart;
    private final ObjectCopier copier;
    private final ObjectTags tags;
    private final SpaceLimits space;
    private final LocalFiles localFiles;
    /** Held by CreateBucket and DeleteBucket: rare, and never while a body streams. */
    private final ReentrantLock bucketLifecycle = new ReentrantLock();

    /** A store without quotas or free-space reserve. */
    public ObjectStore(Buckets buckets, Sidecar sidecar, long hashOnReadLimit, long indexBytesPerSecond) {
        this(buckets, sidecar, hashOnReadLimit, indexBytesPerSecond, SpacePolicy.UNLIMITED);
    }

    public ObjectStore(Buckets buckets, Sidecar sidecar, long hashOnReadLimit, long indexBytesPerSecond,
                       SpacePolicy spacePolicy) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        var folders = new Folders(sidecar);
        var pendingWrites = new PendingWrites(buckets, sidecar, folders);
        this.indexer = new BackgroundIndexer(sidecar, pendingWrites, this::locateFile, indexBytesPerSecond);
        this.etags = new EtagResolver(sidecar, indexer, hashOnReadLimit);
        var locks = new KeyLocks();
        this.space = new SpaceLimits(spacePolicy, buckets, bucket -> uploadFolders(sidecar, bucket));
        this.writer = new ObjectWriter(buckets, sidecar, folders, etags, space, locks);
        this.reader = new ObjectReader(buckets, sidecar, etags, pendingWrites);
        this.remover = new ObjectRemover(buckets, sidecar, folders, space, locks);
        this.multipart = new MultipartStore(buckets, sidecar, writer, space);
        this.copier = new ObjectCopier(sidecar, reader, writer);
        this.tags = new ObjectTags(sidecar, reader);
        this.localFiles = new LocalFiles(buckets, sidecar, writer, space, pendingWrites);
        pendingWrites.recoverCrashed();
        StagingArea.sweepTemporaries(buckets);
    }

    /**
     * The store over a served root, with its sidecar in the root's internal folder: the server
     * and any {@code cubby mount} of the same root open the same one (SQLite in WAL mode lets
     * both write it).
     */
    public static ObjectStore openAt(Path root, java.util.Map<String, Path> configuredBuckets, long hashOnReadLimit,
                                     long indexBytesPerSecond, SpacePolicy spacePolicy) {
        var sidecar = dev.cubby.meta.SqliteSidecar.open(StagingArea.sidecarFile(root));
        return new ObjectStore(new Buckets(root, configuredBuckets), sidecar, hashOnReadLimit, indexBytesPerSecond,
                spacePolicy);
    }

    public List<Bucket> listBuckets() {
        return buckets.list();
    }

    public Bucket bucket(String name) {
        return buckets.require(name);
    }

    public Bucket createBucket(String name) {
        bucketLifecycle.lock();
        try {
            return buckets.create(name);
        } finally {
            bucketLifecycle.unlock();
        }
    }

    /**
     * Removes the bucket's (empty) folder, then everything Cubby keeps about it: its rows, its
     * unfinished multipart uploads with their staged parts (as S3 does), its quota count and the
     * files queued for hashing. A bucket made again under the same name thus starts with nothing
     * of the old one's; it cannot be made again before that is done, or the clean-up could take
     * rows its first writes recorded.
     */
    public void deleteBucket(String name) {
        bucketLifecycle.lock();
        try {
            Bucket deleted = buckets.require(name);
            buckets.delete(name);
            multipart.discardAll(deleted);
            sidecar.deleteBucket(name);
            space.forget(name);
            indexer.forgetBucket(name);
        } finally {
            bucketLifecycle.unlock();
        }
    }

    public StoredObject head(String bucket, String key) {
        return reader.head(bucket, key);
    }

    public OpenObject open(String bucket, String key) {
        return reader.open(bucket, key);
    }

    public PutResult put(PutRequest request) {
        return writer.put(request);
    }

    /** CopyObject: see {@link ObjectCopier}. */
    public CopyResult copy(CopyRequest request) {
        return copier.copy(request);
    }

    public void delete(String bucket, String key) {
        remover.delete(bucket, key);
    }

    public ListPage list(String bucket, ListQuery query) {
        return new TreeLister(buckets.require(bucket), query, sidecar, etags).list();
    }

    // The store's other doors, each a role of its own beside the object operations above.

    /** Object tagging (Get/Put/DeleteObjectTagging, tags given with a PUT or a copy). */
    public ObjectTags tags() {
        return tags;
    }

    /** Each bucket's configuration documents (owner, ACL, CORS rules, tags...), forgotten with the bucket. */
    public dev.cubby.meta.BucketSettings bucketSettings() {
        return sidecar.bucketSettings();
    }

    /** Object owners and ACLs, forgotten with the object. */
    public dev.cubby.meta.ObjectAcls objectAcls() {
        return sidecar.objectAcls();
    }

    /** Multipart uploads: create, parts, complete, abort, list, and the sweep of stale ones. */
    public MultipartStore multipart() {
        return multipart;
    }

    /** The FUSE mount's door: the tree edited as files (write, rename, unlink, link, attributes). */
    public LocalFiles localFiles() {
        return localFiles;
    }

    /** Quotas: each quota'd bucket's limit and its bytes as last counted (read only). */
    public QuotaReadings space() {
        return space;
    }

    /** The store's state for the metrics page: cheap enough to take on every scrape. */
    public StoreStatistics statistics() {
        var rooms = new java.util.ArrayList<StoreStatistics.BucketRoom>();
        for (Bucket bucket : buckets.list()) {
            long free;
            long total;
            try {
                var fileStore = java.nio.file.Files.getFileStore(bucket.dir());
                free = fileStore.getUsableSpace();
                total = fileStore.getTotalSpace();
            } catch (java.io.IOException e) {
                continue; // the folder went away between listing and asking; the next scrape tells
            }
            rooms.add(new StoreStatistics.BucketRoom(bucket.name(), free, total,
                    space.quota(bucket.name()).orElse(-1), space.usage(bucket.name()).orElse(-1)));
        }
        rooms.sort(java.util.Comparator.comparing(StoreStatistics.BucketRoom::bucket));
        return new StoreStatistics(sidecar.objectCount(), sidecar.multipart().openUploadCount(), sidecar.bytesOnDisk(),
                indexer.pending(), rooms);
    }

    /** Files whose MD5 is still being computed in the background. */
    public int pendingHashes() {
        return indexer.pending();
    }

    /** The folders of a bucket's unfinished uploads: their parts count against its quota. */
    private static List<Path> uploadFolders(Sidecar sidecar, Bucket bucket) {
        return sidecar.multipart().listUploads(bucket.name()).stream()
                .map(upload -> StagingArea.uploadFolder(bucket, upload.uploadId())).toList();
    }

    private void locateFile(String bucketName, String keyValue, java.util.function.Consumer<Path> use) {
        try (ResolvedPath at = buckets.locate(bucketName, keyValue).open()) {
            if (at.state().isFile()) {
                use.accept(at.opened());
            }
        } catch (StoreException e) {
            // gone, or no longer inside its bucket: nothing to index
        }
    }

    @Override
    public void close() {
        space.close();
        indexer.close();
        sidecar.close();
    }
}

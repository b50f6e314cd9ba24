package dev.cubby.store;

import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.StoredChecksum;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Looks objects up (HEAD) and opens them (GET) with an ETag that matches the bytes served. */
final class ObjectReader {
    private static final String FOLDER_CONTENT_TYPE = "application/x-directory";
    private static final int OPEN_ATTEMPTS = 3;

    private final Buckets buckets;
    private final Sidecar sidecar;
    private final EtagResolver etags;
    private final PendingWrites pendingWrites;

    ObjectReader(Buckets buckets, Sidecar sidecar, EtagResolver etags, PendingWrites pendingWrites) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        this.etags = etags;
        this.pendingWrites = pendingWrites;
    }

    StoredObject head(String bucketName, String keyValue) {
        Located located = buckets.locate(bucketName, keyValue);
        try (ResolvedPath at = located.open()) {
            return head(located.bucket(), located.key(), at);
        }
    }

    /** Looks at what {@code at} opened: stat, folder check and hashing all go through its descriptor. */
    private StoredObject head(Bucket bucket, ObjectKey key, ResolvedPath at) {
        Path path = BucketPath.of(bucket, key);
        FileState state = at.state();
        ObjectRecord record = sidecar.find(bucket.name(), key.value()).orElse(null);
        if (key.folderMarker()) {
            if (state.isFolder()
                    && Folders.listedAsMarker(sidecar, bucket.name(), key.value(), record, isEmptyFolder(at.opened()))) {
                ObjectMetadata metadata = record != null ? record.metadata() : ObjectMetadata.NONE;
                return new StoredObject(bucket.name(), key.value(), path, null, 0, state.lastModified(),
                        FolderMarkers.etag(record),
                        withContentType(metadata, FOLDER_CONTENT_TYPE), record != null ? record.checksum() : null, true,
                        null);
            }
            throw noSuchKey(key);
        }
        if (!state.isFile()) {
            throw noSuchKey(key);
        }
        if (record == null || !record.describes(state.fingerprint())) {
            record = pendingWrites.settle(bucket.name(), key.value(), at.entry(), state, record);
        }
        String etag = etags.forRead(bucket.name(), key.value(), at.opened(), state, record);
        ObjectMetadata metadata = record != null ? record.metadataFor(state.fingerprint()) : ObjectMetadata.NONE;
        StoredChecksum checksum = EtagResolver.checksum(record, etag);
        // Like the checksum, the upload belongs to the bytes whose ETag the row holds.
        String uploadId = record != null && etag.equals(record.etag()) ? record.uploadId() : null;
        return new StoredObject(bucket.name(), key.value(), path, state.fingerprint(), state.size(),
                state.lastModified(), etag, withContentType(metadata, ContentTypes.guess(path.getFileName().toString())),
                checksum, false, uploadId);
    }

    /**
     * Opens the object through the descriptor its HEAD looked at (so the bytes served are those
     * of the inode checked, wherever its name now leads), then checks that it was not rewritten
     * in between (another mtime or size); if it was, looks again.
     */
    OpenObject open(String bucketName, String keyValue) {
        Located located = buckets.locate(bucketName, keyValue);
        Bucket bucket = located.bucket();
        ObjectKey key = located.key();
        for (int attempt = 1; ; attempt++) {
            try (ResolvedPath at = located.open()) {
                StoredObject object = head(bucket, key, at);
                if (object.folderMarker()) {
                    return new OpenObject(object, null);
                }
                FileChannel channel;
                try {
                    channel = FileChannel.open(at.opened(), StandardOpenOption.READ);
                } catch (NoSuchFileException e) {
                    if (attempt == OPEN_ATTEMPTS) {
                        throw noSuchKey(key);
                    }
                    continue;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot open " + object.path(), e);
                }
                FileState now = FileState.of(at.opened());
                if (now.isFile() && now.fingerprint().equals(object.fingerprint()) || attempt == OPEN_ATTEMPTS) {
                    return new OpenObject(object, channel);
                }
                closeQuietly(channel);
            }
        }
    }

    private static ObjectMetadata withContentType(ObjectMetadata metadata, String fallback) {
        if (metadata.contentType() != null) {
            return metadata;
        }
        return new ObjectMetadata(fallback, metadata.cacheControl(), metadata.contentDisposition(),
                metadata.contentEncoding(), metadata.contentLanguage(), metadata.expires(), metadata.userMetadata());
    }

    private static boolean isEmptyFolder(Path folder) {
        try (var entries = Files.newDirectoryStream(folder)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    static StoreException noSuchKey(ObjectKey key) {
        return new StoreException(StoreException.Reason.NO_SUCH_KEY, "The key '" + key.value() + "' does not exist.");
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // read-only channel; nothing to flush
        }
    }
}

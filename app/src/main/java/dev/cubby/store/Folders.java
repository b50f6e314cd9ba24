package dev.cubby.store;

import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Folders as S3 prefixes. Folders Cubby creates to hold a key are recorded as implicit and
 * removed again with their last object, as a prefix vanishes in S3; folders users made stay.
 */
final class Folders {
    private static final int CREATE_ATTEMPTS = 3;

    private final Sidecar sidecar;
    /** Per folder, so that making it (mark, mkdir) and removing it (rmdir, forget) never interleave in this process. */
    private final KeyLocks locks = new KeyLocks();

    Folders(Sidecar sidecar) {
        this.sidecar = sidecar;
    }

    /** Refuses a write when a file stands where a folder of the key's path must be. */
    static void requireNoFileOnPath(Bucket bucket, ObjectKey key) {
        Path path = bucket.dir();
        List<String> segments = key.segments();
        int folders = key.folderMarker() ? segments.size() : segments.size() - 1;
        for (int i = 0; i < folders; i++) {
            path = path.resolve(segments.get(i));
            FileState state = FileState.of(path);
            if (!state.exists()) {
                return;
            }
            if (!state.isFolder()) {
                throw conflict(key, String.join("/", segments.subList(0, i + 1)) + "' is a file, so it cannot hold '"
                        + key.value());
            }
        }
    }

    static StoreException conflict(ObjectKey key, String detail) {
        return new StoreException(StoreException.Reason.PATH_CONFLICT, "The key '" + key.value()
                + "' conflicts with the tree: '" + detail + "'. A folder cannot hold both a file 'a' and keys under 'a/'.");
    }

    /**
     * Creates the folders above {@code key} that are missing, recording each as implicit before
     * it is made, so a crash in between never leaves a folder of Cubby's that looks like a user's
     * (listed as an object {@code dir/}); a mark whose folder was never made is forgotten by
     * {@link #removeEmptyImplicit}. (A user's folder made at the same instant may be taken for
     * Cubby's, and then goes with its last object.)
     */
    void createParents(Bucket bucket, ObjectKey key) {
        for (int attempt = 1; !createParentsOnce(bucket, key); attempt++) {
            if (attempt == CREATE_ATTEMPTS) {
                throw new UncheckedIOException(new java.io.IOException("the folders above " + key.value()
                        + " were removed " + CREATE_ATTEMPTS + " times while being made"));
            }
        }
    }

    /** False when a folder on the way was removed (its last object deleted) as the next one was made in it. */
    private boolean createParentsOnce(Bucket bucket, ObjectKey key) {
        Path path = bucket.dir();
        List<String> segments = key.segments();
        StringBuilder folderKey = new StringBuilder();
        for (int i = 0; i < segments.size() - 1; i++) {
            Path parent = path;
            path = path.resolve(segments.get(i));
            folderKey.append(segments.get(i)).append('/');
            ReentrantLock lock = locks.forKey(bucket.name(), folderKey.toString());
            lock.lock();
            try {
                FileState existing = FileState.of(path);
                if (existing.isFolder()) {
                    continue;
                }
                if (!existing.exists()) {
                    sidecar.markImplicitFolder(bucket.name(), folderKey.toString());
                }
                Files.createDirectory(path);
                Buckets.fsyncDirectory(parent);
            } catch (FileAlreadyExistsException e) {
                if (!FileState.of(path).isFolder()) {
                    throw conflict(key, folderKey.substring(0, folderKey.length() - 1) + "' is a file, so it cannot hold '"
                            + key.value());
                }
            } catch (NoSuchFileException e) {
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder " + path, e);
            } finally {
                lock.unlock();
            }
        }
        return true;
    }

    /**
     * Whether a folder with no marker row is listed (and found by HEAD) as an object
     * {@code dir/}: an empty one a user made is; one Cubby made to hold a key is not, as it
     * stands only until its key arrives (or a crash cut that write) or is removed with it.
     */
    static boolean listedAsMarker(Sidecar sidecar, String bucket, String folderKey, ObjectRecord marker,
                                  boolean empty) {
        return marker != null || empty && !sidecar.isImplicitFolder(bucket, folderKey);
    }

    /**
     * Walks up from {@code folderKey}, removing each implicit folder that is now empty, until
     * one is not implicit, not empty, or is the bucket itself.
     */
    void removeEmptyImplicit(Bucket bucket, String folderKey) {
        while (!folderKey.isEmpty()) {
            ReentrantLock lock = locks.forKey(bucket.name(), folderKey);
            lock.lock();
            try {
                if (!sidecar.isImplicitFolder(bucket.name(), folderKey)
                        || sidecar.find(bucket.name(), folderKey).isPresent()) {
                    return;
                }
                Path folder = BucketPath.of(bucket, ObjectKey.parse(folderKey));
                try {
                    Files.delete(folder);
                    sidecar.forgetImplicitFolder(bucket.name(), folderKey);
                    Buckets.fsyncDirectory(folder.getParent());
                } catch (DirectoryNotEmptyException e) {
                    return;
                } catch (NoSuchFileException e) {
                    sidecar.forgetImplicitFolder(bucket.name(), folderKey);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the empty folder " + folder, e);
                }
            } finally {
                lock.unlock();
            }
            String body = folderKey.substring(0, folderKey.length() - 1);
            folderKey = body.substring(0, body.lastIndexOf('/') + 1);
        }
    }
}

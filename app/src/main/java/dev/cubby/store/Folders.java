package dev.cubby.store;

import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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
        List<String> segments = key.segments();
        int folders = key.folderMarker() ? segments.size() : segments.size() - 1;
        if (folders == 0 || innermostIsFolder(bucket, segments.subList(0, folders))) {
            return; // the common case: every folder on the way stands, found in one resolution
        }
        for (int i = 0; i < folders; i++) {
            FileState state;
            try (ResolvedPath folder = ResolvedPath.of(bucket, segments.subList(0, i + 1))) {
                state = folder.state(); // looked at from the bucket's open folder, never by name
            }
            if (!state.exists()) {
                return;
            }
            if (!state.isFolder()) {
                throw conflict(key, String.join("/", segments.subList(0, i + 1)) + "' is a file, so it cannot hold '"
                        + key.value());
            }
        }
    }

    private static boolean innermostIsFolder(Bucket bucket, List<String> folderSegments) {
        try (ResolvedPath folder = ResolvedPath.of(bucket, folderSegments)) {
            return folder.state().isFolder();
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
     * Cubby's, and then goes with its last object.) Leaves {@code at} holding the innermost
     * folder open (see {@link ResolvedPath#openParents}).
     */
    void createParents(Bucket bucket, ObjectKey key, ResolvedPath at) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                at.openParents((folder, name, depth) -> makeFolder(bucket, key, folder, name, depth));
                return;
            } catch (NoSuchFileException e) {
                // A folder on the way was removed (its last object deleted) as the next one was made in it.
                if (attempt == CREATE_ATTEMPTS) {
                    throw new IOException("the folders above " + key.value() + " were removed " + CREATE_ATTEMPTS
                            + " times while being made", e);
                }
            }
        }
    }

    /** Makes the missing folder {@code name} in the opened {@code folder}, marked as Cubby's first. */
    private void makeFolder(Bucket bucket, ObjectKey key, OpenFolder folder, String name, int depth)
            throws IOException {
        String folderKey = String.join("/", key.segments().subList(0, depth)) + "/";
        Path entry = folder.entry(name);
        ReentrantLock lock = locks.forKey(bucket.name(), folderKey);
        lock.lock();
        try {
            FileState existing = FileState.of(entry, LinkOption.NOFOLLOW_LINKS);
            if (existing.isFolder()) {
                return;
            }
            if (!existing.exists()) {
                sidecar.markImplicitFolder(bucket.name(), folderKey);
            }
            Files.createDirectory(entry);
            StagingArea.fsync(folder.path());
        } catch (FileAlreadyExistsException e) {
            if (!FileState.of(entry, LinkOption.NOFOLLOW_LINKS).isFolder()) {
                throw conflict(key, folderKey.substring(0, folderKey.length() - 1) + "' is a file, so it cannot hold '"
                        + key.value());
            }
        } finally {
            lock.unlock();
        }
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
                // Removed by its name in its opened parent: a swapped-in link is never followed.
                try (ResolvedPath folder = ResolvedPath.of(bucket, ObjectKey.parse(folderKey))) {
                    if (!folder.parentExists()) {
                        sidecar.forgetImplicitFolder(bucket.name(), folderKey);
                    } else {
                        Files.delete(folder.entry());
                        sidecar.forgetImplicitFolder(bucket.name(), folderKey);
                        StagingArea.fsync(folder.parent());
                    }
                } catch (DirectoryNotEmptyException | StoreException e) {
                    return;
                } catch (NoSuchFileException e) {
                    sidecar.forgetImplicitFolder(bucket.name(), folderKey);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot remove the empty folder " + folderKey, e);
                }
            } finally {
                lock.unlock();
            }
            String body = folderKey.substring(0, folderKey.length() - 1);
            folderKey = body.substring(0, body.lastIndexOf('/') + 1);
        }
    }
}

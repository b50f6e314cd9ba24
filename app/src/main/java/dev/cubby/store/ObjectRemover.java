package dev.cubby.store;

import dev.cubby.meta.Sidecar;
import dev.cubby.meta.SidecarException;
import dev.cubby.store.space.SpaceLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Deletes objects as S3 does (a missing key is not an error) and lets the folders Cubby made
 * for them disappear with their last object.
 */
final class ObjectRemover {
    private static final Logger LOG = Logger.getLogger(ObjectRemover.class.getName());

    private final Buckets buckets;
    private final Sidecar sidecar;
    private final Folders folders;
    private final SpaceLimits space;
    private final KeyLocks locks;

    ObjectRemover(Buckets buckets, Sidecar sidecar, Folders folders, SpaceLimits space, KeyLocks locks) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        this.folders = folders;
        this.space = space;
        this.locks = locks;
    }

    void delete(String bucketName, String keyValue) {
        Located located = buckets.locate(bucketName, keyValue);
        Bucket bucket = located.bucket();
        ObjectKey key = located.key();
        // The name is unlinked in the folder opened here, never through a link swapped in above it.
        try (ResolvedPath path = located.open()) {
            if (key.folderMarker() || !space.counts(bucket)) {
                delete(bucket, key, path);
                return;
            }
            // The bytes freed must be those of the file unlinked, not of one a concurrent write replaced it with.
            ReentrantLock lock = locks.forKey(bucket.name(), key.value());
            lock.lock();
            try {
                space.changed(bucket, -delete(bucket, key, path));
            } finally {
                lock.unlock();
            }
        }
    }

    /** Returns the bytes of the file removed. */
    private long delete(Bucket bucket, ObjectKey key, ResolvedPath path) {
        FileState state = path.entryState();
        try {
            if (key.folderMarker()) {
                deleteFolderMarker(bucket, key, path, state);
            } else if (state.isFile() || state.kind() == FileState.Kind.SYMLINK) {
                Files.delete(path.entry());
                StagingArea.fsync(path.parent());
                forgetRow(bucket, key, path);
                folders.removeEmptyImplicit(bucket, key.parentFolderKey());
                return state.isFile() ? state.size() : 0;
            }
        } catch (NoSuchFileException e) {
            forgetRow(bucket, key, path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key.value() + " in bucket " + bucket.name(), e);
        }
        return 0;
    }

    /**
     * The file is gone already, so the delete has happened; a row the sidecar cannot remove for
     * want of disk space stays behind harmlessly (it describes no file, and a file that appears
     * at the key later never inherits it). Deleting is how a full disk is freed, so it must not fail.
     */
    private void forgetRow(Bucket bucket, ObjectKey key, ResolvedPath path) {
        try {
            sidecar.deleteUnlessReplaced(bucket.name(), key.value(), () -> path.entryState().exists());
        } catch (SidecarException e) {
            if (!e.diskFull()) {
                throw e;
            }
            LOG.warning("the disk of the sidecar is full: the row of the deleted " + bucket.name() + "/"
                    + key.value() + " stays until it is next written");
        }
    }

    /**
     * After {@code path} was unlinked (or renamed away): its row goes, unless a concurrent PUT or
     * the mount already put something new there, whose row it is or is about to be.
     */
    static void forgetRowOfRemoved(Sidecar sidecar, String bucket, String key, Path path) {
        sidecar.deleteUnlessReplaced(bucket, key, () -> FileState.of(path, LinkOption.NOFOLLOW_LINKS).exists());
    }

    /**
     * An empty folder goes; a folder that still holds keys stays, loses its marker, and becomes
     * implicit so that it vanishes with its last object, as the prefix would in S3.
     */
    private void deleteFolderMarker(Bucket bucket, ObjectKey key, ResolvedPath path, FileState state)
            throws IOException {
        if (!state.isFolder()) {
            return;
        }
        sidecar.delete(bucket.name(), key.value());
        try {
            Files.delete(path.entry());
            StagingArea.fsync(path.parent());
            sidecar.forgetImplicitFolder(bucket.name(), key.value());
            folders.removeEmptyImplicit(bucket, key.parentFolderKey());
        } catch (DirectoryNotEmptyException e) {
            sidecar.markImplicitFolder(bucket.name(), key.value());
        }
    }
}

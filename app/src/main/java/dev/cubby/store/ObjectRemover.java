package dev.cubby.store;

import dev.cubby.meta.Sidecar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Deletes objects as S3 does (a missing key is not an error) and lets the folders Cubby made
 * for them disappear with their last object.
 */
final class ObjectRemover {
    private final Buckets buckets;
    private final Sidecar sidecar;
    private final Folders folders;

    ObjectRemover(Buckets buckets, Sidecar sidecar, Folders folders) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        this.folders = folders;
    }

    void delete(String bucketName, String keyValue) {
        Bucket bucket = buckets.require(bucketName);
        ObjectKey key = ObjectKey.parse(keyValue);
        Path path = BucketPath.resolve(bucket, key);
        FileState state = FileState.of(path, LinkOption.NOFOLLOW_LINKS);
        try {
            if (key.folderMarker()) {
                deleteFolderMarker(bucket, key, path, state);
            } else if (state.isFile() || state.kind() == FileState.Kind.SYMLINK) {
                Files.delete(path);
                Buckets.fsyncDirectory(path.getParent());
                sidecar.delete(bucket.name(), key.value());
                folders.removeEmptyImplicit(bucket, key.parentFolderKey());
            }
        } catch (NoSuchFileException e) {
            sidecar.delete(bucket.name(), key.value());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key.value() + " in bucket " + bucket.name(), e);
        }
    }

    /**
     * An empty folder goes; a folder that still holds keys stays, loses its marker, and becomes
     * implicit so that it vanishes with its last object, as the prefix would in S3.
     */
    private void deleteFolderMarker(Bucket bucket, ObjectKey key, Path path, FileState state) throws IOException {
        if (!state.isFolder()) {
            return;
        }
        sidecar.delete(bucket.name(), key.value());
        try {
            Files.delete(path);
            Buckets.fsyncDirectory(path.getParent());
            sidecar.forgetImplicitFolder(bucket.name(), key.value());
            folders.removeEmptyImplicit(bucket, key.parentFolderKey());
        } catch (DirectoryNotEmptyException e) {
            sidecar.markImplicitFolder(bucket.name(), key.value());
        }
    }
}

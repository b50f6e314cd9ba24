package dev.cubby.store;

import dev.cubby.meta.Sidecar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Folders as S3 prefixes. Folders Cubby creates to hold a key are recorded as implicit and
 * removed again with their last object, as a prefix vanishes in S3; folders users made stay.
 */
final class Folders {
    private final Sidecar sidecar;

    Folders(Sidecar sidecar) {
        this.sidecar = sidecar;
    }

    /** Refuses a write when a file stands where a folder of the key's path must be. */
    static void requireNoFileOnPath(Bucket bucket, ObjectKey key) {
        List<String> segments = key.segments();
        int folders = key.folderMarker() ? segments.size() : segments.size() - 1;
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

    static StoreException conflict(ObjectKey key, String detail) {
        return new StoreException(StoreException.Reason.PATH_CONFLICT, "The key '" + key.value()
                + "' conflicts with the tree: '" + detail + "'. A folder cannot hold both a file 'a' and keys under 'a/'.");
    }

    /**
     * Creates the folders above {@code key} that are missing, recording each as implicit, and
     * leaves {@code at} holding the innermost open (see {@link ResolvedPath#openParents}).
     */
    void createParents(Bucket bucket, ObjectKey key, ResolvedPath at) throws IOException {
        at.openParents((folder, name, depth) -> {
            String folderKey = String.join("/", key.segments().subList(0, depth)) + "/";
            try {
                Files.createDirectory(folder.entry(name));
                sidecar.markImplicitFolder(bucket.name(), folderKey);
                Buckets.fsyncDirectory(folder.path());
            } catch (FileAlreadyExistsException e) {
                if (!FileState.of(folder.entry(name), java.nio.file.LinkOption.NOFOLLOW_LINKS).isFolder()) {
                    throw conflict(key, folderKey.substring(0, folderKey.length() - 1) + "' is a file, so it cannot hold '"
                            + key.value());
                }
            }
        });
    }

    /**
     * Walks up from {@code folderKey}, removing each implicit folder that is now empty, until
     * one is not implicit, not empty, or is the bucket itself.
     */
    void removeEmptyImplicit(Bucket bucket, String folderKey) {
        while (!folderKey.isEmpty()) {
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
                    Buckets.fsyncDirectory(folder.parent());
                }
            } catch (DirectoryNotEmptyException | StoreException e) {
                return;
            } catch (NoSuchFileException e) {
                sidecar.forgetImplicitFolder(bucket.name(), folderKey);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the empty folder " + folderKey, e);
            }
            String body = folderKey.substring(0, folderKey.length() - 1);
            folderKey = body.substring(0, body.lastIndexOf('/') + 1);
        }
    }
}

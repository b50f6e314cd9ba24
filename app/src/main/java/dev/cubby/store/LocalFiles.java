package dev.cubby.store;

import dev.cubby.meta.Fingerprint;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import dev.cubby.store.space.SpaceLimits;
import dev.cubby.store.space.SpaceReservation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The store's entry points for a program that edits the tree as files rather than objects: the
 * FUSE mount. It keeps the same rules as S3 writes (keys checked by {@link ObjectKey} and
 * {@link BucketPath}, atomic publication from the bucket's staging folder, ETags that are never
 * wrong) and keeps the sidecar in step with each change it makes.
 */
public final class LocalFiles {
    private final Buckets buckets;
    private final Sidecar sidecar;
    private final ObjectWriter writer;
    private final SpaceLimits space;
    private final PendingWrites pendingWrites;

    LocalFiles(Buckets buckets, Sidecar sidecar, ObjectWriter writer, SpaceLimits space, PendingWrites pendingWrites) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        this.writer = writer;
        this.space = space;
        this.pendingWrites = pendingWrites;
    }

    /** The file or folder a key names, refused when a symlink would lead it out of its bucket. */
    public Path locate(String bucket, String key) {
        return buckets.locate(bucket, key).path();
    }

    /**
     * The file a key names, opened for reading through the descriptor that was checked to lie
     * inside the bucket (so a folder swapped for a link meanwhile cannot make it another file).
     */
    public java.nio.channels.FileChannel openForReading(String bucket, String key) throws IOException {
        try (ResolvedPath at = buckets.locate(bucket, key).open()) {
            if (!at.state().exists()) {
                throw new java.nio.file.NoSuchFileException(key);
            }
            return java.nio.channels.FileChannel.open(at.opened(), java.nio.file.StandardOpenOption.READ);
        }
    }

    /** The file or folder a key names, without following a symlink it ends in (for lstat, readlink, unlink). */
    public Path locateEntry(String bucket, String key) {
        Located located = buckets.locate(bucket, key);
        Bucket b = located.bucket();
        Path path = BucketPath.of(b, located.key());
        if (path.getParent() != null) {
            BucketPath.requireInside(b, path.getParent());
        }
        return path;
    }

    /** Work on the name a key ends in; see {@link #withEntry}. */
    @FunctionalInterface
    public interface EntryUse<T> {
        T apply(Path entry) throws IOException;
    }

    /**
     * Runs {@code use} on the name a key ends in, as it stands in its parent folder opened from
     * the bucket's folder: a folder above swapped for a link meanwhile cannot redirect it to
     * another place. A final symlink is what {@code use} sees (lstat, readlink), not followed by this.
     */
    public <T> T withEntry(String bucket, String key, EntryUse<T> use) throws IOException {
        try (ResolvedPath at = entryOf(bucket, key)) {
            if (!at.parentExists()) {
                throw new java.nio.file.NoSuchFileException(key);
            }
            return use.apply(at.entry());
        }
    }

    /**
     * The names in the folder a key names (the internal folder's name never among them), the
     * folder opened from its parent without following a link, so a swap cannot list another place.
     */
    public java.util.List<String> folderNames(String bucket, String key) throws IOException {
        try (ResolvedPath at = entryOf(bucket, key + "/")) {
            OpenFolder folder = at.parentExists() ? at.openEntryFolder() : null;
            if (folder == null) {
                throw new java.nio.file.NotDirectoryException(key);
            }
            try (folder; var entries = Files.newDirectoryStream(folder.path())) {
                var names = new java.util.ArrayList<String>();
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (!name.equals(ObjectKey.INTERNAL_FOLDER)) {
                        names.add(name);
                    }
                }
                return names;
            }
        }
    }

    /** The key's parent folder, opened, for work on the final name itself (never followed). */
    private ResolvedPath entryOf(String bucket, String key) {
        return buckets.locate(bucket, key).openEntry();
    }

    /** A fresh temporary file name in the bucket's staging folder, on the bucket's filesystem. */
    public Path newStagingFile(String bucket) {
        return StagingArea.newTemporary(buckets.require(bucket));
    }

    /**
     * Refuses a write through the mount that would take a file past its bucket's quota, as a
     * filesystem quota does (EDQUOT from write(2)).
     *
     * @param size     the size the file would have after the write
     * @param replaced the size of the published file the write will replace (0 for a new file)
     */
    public void requireRoom(String bucket, long size, long replaced) {
        space.requireRoomForLocalFile(bucket, size, replaced);
    }

    /**
     * Makes a finished, fsynced staging file the object at {@code key} by one rename, keeping the
     * object's descriptive metadata (an edit of a file is the same object with new bytes). Its
     * bytes count against a quota'd bucket's usage, and a file that would cross the quota is
     * refused (QUOTA_EXCEEDED, EDQUOT through the mount) with the previous one left in place.
     *
     * @param md5 the hex MD5 of the whole file when the writer computed it, or null: the ETag is
     *            then marked stale and worked out from the file when next needed
     */
    public void publish(String bucket, String key, Path staged, String md5) throws IOException {
        Located located = buckets.locate(bucket, key);
        Bucket b = located.bucket();
        ObjectKey k = located.key();
        FileState current;
        ObjectMetadata kept;
        try (ResolvedPath at = located.open()) {
            current = at.state();
            // Its state says whether the path is used: a missing folder leaves nothing to name.
            Path target = at.parentExists() ? at.entry() : BucketPath.of(b, k);
            ObjectRecord row = pendingWrites.rowOf(bucket, key, target, current);
            kept = row == null ? ObjectMetadata.NONE : row.metadataFor(current.fingerprint());
        }
        try (SpaceReservation room = space.forLocalFile(b, Files.size(staged), current.isFile() ? current.size() : 0)) {
            writer.publish(b, k, staged, new ObjectWriter.Version(md5, kept, null), WriteCondition.NONE, room);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * Renames a file, symlink or folder within or across buckets (on one filesystem) in one
     * atomic step, replacing what stood at the new name as rename(2) does, and moves the sidecar
     * rows with it. A file's ETag stays known: the rename changes only its ctime.
     */
    public void move(String fromBucket, String fromKey, String toBucket, String toKey) throws IOException {
        try (ResolvedPath fromAt = entryOf(fromBucket, fromKey); ResolvedPath toAt = entryOf(toBucket, toKey)) {
            move(fromBucket, fromKey, toBucket, toKey, fromAt, toAt);
        }
    }

    private void move(String fromBucket, String fromKey, String toBucket, String toKey, ResolvedPath fromAt,
                      ResolvedPath toAt) throws IOException {
        Path from = fromAt.entry();
        Path to = toAt.entry();
        FileState before = FileState.of(from, LinkOption.NOFOLLOW_LINKS);
        ObjectRecord record = before.isFile() ? sidecar.find(fromBucket, fromKey).orElse(null) : null;
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        StagingArea.fsync(toAt.parent());
        if (!locateEntry(fromBucket, fromKey).getParent().equals(locateEntry(toBucket, toKey).getParent())) {
            StagingArea.fsync(fromAt.parent());
        }
        boolean folder = before.isFolder();
        // A writer that put another file at the new name since the rename keeps its row; the
        // moved file's row then has nothing left to describe.
        boolean moved = sidecar.moveIf(fromBucket, folder ? fromKey + "/" : fromKey, toBucket,
                folder ? toKey + "/" : toKey, () -> sameEntry(to, before));
        if (!moved) {
            ObjectRemover.forgetRowOfRemoved(sidecar, fromBucket, folder ? fromKey + "/" : fromKey, from);
            return;
        }
        if (record != null && record.describes(before.fingerprint())) {
            FileState after = FileState.of(to, LinkOption.NOFOLLOW_LINKS);
            if (after.isFile() && before.fingerprint().sameBytesAs(after.fingerprint())) {
                sidecar.recordEtag(toBucket, toKey, after.fingerprint(), record.etag(), true,
                        new ObjectRecord(toBucket, toKey, record.fingerprint(), record.etag(), record.metadata(),
                                record.checksum()));
            }
        }
        if (folder) {
            sidecar.forgetImplicitFolder(toBucket, toKey + "/");
        }
    }

    /** Whether {@code path} is still the file, symlink or folder that was {@code was} (by inode). */
    private static boolean sameEntry(Path path, FileState was) {
        FileState now = FileState.of(path, LinkOption.NOFOLLOW_LINKS);
        return now.exists() && now.kind() == was.kind() && now.fingerprint().inode() == was.fingerprint().inode();
    }

    /** A change of a file's mode, owner or times, made on the path given. */
    @FunctionalInterface
    public interface AttributeChange {
        void applyTo(Path file) throws IOException;
    }

    /**
     * Changes the mode or owner of the file, folder or symlink a key names (never following a
     * final symlink to find it). A file's ETag stays known: such a change moves its ctime but not
     * its bytes, so its sidecar row is brought up to the new fingerprint rather than left stale,
     * which would make a large file's ETag a placeholder until re-hashed.
     */
    public void changeAttributes(String bucket, String key, AttributeChange change) throws IOException {
        change(bucket, key, change, false);
    }

    /** As {@link #changeAttributes}, for a change of the times: the mtime it moves is not a new version. */
    public void changeTimes(String bucket, String key, AttributeChange change) throws IOException {
        change(bucket, key, change, true);
    }

    private void change(String bucket, String key, AttributeChange change, boolean movesMtime) throws IOException {
        try (ResolvedPath at = entryOf(bucket, key)) {
            change(bucket, key, change, movesMtime, at.entry());
        }
    }

    private void change(String bucket, String key, AttributeChange change, boolean movesMtime, Path path)
            throws IOException {
        FileState before = FileState.of(path, LinkOption.NOFOLLOW_LINKS);
        ObjectRecord record = before.isFile() ? sidecar.find(bucket, key).orElse(null) : null;
        change.applyTo(path);
        if (record != null && record.describes(before.fingerprint())) {
            FileState after = FileState.of(path, LinkOption.NOFOLLOW_LINKS);
            Fingerprint was = before.fingerprint();
            Fingerprint now = after.fingerprint();
            boolean sameBytes = movesMtime ? now != null && now.inode() == was.inode() && now.size() == was.size()
                    : was.sameBytesAs(now);
            if (after.isFile() && sameBytes) {
                sidecar.recordEtag(bucket, key, now, record.etag(), true, record);
            }
        }
    }

    /** Removes a file or symlink (never following it) and its sidecar row; the folder above stays. */
    public void remove(String bucket, String key) throws IOException {
        Bucket b = buckets.require(bucket);
        FileState state;
        try (ResolvedPath at = entryOf(bucket, key)) {
            Path path = at.entry();
            state = FileState.of(path, LinkOption.NOFOLLOW_LINKS);
            if (state.isFolder()) {
                throw new java.nio.file.FileSystemException(key, null, "Is a directory");
            }
            Files.delete(path);
            StagingArea.fsync(at.parent());
            ObjectRemover.forgetRowOfRemoved(sidecar, bucket, key, path);
        }
        if (state.isFile() && space.counts(b)) {
            space.changed(b, -state.size());
        }
    }

    /** Makes a folder; one made through the mount is the user's, so it stays when its last object goes. */
    public void createFolder(String bucket, String key) throws IOException {
        try (ResolvedPath at = entryOf(bucket, key + "/")) {
            Files.createDirectory(at.entry());
            StagingArea.fsync(at.parent());
        }
        sidecar.forgetImplicitFolder(bucket, key + "/");
    }

    /** Removes an empty folder and its marker row. */
    public void removeFolder(String bucket, String key) throws IOException {
        try (ResolvedPath at = entryOf(bucket, key + "/")) {
            if (!at.entryState().isFolder()) {
                throw new java.nio.file.NotDirectoryException(key);
            }
            Files.delete(at.entry());
            StagingArea.fsync(at.parent());
        }
        sidecar.delete(bucket, key + "/");
        sidecar.forgetImplicitFolder(bucket, key + "/");
    }

    /**
     * Makes a symlink whose target stays inside the bucket: relative, and not climbing above the
     * bucket's folder from where the link stands. Others are refused (INVALID_KEY), as S3 would
     * never follow them.
     */
    public void createSymlink(String bucket, String key, String target) throws IOException {
        ObjectKey k = ObjectKey.parse(key);
        Path within = Path.of("", k.segments().subList(0, k.segments().size() - 1).toArray(String[]::new));
        Path targetPath = Path.of(target);
        Path reached = within.resolve(targetPath).normalize();
        if (target.isEmpty() || targetPath.isAbsolute() || reached.startsWith("..")
                || reached.startsWith(ObjectKey.INTERNAL_FOLDER)) {
            throw new StoreException(StoreException.Reason.INVALID_KEY, "The link target '" + target
                    + "' leads outside the bucket '" + bucket + "'; links through the mount must stay inside it.");
        }
        try (ResolvedPath at = entryOf(bucket, key)) {
            Files.createSymbolicLink(at.entry(), targetPath);
            StagingArea.fsync(at.parent());
        }
    }

    /** The object's descriptive metadata; {@link ObjectMetadata#NONE} when it has no row. */
    public ObjectMetadata metadata(String bucket, String key) {
        Path path = locate(bucket, key);
        FileState current = FileState.of(path);
        ObjectRecord row = pendingWrites.rowOf(bucket, key, path, current);
        return row == null ? ObjectMetadata.NONE : row.metadataFor(current.fingerprint());
    }

    /**
     * Replaces the object's descriptive metadata, keeping its ETag and tags. A row that describes
     * a file replaced since (outside Cubby) first loses its file version, so the metadata set now
     * belongs to the file that stands there (see {@link ObjectRecord#metadataFor}).
     */
    public void setMetadata(String bucket, String key, ObjectMetadata metadata) {
        FileState current = FileState.of(locate(bucket, key));
        ObjectRecord row = sidecar.find(bucket, key).orElse(null);
        if (row != null && !row.metadataBelongsTo(current.fingerprint())) {
            sidecar.recordEtag(bucket, key, null, null, false, row);
        }
        sidecar.putMetadata(bucket, key, metadata);
    }
}

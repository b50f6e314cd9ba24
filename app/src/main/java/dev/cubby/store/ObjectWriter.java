package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.PendingWrite;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.SidecarException;
import dev.cubby.meta.StoredChecksum;
import dev.cubby.store.space.SpaceLimits;
import dev.cubby.store.space.SpaceReservation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * Atomic, durable object writes: the body streams into a temporary file on the bucket's
 * filesystem while MD5 and checksums are computed; only a verified, fsynced file is renamed into
 * place, and the folder is fsynced before the caller answers. Readers see the old object or the
 * new one, never a mix, and a refused body leaves nothing behind.
 */
final class ObjectWriter {
    private static final Logger LOG = Logger.getLogger(ObjectWriter.class.getName());
    private static final int RENAME_ATTEMPTS = 3;

    private final Buckets buckets;
    private final Sidecar sidecar;
    private final Folders folders;
    private final EtagResolver etags;
    private final SpaceLimits space;
    private final KeyLocks locks;

    ObjectWriter(Buckets buckets, Sidecar sidecar, Folders folders, EtagResolver etags, SpaceLimits space,
                 KeyLocks locks) {
        this.buckets = buckets;
        this.sidecar = sidecar;
        this.folders = folders;
        this.etags = etags;
        this.space = space;
        this.locks = locks;
    }

    PutResult put(PutRequest request) {
        Located located = buckets.locate(request.bucket(), request.key());
        Bucket bucket = located.bucket();
        ObjectKey key = located.key();
        FileState existing;
        try (ResolvedPath target = located.open()) {
            existing = target.state();
        }
        // Fail before reading a possibly large body when the tree already says no.
        Folders.requireNoFileOnPath(bucket, key);
        if (!key.folderMarker() && existing.isFolder()) {
            throw Folders.conflict(key, key.value() + "' is a folder holding other keys, so it cannot also be a file '"
                    + key.value());
        }
        if (request.condition().onlyIfAbsent() && existing.exists()) {
            throw new StoreException(StoreException.Reason.PRECONDITION_FAILED,
                    "If-None-Match: * did not hold: an object already exists at '" + key.value() + "'.");
        }
        return key.folderMarker() ? putFolderMarker(bucket, key, request)
                : putFile(bucket, key, request, existing.isFile() ? existing.size() : 0);
    }

    /** Room is reserved before the first byte is read, so a refused body leaves nothing behind. */
    private PutResult putFile(Bucket bucket, ObjectKey key, PutRequest request, long replaced) {
        Path temp = null;
        try (SpaceReservation room = space.forUpload(bucket, request.declaredSize(), replaced)) {
            temp = StagingArea.newTemporary(bucket);
            BodyDigests digests = DigestingCopier.stage(room.meter(request.body()), temp, request.compute(),
                    request.verifier());
            Instant modified = publish(bucket, key, temp, new Version(digests.etag(), request.metadata(),
                    keptChecksum(request.kept(), digests)), request.condition(), room);
            return new PutResult(digests.etag(), digests, modified);
        } catch (IOException e) {
            throw space.failure(bucket, "cannot write " + key.value() + " in bucket " + bucket.name(), e);
        } catch (UncheckedIOException e) {
            throw space.failure(bucket, e);
        } finally {
            if (temp != null) {
                StagingArea.removeQuietly(temp);
            }
        }
    }

    /**
     * What a published file is, for its sidecar row; a null ETag means not known (hashed when
     * needed); {@code uploadId} names the multipart upload it was completed from, else null.
     */
    record Version(String etag, ObjectMetadata metadata, StoredChecksum checksum, String uploadId) {
        Version(String etag, ObjectMetadata metadata, StoredChecksum checksum) {
            this(etag, metadata, checksum, null);
        }
    }

    /**
     * Makes a verified, fsynced temporary file visible at the key, honouring the write
     * condition, then records its ETag and metadata for exactly the file that was published, and
     * its bytes (net of the file it replaced) in the bucket's usage. The caller removes the
     * temporary name afterwards (it may be gone already).
     *
     * <p>Crash-safe order: the write is recorded as pending (durably) before any folder is made
     * or the file renamed, and its row is written (and the pending write forgotten) in one commit
     * after. A crash in between leaves a pending write that {@link PendingWrites} completes when
     * its file reached the key, or drops with the folders made for it; the key never shows the
     * new bytes with the old object's metadata.
     */
    Instant publish(Bucket bucket, ObjectKey key, Path temp, Version version, WriteCondition condition,
                    SpaceReservation room) throws IOException {
        // Held to the end: the rename, the stats and the fsync all use the folder opened here.
        try (ResolvedPath target = ResolvedPath.of(bucket, key)) {
            return publish(bucket, key, temp, version, condition, room, target);
        }
    }

    private Instant publish(Bucket bucket, ObjectKey key, Path temp, Version version, WriteCondition condition,
                            SpaceReservation room, ResolvedPath target) throws IOException {
        Folders.requireNoFileOnPath(bucket, key);
        FileState staged = FileState.of(temp);
        var pending = new PendingWrite(UUID.randomUUID().toString(), new ObjectRecord(bucket.name(), key.value(),
                staged.fingerprint(), version.etag(), version.metadata(), version.checksum(), version.uploadId()),
                temp.toString(),
                ProcessHandle.current().pid());
        // A full sidecar disk refuses the write here, before anything in the tree has changed.
        sidecar.recordPendingWrite(pending);
        boolean settled = false;
        try {
            placeFile(bucket, key, temp, target, staged, condition, room);
            FileState committed = target.state();
            StagingArea.fsync(target.parent());
            // Record the row only for our own file as we wrote it: a concurrent writer may already have
            // replaced it (another inode) or rewritten it in place (another mtime or size). A change after
            // this stat moves the fingerprint, so the row then no longer describes the file.
            // A version without a known ETag gets a row without a fingerprint: stale, so it is hashed on need.
            // Checked again under the sidecar's lock: a writer that replaced the file since must not
            // have its row overwritten by this older one.
            boolean ours = committed.isFile() && pending.landedAs(committed.fingerprint());
            settled = true;
            complete(pending, committed, ours, target);
            return committed.lastModified();
        } finally {
            if (!settled) {
                forgetQuietly(pending);
            }
        }
    }

    /**
     * The pending write becomes the row. When the sidecar's disk is too full even for that, the
     * write has still happened: its file is in place and its metadata durable in the pending
     * write, which the next read (or the next start) turns into the row. Undoing the rename
     * instead would lose the object it replaced.
     */
    private void complete(PendingWrite pending, FileState committed, boolean ours, ResolvedPath target) {
        try {
            sidecar.completePendingWrite(pending.id(), pending.rowFor(committed.fingerprint()),
                    () -> ours && committed.fingerprint().sameBytesAs(target.state().fingerprint()));
        } catch (SidecarException e) {
            if (!e.diskFull()) {
                throw e;
            }
            LOG.warning("the disk of the sidecar is full: the row of " + pending.row().bucket() + "/"
                    + pending.row().key() + " stays pending until it can be written");
        }
    }

    private void placeFile(Bucket bucket, ObjectKey key, Path temp, ResolvedPath target, FileState staged,
                           WriteCondition condition, SpaceReservation room) throws IOException {
        if (condition.onlyIfAbsent()) {
            linkIntoPlace(bucket, key, temp, target);
            room.commit(staged.size());
        } else if (condition.comparesEtag() || space.counts(bucket)) {
            // In a counted bucket the size replaced must be the one this rename replaces.
            ReentrantLock lock = locks.forKey(bucket.name(), key.value());
            lock.lock();
            try {
                if (condition.comparesEtag()) {
                    condition.require(key.value(), currentEtag(bucket, key, target));
                }
                FileState current = target.state();
                long replaced = current.isFile() ? current.size() : 0;
                renameIntoPlace(bucket, key, temp, target);
                room.commit(staged.size() - replaced);
            } finally {
                lock.unlock();
            }
        } else {
            renameIntoPlace(bucket, key, temp, target);
        }
    }

    /** A refused or failed publish: its pending write goes (a crash recovers it if this fails too). */
    private void forgetQuietly(PendingWrite pending) {
        try {
            sidecar.forgetPendingWrite(pending.id());
        } catch (RuntimeException e) {
            LOG.warning("cannot forget the pending write of a failed publish: " + e.getMessage());
        }
    }

    /** If-None-Match: *: a hard link fails atomically when the name exists, whoever created it. */
    private void linkIntoPlace(Bucket bucket, ObjectKey key, Path temp, ResolvedPath target) throws IOException {
        folders.createParents(bucket, key, target);
        try {
            Files.createLink(target.entry(), temp);
            Files.delete(temp);
        } catch (FileAlreadyExistsException e) {
            if (target.state().isFolder()) {
                throw Folders.conflict(key, key.value() + "' is a folder");
            }
            throw new StoreException(StoreException.Reason.PRECONDITION_FAILED,
                    "If-None-Match: * did not hold: an object already exists at '" + key.value() + "'.");
        }
    }

    private void renameIntoPlace(Bucket bucket, ObjectKey key, Path temp, ResolvedPath target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            folders.createParents(bucket, key, target);
            try {
                Files.move(temp, target.entry(), StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (NoSuchFileException e) {
                // A delete removed the (implicit, empty) parent between mkdir and rename; make it again.
                if (attempt == RENAME_ATTEMPTS) {
                    throw e;
                }
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the staging folder " + temp.getParent() + " is not on the same filesystem as "
                        + BucketPath.of(bucket, key), e);
            } catch (IOException e) {
                if (target.state().isFolder()) {
                    throw Folders.conflict(key, key.value() + "' became a folder");
                }
                throw e;
            }
        }
    }

    /** The ETag of the file at the key now, or null when there is none. */
    private String currentEtag(Bucket bucket, ObjectKey key, ResolvedPath target) {
        FileState current = target.state();
        if (!current.isFile()) {
            return null;
        }
        ObjectRecord record = sidecar.find(bucket.name(), key.value()).orElse(null);
        return etags.forRead(bucket.name(), key.value(), target.opened(), current, record);
    }

    private PutResult putFolderMarker(Bucket bucket, ObjectKey key, PutRequest request) {
        try {
            BodyDigests digests;
            try (FileChannel sink = FileChannel.open(Path.of("/dev/null"), StandardOpenOption.WRITE)) {
                digests = DigestingCopier.copy(request.body(), sink, request.compute());
            }
            if (digests.length() > 0) {
                throw new StoreException(StoreException.Reason.FOLDER_WITH_BODY, "The key '" + key.value()
                        + "' ends in '/', so it names a folder, which cannot hold " + digests.length()
                        + " bytes; send an empty body or a key without the trailing '/'.");
            }
            request.verifier().verify(digests);
            FileState state;
            try (ResolvedPath target = ResolvedPath.of(bucket, key)) {
                folders.createParents(bucket, key, target);
                try {
                    Files.createDirectory(target.entry());
                    StagingArea.fsync(target.parent());
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (!target.state().isFolder()) {
                        throw Folders.conflict(key, key.value().substring(0, key.value().length() - 1) + "' is a file");
                    }
                }
                sidecar.forgetImplicitFolder(bucket.name(), key.value());
                state = target.state();
            }
            sidecar.put(new ObjectRecord(bucket.name(), key.value(), null, digests.etag(), request.metadata(),
                    keptChecksum(request.kept(), digests)));
            return new PutResult(digests.etag(), digests, state.lastModified());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder for " + key.value(), e);
        }
    }

    static StoredChecksum keptChecksum(ChecksumAlgorithm kept, BodyDigests digests) {
        if (kept == null || !digests.checksums().containsKey(kept)) {
            return null;
        }
        return new StoredChecksum(kept.wireName(), digests.checksums().get(kept));
    }
}

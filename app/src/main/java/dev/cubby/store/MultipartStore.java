package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.ChecksumType;
import dev.cubby.checksum.RunningChecksum;
import dev.cubby.meta.MultipartState;
import dev.cubby.meta.MultipartUpload;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.StoredChecksum;
import dev.cubby.meta.UploadedPart;
import dev.cubby.store.space.SpaceLimits;
import dev.cubby.store.space.SpaceReservation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Multipart uploads. Parts stage in {@code .cubby/uploads/<id>/} on the bucket's filesystem, each
 * in a file of its own (a re-sent part gets a new file), and are recorded in the sidecar, so
 * uploads survive restarts and parts of one upload never wait on each other. Completion copies
 * the named parts channel to channel into one temporary file and publishes it like a PUT.
 */
public final class MultipartStore {
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final int MAX_PARTS = 10_000;

    private final Buckets buckets;
    private final MultipartState uploads;
    private final Sidecar sidecar;
    private final ObjectWriter writer;
    private final SpaceLimits space;

    MultipartStore(Buckets buckets, Sidecar sidecar, ObjectWriter writer, SpaceLimits space) {
        this.buckets = buckets;
        this.uploads = sidecar.multipart();
        this.sidecar = sidecar;
        this.writer = writer;
        this.space = space;
    }

    /** @param tags given to the object at completion (S3 validates them before) */
    public MultipartUpload create(String bucketName, String keyValue, ObjectMetadata metadata,
                                  ChecksumAlgorithm algorithm, ChecksumType checksumType, Map<String, String> tags) {
        Located located = buckets.locate(bucketName, keyValue);
        Bucket bucket = located.bucket();
        ObjectKey key = located.key();
        located.path(); // refused early when a symlink leads the key out of its bucket
        Folders.requireNoFileOnPath(bucket, key);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var upload = new MultipartUpload(StagingArea.newUploadId(now), bucket.name(), key.value(), now, metadata,
                algorithm == null ? null : algorithm.wireName(), checksumType, new java.util.TreeMap<>(tags));
        try {
            StagingArea.openUpload(bucket, upload.uploadId(), true).close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the staging folder for an upload", e);
        }
        uploads.createUpload(upload);
        return upload;
    }

    /** The upload, which must belong to this bucket and key. */
    public MultipartUpload upload(String bucketName, String keyValue, String uploadId) {
        return uploads.findUpload(uploadId)
                .filter(u -> u.bucket().equals(bucketName) && u.key().equals(keyValue))
                .orElseThrow(() -> new StoreException(StoreException.Reason.NO_SUCH_UPLOAD, "The upload '" + uploadId
                        + "' does not exist for " + bucketName + "/" + keyValue
                        + ": it may have been completed, aborted, or swept as stale."));
    }

    public UploadedPart uploadPart(PartRequest request) {
        MultipartUpload upload = upload(request.bucket(), request.key(), request.uploadId());
        Bucket bucket = buckets.require(upload.bucket());
        String fileName = StagingArea.newPartName(request.partNumber());
        Path temp = null;
        try (SpaceReservation room = space.forPart(bucket, request.declaredSize());
             OpenFolder folder = StagingArea.openUpload(bucket, upload.uploadId(), false)) {
            temp = folder.entry(StagingArea.whileArriving(fileName));
            BodyDigests digests;
            try {
                digests = DigestingCopier.stage(room.meter(request.body()), temp, request.compute(),
                        request.verifier());
                Files.move(temp, folder.entry(fileName), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                // while the folder is still open: its descriptor is what the name goes through
                StagingArea.removeQuietly(temp);
            }
            var part = new UploadedPart(upload.uploadId(), request.partNumber(), digests.length(), digests.etag(),
                    request.kept() == null ? null : digests.checksums().get(request.kept()), fileName,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS));
            // An abort or completion may have removed the upload meanwhile; then this part is moot.
            // Of two sends of one part number, the one to finish last is the part.
            if (!uploads.putPart(part)) {
                throw new StoreException(StoreException.Reason.NO_SUCH_UPLOAD, "The upload '" + upload.uploadId()
                        + "' was completed or aborted while this part arrived.");
            }
            // A re-sent part's earlier file stays until completion or abort, so both count.
            room.commit(digests.length());
            return part;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StoreException(StoreException.Reason.NO_SUCH_UPLOAD, "The upload '" + upload.uploadId()
                    + "' was completed or aborted while this part arrived.");
        } catch (IOException e) {
            throw space.failure(bucket, "cannot store part " + request.partNumber(), e);
        }
    }

    public List<UploadedPart> parts(String bucketName, String keyValue, String uploadId) {
        return uploads.listParts(upload(bucketName, keyValue, uploadId).uploadId());
    }

    /**
     * The parts an object was assembled from, in part-number order, with their sizes and
     * checksums; empty when it was not completed from an upload or its parts are not known.
     */
    public List<UploadedPart> partsOf(StoredObject object) {
        if (object.uploadId() == null) {
            return List.of();
        }
        List<UploadedPart> parts = uploads.listParts(object.uploadId());
        long size = parts.stream().mapToLong(UploadedPart::size).sum();
        Integer count = object.partsCount();
        // Parts that do not add up to the object describe other bytes (a crash lost a row): none known.
        return count != null && count == parts.size() && size == object.size() ? parts : List.of();
    }

    public List<MultipartUpload> uploads(String bucketName) {
        return uploads.listUploads(buckets.require(bucketName).name());
    }

    public void abort(String bucketName, String keyValue, String uploadId) {
        MultipartUpload upload = upload(bucketName, keyValue, uploadId);
        discard(upload);
    }

    /**
     * Assembles the named parts into the object. Validation follows S3: ascending part numbers,
     * matching ETags, every part but the last at least 5 MiB. A failed completion leaves the
     * upload as it was, so the client may retry.
     *
     * @param finalCheck sees the object's checksum value (null when none is kept) before it is published
     */
    public CompleteResult complete(String bucketName, String keyValue, String uploadId, List<CompletedPart> requested,
                                   WriteCondition condition, Consumer<StoredChecksum> finalCheck) {
        MultipartUpload upload = upload(bucketName, keyValue, uploadId);
        Located located = buckets.locate(upload.bucket(), upload.key());
        Bucket bucket = located.bucket();
        ObjectKey key = located.key();
        List<UploadedPart> parts = select(upload, requested);
        ChecksumAlgorithm algorithm = upload.checksumAlgorithm() == null ? ChecksumAlgorithm.CRC64NVME
                : ChecksumAlgorithm.fromWireName(upload.checksumAlgorithm()).orElseThrow();
        boolean fullObject = upload.checksumAlgorithm() == null || upload.checksumType() == ChecksumType.FULL_OBJECT;
        long size = parts.stream().mapToLong(UploadedPart::size).sum();
        Path temp = null;
        try (SpaceReservation room = space.forAssembly(bucket, size);
             OpenFolder folder = StagingArea.openUpload(bucket, upload.uploadId(), false)) {
            temp = StagingArea.newTemporary(bucket);
            String checksumValue;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                RunningChecksum running = fullObject ? algorithm.start() : null;
                for (UploadedPart part : parts) {
                    append(folder.entry(part.fileName()), out, running);
                }
                out.force(true);
                checksumValue = fullObject ? Base64.getEncoder().encodeToString(running.finish())
                        : MultipartChecksums.composite(algorithm, parts);
            }
            StoredChecksum checksum = checksumValue == null ? null : new StoredChecksum(algorithm.wireName(), checksumValue);
            finalCheck.accept(checksum);
            String etag = MultipartChecksums.etag(parts);
            Instant modified = writer.publish(bucket, key, temp,
                    new ObjectWriter.Version(etag, upload.metadata(), checksum, upload.uploadId()), condition, room);
            if (!upload.tags().isEmpty()) {
                sidecar.tags().replace(bucket.name(), key.value(), upload.tags());
            }
            // The parts assembled stay in the sidecar with the object (part reads, GetObjectAttributes).
            uploads.completeUpload(upload.uploadId(), parts.stream().map(UploadedPart::partNumber).toList());
            space.changed(bucket, -StagingArea.removeUpload(bucket, upload.uploadId()));
            return new CompleteResult(etag, checksum, modified);
        } catch (IOException e) {
            throw space.failure(bucket, "cannot assemble upload " + upload.uploadId(), e);
        } catch (UncheckedIOException e) {
            throw space.failure(bucket, e);
        } finally {
            if (temp != null) {
                StagingArea.removeQuietly(temp);
            }
        }
    }

    private List<UploadedPart> select(MultipartUpload upload, List<CompletedPart> requested) {
        if (requested.isEmpty()) {
            throw new StoreException(StoreException.Reason.INVALID_PART,
                    "CompleteMultipartUpload must name at least one part.");
        }
        Map<Integer, UploadedPart> received = uploads.listParts(upload.uploadId()).stream()
                .collect(Collectors.toMap(UploadedPart::partNumber, p -> p));
        var selected = new ArrayList<UploadedPart>(requested.size());
        int previous = 0;
        for (CompletedPart wanted : lastOfEachNumber(requested)) {
            if (wanted.partNumber() <= previous) {
                throw new StoreException(StoreException.Reason.INVALID_PART_ORDER, "Part " + wanted.partNumber()
                        + " follows part " + previous + ": list parts in ascending order, each once.");
            }
            previous = wanted.partNumber();
            UploadedPart part = received.get(wanted.partNumber());
            if (part == null || !part.etag().equalsIgnoreCase(wanted.etag())) {
                throw new StoreException(StoreException.Reason.INVALID_PART, "Part " + wanted.partNumber()
                        + (part == null ? " was never uploaded." : " has ETag \"" + part.etag() + "\", not \""
                        + wanted.etag() + "\"."));
            }
            selected.add(part);
        }
        for (int i = 0; i < selected.size() - 1; i++) {
            if (selected.get(i).size() < MIN_PART_SIZE) {
                throw new StoreException(StoreException.Reason.ENTITY_TOO_SMALL, "Part " + selected.get(i).partNumber()
                        + " is " + selected.get(i).size() + " bytes; every part but the last must be at least 5 MiB.");
            }
        }
        return selected;
    }

    /**
     * A part number named twice in a row counts once, by its last entry, as in S3: a client that
     * sent a part again while the first send was in flight may list both answers, and the last
     * to finish is the part ({@link #uploadPart}).
     */
    private static List<CompletedPart> lastOfEachNumber(List<CompletedPart> requested) {
        var kept = new ArrayList<CompletedPart>(requested.size());
        for (CompletedPart part : requested) {
            if (!kept.isEmpty() && kept.getLast().partNumber() == part.partNumber()) {
                kept.removeLast();
            }
            kept.add(part);
        }
        return kept;
    }

    /** Channel to channel; through a buffer only when a full-object checksum must see the bytes. */
    private static void append(Path part, FileChannel out, RunningChecksum running) throws IOException {
        try (FileChannel in = FileChannel.open(part, StandardOpenOption.READ, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            long size = in.size();
            if (running == null) {
                for (long done = 0, n; done < size; done += n) {
                    n = in.transferTo(done, size - done, out);
                    if (n <= 0) {
                        throw new IOException("the part file " + part.getFileName() + " shrank from " + size + " to " + in.size()
                                + " bytes while it was being joined; something outside Cubby changed it");
                    }
                }
                return;
            }
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            while (in.read(buffer.clear()) > 0) {
                buffer.flip();
                running.update(buffer.array(), 0, buffer.limit());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
        }
    }

    /** Removes stale uploads: those initiated before the cutoff. Returns how many went. */
    public int sweepInitiatedBefore(Instant cutoff) {
        int removed = 0;
        for (MultipartUpload upload : uploads.uploadsInitiatedBefore(cutoff)) {
            discard(upload);
            removed++;
        }
        return removed;
    }

    /** A deleted bucket's unfinished uploads go with it: rows and staged parts (its count goes too). */
    void discardAll(Bucket deleted) {
        for (MultipartUpload upload : uploads.listUploads(deleted.name())) {
            uploads.deleteUpload(upload.uploadId());
            StagingArea.removeUpload(deleted, upload.uploadId());
        }
    }

    /**
     * Removes upload folders that have no upload: left by a crash during CreateMultipartUpload
     * (folder made, row not yet) or a completion or abort (row gone, folder not yet). Only uploads
     * initiated before {@code initiatedBefore} (their ID says when), so a folder whose row is
     * being written right now stays. Returns how many went.
     */
    public int sweepFoldersWithoutUpload(Instant initiatedBefore) {
        // Buckets on one filesystem share one uploads folder: each is swept once, through any of them.
        var bucketsByRoot = StagingArea.uploadFolders(buckets);
        int removed = 0;
        for (var entry : bucketsByRoot.entrySet()) {
            Path root = entry.getKey();
            if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try (var folders = Files.newDirectoryStream(root)) {
                for (Path folder : folders) {
                    String id = folder.getFileName().toString();
                    if (StagingArea.isUploadId(id) && StagingArea.initiatedAt(id).isBefore(initiatedBefore)
                            && uploads.findUpload(id).isEmpty()) {
                        StagingArea.removeUpload(entry.getValue(), id); // opened without following links
                        removed++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot sweep the upload folders in " + root, e);
            }
        }
        return removed;
    }

    /** The upload's row and staged parts go; the bytes they held no longer count against the quota. */
    private void discard(MultipartUpload upload) {
        uploads.deleteUpload(upload.uploadId());
        buckets.find(upload.bucket()).ifPresent(bucket ->
                space.changed(bucket, -StagingArea.removeUpload(bucket, upload.uploadId())));
    }

    /** What a completed upload produced. */
    public record CompleteResult(String etag, StoredChecksum checksum, Instant lastModified) {
    }

}

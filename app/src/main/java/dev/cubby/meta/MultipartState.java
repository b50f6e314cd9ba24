package dev.cubby.meta;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The sidecar's record of multipart uploads in progress, so they survive a restart. */
public interface MultipartState {

    void createUpload(MultipartUpload upload);

    Optional<MultipartUpload> findUpload(String uploadId);

    /** Uploads of a bucket in S3's listing order: key, then initiation time, then ID. */
    List<MultipartUpload> listUploads(String bucket);

    List<MultipartUpload> uploadsInitiatedBefore(Instant cutoff);

    /** Uploads begun and neither completed nor aborted, in every bucket; for metrics. */
    long openUploadCount();

    /**
     * Inserts or replaces the row for the part's number, only while the upload is open (checked in
     * the same write): false when it was completed or aborted meanwhile, so a late part never
     * lands among the parts of a completed object.
     */
    boolean putPart(UploadedPart part);

    /**
     * Parts in ascending part-number order: of an open upload, or of a completed one while an
     * object row names it (see {@link ObjectRecord#uploadId}).
     */
    List<UploadedPart> listParts(String uploadId);

    /**
     * Closes a completed upload: its row goes, and of its parts only those the object was
     * assembled from stay, as long as an object row names the upload (none if none does).
     */
    void completeUpload(String uploadId, java.util.Collection<Integer> assembledPartNumbers);

    /** Forgets the upload and its parts. */
    void deleteUpload(String uploadId);
}

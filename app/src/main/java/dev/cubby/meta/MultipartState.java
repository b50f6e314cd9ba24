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

    /** Inserts or replaces the row for the part's number. */
    void putPart(UploadedPart part);

    /** Parts in ascending part-number order. */
    List<UploadedPart> listParts(String uploadId);

    /** Forgets the upload and its parts. */
    void deleteUpload(String uploadId);
}

package dev.cubby.meta;

/**
 * The sidecar's row for one object: the ETag known for the file version named by its
 * fingerprint, descriptive metadata, an optional additional checksum (null when none), and the
 * multipart upload the object was completed from (null for any other write), whose parts
 * {@link MultipartState#listParts} still gives.
 */
public record ObjectRecord(String bucket, String key, Fingerprint fingerprint, String etag,
                           ObjectMetadata metadata, StoredChecksum checksum, String uploadId) {

    /** A row of an object not completed from a multipart upload. */
    public ObjectRecord(String bucket, String key, Fingerprint fingerprint, String etag, ObjectMetadata metadata,
                        StoredChecksum checksum) {
        this(bucket, key, fingerprint, etag, metadata, checksum, null);
    }

    /** True when this row's ETag describes the file whose fingerprint is given. */
    public boolean describes(Fingerprint current) {
        return fingerprint != null && fingerprint.equals(current);
    }

    /**
     * This row's descriptive metadata if it belongs to the file whose fingerprint is given, else
     * none. It belongs when the row names no file version (metadata set for whatever file stands
     * there, its ETag worked out later) or names this file's bytes (a chmod or rename moves only
     * the ctime). A file that replaced the row's, outside Cubby or by a write a crash cut before
     * its row, is another object and never inherits this one's Content-Type or user metadata.
     */
    public ObjectMetadata metadataFor(Fingerprint current) {
        return metadataBelongsTo(current) ? metadata : ObjectMetadata.NONE;
    }

    /** Whether {@link #metadataFor} gives this row's metadata for the file given. */
    public boolean metadataBelongsTo(Fingerprint current) {
        return fingerprint == null || fingerprint.sameBytesAs(current);
    }

    public ObjectRecord withVersion(Fingerprint newFingerprint, String newEtag, StoredChecksum newChecksum) {
        return new ObjectRecord(bucket, key, newFingerprint, newEtag, metadata, newChecksum, uploadId);
    }
}

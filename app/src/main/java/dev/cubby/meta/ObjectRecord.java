package dev.cubby.meta;

/**
 * The sidecar's row for one object: the ETag known for the file version named by its
 * fingerprint, descriptive metadata, and an optional additional checksum (null when none).
 */
public record ObjectRecord(String bucket, String key, Fingerprint fingerprint, String etag,
                           ObjectMetadata metadata, StoredChecksum checksum) {

    /** True when this row's ETag describes the file whose fingerprint is given. */
    public boolean describes(Fingerprint current) {
        return fingerprint != null && fingerprint.equals(current);
    }

    public ObjectRecord withVersion(Fingerprint newFingerprint, String newEtag, StoredChecksum newChecksum) {
        return new ObjectRecord(bucket, key, newFingerprint, newEtag, metadata, newChecksum);
    }
}

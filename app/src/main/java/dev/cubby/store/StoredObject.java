package dev.cubby.store;

import dev.cubby.meta.Fingerprint;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.StoredChecksum;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An object as a reader sees it: where it lives, its size and time, a correct ETag (the MD5, or
 * a fingerprint placeholder while the MD5 is not known), metadata and checksum (null if none).
 * Folder markers have no fingerprint. {@code uploadId} names the multipart upload these bytes were
 * completed from (null for any other object), whose parts {@link MultipartStore#partsOf} gives.
 */
public record StoredObject(String bucket, String key, Path path, Fingerprint fingerprint, long size,
                           Instant lastModified, String etag, ObjectMetadata metadata, StoredChecksum checksum,
                           boolean folderMarker, String uploadId) {

    /**
     * How many parts the object was assembled from, or null when it was not assembled from parts
     * (a single PUT or copy, a folder marker, or a file whose ETag is still its fingerprint
     * placeholder, which is also in {@code -1} form). Read from the {@code -N} of the multipart
     * ETag, which also counts the parts of objects whose part sizes are not known (completed
     * before Cubby kept them).
     */
    public Integer partsCount() {
        if (folderMarker || fingerprint == null || etag.equals(fingerprint.placeholderEtag())) {
            return null;
        }
        return MultipartChecksums.partsCount(etag);
    }
}

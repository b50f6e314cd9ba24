package dev.cubby.store;

import dev.cubby.meta.Fingerprint;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.StoredChecksum;
import java.nio.file.Path;
import java.time.Instant;

/**
 * An object as a reader sees it: where it lives, its size and time, a correct ETag (the MD5, or
 * a fingerprint placeholder while the MD5 is not known), metadata and checksum (null if none).
 * Folder markers have no fingerprint.
 */
public record StoredObject(String bucket, String key, Path path, Fingerprint fingerprint, long size,
                           Instant lastModified, String etag, ObjectMetadata metadata, StoredChecksum checksum,
                           boolean folderMarker) {
}

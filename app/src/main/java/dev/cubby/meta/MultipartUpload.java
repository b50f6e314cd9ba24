package dev.cubby.meta;

import dev.cubby.checksum.ChecksumType;
import java.time.Instant;

/**
 * An unfinished multipart upload: where it will land, the metadata and tags given at its
 * creation, and the checksum it was declared with ({@code checksumAlgorithm} null when none;
 * {@code checksumType} null with it).
 */
public record MultipartUpload(String uploadId, String bucket, String key, Instant initiated, ObjectMetadata metadata,
                              String checksumAlgorithm, ChecksumType checksumType,
                              java.util.SortedMap<String, String> tags) {
}

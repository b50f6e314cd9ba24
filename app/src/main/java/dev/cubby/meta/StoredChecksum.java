package dev.cubby.meta;

import dev.cubby.checksum.ChecksumType;

/**
 * An additional checksum S3 keeps with an object: the algorithm's wire name (e.g. {@code CRC32C})
 * and the value as S3 sends it (base64, with {@code -N} for composite multipart checksums).
 */
public record StoredChecksum(String algorithm, String value) {

    /**
     * S3's {@code ChecksumType}: {@code COMPOSITE} for a checksum of the parts' checksums (its
     * value ends in {@code -N}), {@code FULL_OBJECT} for a checksum of the bytes themselves.
     */
    public ChecksumType type() {
        return ChecksumType.ofValue(value);
    }
}

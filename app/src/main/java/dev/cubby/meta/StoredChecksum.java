package dev.cubby.meta;

/**
 * An additional checksum S3 keeps with an object: the algorithm's wire name (e.g. {@code CRC32C})
 * and the value as S3 sends it (base64, with {@code -N} for composite multipart checksums).
 */
public record StoredChecksum(String algorithm, String value) {
}

package dev.cubby.checksum;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The additional checksum algorithms S3 supports for object integrity, with the names they go by
 * on the wire.
 *
 * <p>A client announces the algorithm by its {@linkplain #wireName() wire name} in
 * {@code x-amz-checksum-algorithm} or {@code x-amz-sdk-checksum-algorithm} and sends the value in
 * the algorithm's {@linkplain #headerName() header} (or trailer) as the base64 of the
 * big-endian result bytes.
 */
public enum ChecksumAlgorithm {
    CRC32("CRC32", 4),
    CRC32C("CRC32C", 4),
    CRC64NVME("CRC64NVME", 8),
    SHA1("SHA1", 20),
    SHA256("SHA256", 32);

    private final String wireName;
    private final String headerName;
    private final int byteLength;

    ChecksumAlgorithm(String wireName, int byteLength) {
        this.wireName = wireName;
        this.headerName = "x-amz-checksum-" + wireName.toLowerCase(Locale.ROOT);
        this.byteLength = byteLength;
    }

    /** The lower-case header (or trailer) carrying this checksum, e.g. {@code x-amz-checksum-crc32c}. */
    public String headerName() {
        return headerName;
    }

    /** The name used in {@code x-amz-checksum-algorithm}, e.g. {@code CRC32C}. */
    public String wireName() {
        return wireName;
    }

    /** The number of bytes in a result, so a client's base64 value can be checked for size. */
    public int byteLength() {
        return byteLength;
    }

    /** The algorithm named by an {@code x-amz-checksum-algorithm} value, ignoring case. */
    public static Optional<ChecksumAlgorithm> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.wireName.equalsIgnoreCase(trimmed)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** The algorithm whose value travels in header or trailer {@code name}, ignoring case. */
    public static Optional<ChecksumAlgorithm> fromHeaderName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String trimmed = name.trim();
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.headerName.equalsIgnoreCase(trimmed)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /** A fresh computation of this checksum. */
    public RunningChecksum start() {
        return switch (this) {
            case CRC32 -> new Crc32RunningChecksum(new CRC32());
            case CRC32C -> new Crc32RunningChecksum(new CRC32C());
            case CRC64NVME -> new Crc64Nvme();
            case SHA1 -> new DigestRunningChecksum(digest("SHA-1"));
            case SHA256 -> new DigestRunningChecksum(digest("SHA-256"));
        };
    }

    private static MessageDigest digest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-1 and SHA-256.
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }
}

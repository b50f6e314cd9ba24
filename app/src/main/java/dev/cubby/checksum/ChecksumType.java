package dev.cubby.checksum;

import java.util.Locale;
import java.util.Optional;

/**
 * S3's {@code ChecksumType}: whether an object's checksum is of its bytes ({@link #FULL_OBJECT})
 * or of its parts' checksums ({@link #COMPOSITE}, written with a {@code -N} suffix). The constant
 * names are the wire names.
 */
public enum ChecksumType {
    COMPOSITE, FULL_OBJECT;

    /** The type a stored or sent checksum value has: composite ones end in {@code -N}. */
    public static ChecksumType ofValue(String value) {
        return value.contains("-") ? COMPOSITE : FULL_OBJECT;
    }

    /** The type an {@code x-amz-checksum-type} value names, ignoring case and surrounding space. */
    public static Optional<ChecksumType> fromWireName(String name) {
        String wire = name.trim().toUpperCase(Locale.ROOT);
        for (ChecksumType type : values()) {
            if (type.name().equals(wire)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The type a multipart upload gets when its creation names only the algorithm. */
    public static ChecksumType defaultFor(ChecksumAlgorithm algorithm) {
        return algorithm == ChecksumAlgorithm.CRC64NVME ? FULL_OBJECT : COMPOSITE;
    }
}

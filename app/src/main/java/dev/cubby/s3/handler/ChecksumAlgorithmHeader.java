package dev.cubby.s3.handler;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * The one reading of a header that names a checksum algorithm ({@code x-amz-checksum-algorithm},
 * {@code x-amz-sdk-checksum-algorithm}): absent is none, an unknown name is InvalidArgument.
 */
final class ChecksumAlgorithmHeader {
    private ChecksumAlgorithmHeader() {
    }

    /** The algorithm {@code value} names, or null when the header is absent ({@code null}). */
    static ChecksumAlgorithm parse(String value) {
        if (value == null) {
            return null;
        }
        String wire = value.trim();
        return ChecksumAlgorithm.fromWireName(wire).orElseThrow(() -> S3Exception.of(S3ErrorCode.INVALID_ARGUMENT,
                "Unknown checksum algorithm '" + wire + "'; use CRC32, CRC32C, CRC64NVME, SHA1 or SHA256."));
    }
}

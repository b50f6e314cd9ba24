package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import org.junit.jupiter.api.Test;

class ChecksumAlgorithmHeaderTest {
    @Test
    void anAbsentHeaderNamesNoAlgorithm() {
        assertNull(ChecksumAlgorithmHeader.parse(null));
    }

    @Test
    void readsTheNameIgnoringCaseAndSpace() {
        assertEquals(ChecksumAlgorithm.CRC32C, ChecksumAlgorithmHeader.parse(" crc32c "));
        assertEquals(ChecksumAlgorithm.SHA256, ChecksumAlgorithmHeader.parse("SHA256"));
    }

    @Test
    void anUnknownNameIsInvalidArgumentListingTheKnownOnes() {
        S3Exception e = assertThrows(S3Exception.class, () -> ChecksumAlgorithmHeader.parse(" md5 "));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("Unknown checksum algorithm 'md5'; use CRC32, CRC32C, CRC64NVME, SHA1 or SHA256.", e.getMessage());
    }
}

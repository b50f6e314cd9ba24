package dev.cubby.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChecksumTypeTest {
    @Test
    void aCompositeValueEndsInItsPartCount() {
        assertEquals(ChecksumType.COMPOSITE, ChecksumType.ofValue("AAAAAA==-3"));
        assertEquals(ChecksumType.FULL_OBJECT, ChecksumType.ofValue("AAAAAA=="));
    }

    @Test
    void readsTheWireNameIgnoringCaseAndSpace() {
        assertEquals(Optional.of(ChecksumType.FULL_OBJECT), ChecksumType.fromWireName(" full_object "));
        assertEquals(Optional.of(ChecksumType.COMPOSITE), ChecksumType.fromWireName("COMPOSITE"));
        assertTrue(ChecksumType.fromWireName("FULL-OBJECT").isEmpty());
        assertTrue(ChecksumType.fromWireName("").isEmpty());
    }

    @Test
    void onlyCrc64NvmeDefaultsToFullObject() {
        for (ChecksumAlgorithm algorithm : ChecksumAlgorithm.values()) {
            assertEquals(algorithm == ChecksumAlgorithm.CRC64NVME ? ChecksumType.FULL_OBJECT : ChecksumType.COMPOSITE,
                    ChecksumType.defaultFor(algorithm), algorithm.wireName());
        }
    }
}

package dev.cubby.checksum;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class DigestsTest {
    @Test
    void theEmptyEtagIsTheMd5OfNoBytes() {
        assertEquals(Digests.EMPTY_MD5_HEX, Digests.hex(Digests.md5().digest()));
    }

    @Test
    void md5IsWrittenAsLowerCaseHex() {
        // RFC 1321, appendix A.5
        assertEquals("900150983cd24fb0d6963f7d28e17f72",
                Digests.hex(Digests.md5().digest("abc".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test
    void sha256HexMatchesTheKnownValues() {
        // FIPS 180-2, appendix B.1, and the hash of nothing SigV4 signs for an empty payload
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Digests.sha256Hex("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Digests.sha256Hex(new byte[0]));
    }

    @Test
    void hexSoFarLeavesTheRunningDigestToTakeMore() {
        MessageDigest running = Digests.md5();
        running.update("ab".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Digests.hex(Digests.md5().digest("ab".getBytes(StandardCharsets.US_ASCII))), Digests.hexSoFar(running));
        running.update((byte) 'c');
        assertEquals("900150983cd24fb0d6963f7d28e17f72", Digests.hex(running.digest()));
    }

    @Test
    void eachCallGivesAFreshDigest() {
        MessageDigest first = Digests.md5();
        first.update((byte) 'x');
        assertEquals(Digests.EMPTY_MD5_HEX, Digests.hex(Digests.md5().digest()));
    }
}

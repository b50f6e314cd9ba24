package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    @Test
    void everySingleRangeForm() {
        assertEquals(Optional.of(new ByteRange(0, 9)), ByteRange.parse("bytes=0-9", 100));
        assertEquals(Optional.of(new ByteRange(10, 99)), ByteRange.parse("bytes=10-", 100));
        assertEquals(Optional.of(new ByteRange(95, 99)), ByteRange.parse("bytes=-5", 100));
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=-500", 100));
        assertEquals(Optional.of(new ByteRange(90, 99)), ByteRange.parse("bytes=90-1000", 100));
        assertEquals("bytes 90-99/100", new ByteRange(90, 99).contentRange(100));
    }

    @Test
    void unsatisfiableIs416AndMalformedIsIgnored() {
        assertEquals(416, assertThrows(S3Exception.class, () -> ByteRange.parse("bytes=100-", 100)).code().httpStatus());
        assertEquals(416, assertThrows(S3Exception.class, () -> ByteRange.parse("bytes=-0", 100)).code().httpStatus());
        assertTrue(ByteRange.parse("bytes=5-1", 100).isEmpty());
        assertTrue(ByteRange.parse("bytes=0-1,5-6", 100).isEmpty());
        assertTrue(ByteRange.parse("items=0-1", 100).isEmpty());
        assertTrue(ByteRange.parse(null, 100).isEmpty());
    }
}

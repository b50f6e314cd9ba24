package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WholeNumberParameterTest {
    @Test
    void anAbsentOrEmptyCountTakesTheFallback() {
        assertEquals(1000, WholeNumberParameter.nonNegative(null, 1000, "max-keys"));
        assertEquals(1000, WholeNumberParameter.nonNegative("", 1000, "max-keys"));
    }

    @Test
    void readsACountFromZeroToIntMax() {
        assertEquals(0, WholeNumberParameter.nonNegative("0", 1000, "max-parts"));
        assertEquals(7, WholeNumberParameter.nonNegative(" 7 ", 1000, "max-parts"));
        assertEquals(Integer.MAX_VALUE, WholeNumberParameter.nonNegative("2147483647", 1000, "max-parts"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "2147483648", "1.0", "ten", " "})
    void refusesAnythingElseNamingTheParameter(String value) {
        S3Exception e = assertThrows(S3Exception.class, () -> WholeNumberParameter.nonNegative(value, 0, "max-uploads"));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("max-uploads must be a whole number from 0 to 2147483647.", e.getMessage());
    }

    @Test
    void aPartNumberRunsFromOneToTenThousand() {
        assertEquals(1, WholeNumberParameter.partNumber("1"));
        assertEquals(10000, WholeNumberParameter.partNumber(" 10000 "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "10001", "", "-3", "x"})
    void refusesAPartNumberOutsideThatRange(String value) {
        S3Exception e = assertThrows(S3Exception.class, () -> WholeNumberParameter.partNumber(value));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("Part number must be an integer between 1 and 10000, inclusive.", e.getMessage());
    }

    @Test
    void anAbsentPartNumberIsRefused() {
        assertThrows(S3Exception.class, () -> WholeNumberParameter.partNumber(null));
    }
}

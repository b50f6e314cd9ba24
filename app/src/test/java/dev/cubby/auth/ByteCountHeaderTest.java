package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteCountHeaderTest {
    @ParameterizedTest
    @CsvSource({"0, 0", "' 42 ', 42", "9223372036854775807, 9223372036854775807"})
    void readsANonNegativeCount(String value, long expected) {
        assertEquals(expected, ByteCountHeader.parse("Content-Length", value));
        assertEquals(expected, ByteCountHeader.decodedContentLength(value));
    }

    @Test
    void anAbsentDecodedLengthIsUnknown() {
        assertEquals(-1, ByteCountHeader.decodedContentLength(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.5", "ten", "9223372036854775808"})
    void refusesAnythingElseNamingTheHeader(String value) {
        S3Exception e = assertThrows(S3Exception.class, () -> ByteCountHeader.decodedContentLength(value));
        assertEquals(S3ErrorCode.INVALID_ARGUMENT, e.code());
        assertEquals("x-amz-decoded-content-length must be a non-negative byte count, but was \"" + value.trim()
                + "\".", e.getMessage());
    }
}

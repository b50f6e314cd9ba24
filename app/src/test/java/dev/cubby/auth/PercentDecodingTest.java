package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PercentDecodingTest {
    @Test
    void decodesEscapesToUtf8InBothStrictnesses() {
        assertEquals(Optional.of("a b/é"), PercentDecoding.strictUtf8("a%20b%2F%C3%a9", false));
        assertEquals("a b/é", PercentDecoding.lenientToString("a%20b%2F%C3%a9", false));
    }

    @Test
    void plusIsASpaceOnlyWhereAsked() {
        assertEquals(Optional.of("a+b"), PercentDecoding.strictUtf8("a+b", false));
        assertEquals(Optional.of("a b+"), PercentDecoding.strictUtf8("a+b%2B", true));
        assertEquals("a+b", PercentDecoding.lenientToString("a+b", false));
        assertEquals("a b", PercentDecoding.lenientToString("a+b", true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "a%2", "%G0", "100%", "%zz"})
    void aMalformedEscapeIsLiteralWhenLenientAndInvalidWhenStrict(String raw) {
        assertArrayEquals(raw.getBytes(StandardCharsets.UTF_8), PercentDecoding.lenient(raw, false));
        assertTrue(PercentDecoding.strictUtf8(raw, false).isEmpty(), raw);
    }

    @Test
    void strictRefusesBytesThatAreNotUtf8() {
        assertTrue(PercentDecoding.strictUtf8("%C3", false).isEmpty());
        assertTrue(PercentDecoding.strictUtf8("%FF%FE", true).isEmpty());
        assertArrayEquals(new byte[] {(byte) 0xff}, PercentDecoding.lenient("%FF", false));
    }
}

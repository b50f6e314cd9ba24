package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RequestFramingTest {
    @Test
    void headerNamesAreTokens() {
        assertTrue(RequestFraming.isToken("x-amz-meta-a_b.c"));
        assertFalse(RequestFraming.isToken("transfer-encoding "));
        assertFalse(RequestFraming.isToken("a:b"));
        assertFalse(RequestFraming.isToken(""));
        assertFalse(RequestFraming.isToken("grüße"));
    }

    @Test
    void aBodyIsFramedOneWayOnly() {
        assertNull(RequestFraming.problem(List.of("Host", "Content-Length")));
        assertNull(RequestFraming.problem(List.of("Host", "Transfer-Encoding")));
        assertEquals("InvalidRequest",
                RequestFraming.problem(List.of("Content-Length", "transfer-encoding")).code().wireCode());
        assertEquals("InvalidRequest", RequestFraming.problem(List.of("Transfer-Encoding ")).code().wireCode());
    }
}

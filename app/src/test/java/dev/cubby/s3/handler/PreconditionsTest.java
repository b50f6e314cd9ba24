package dev.cubby.s3.handler;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.error.S3Exception;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {
    static final Instant MODIFIED = Instant.parse("2024-05-01T12:00:00.500Z");
    static final String BEFORE = "Wed, 01 May 2024 11:00:00 GMT";
    static final String AT = "Wed, 01 May 2024 12:00:00 GMT";

    private static String outcome(String ifMatch, String ifNoneMatch, String ifUnmodifiedSince, String ifModifiedSince) {
        try {
            Preconditions.check(ifMatch, ifNoneMatch, ifUnmodifiedSince, ifModifiedSince, "abc", MODIFIED, true);
            return "200";
        } catch (S3Exception e) {
            return String.valueOf(e.code().httpStatus());
        }
    }

    @Test
    void s3sDocumentedCombinations() {
        assertEquals("412", outcome("\"other\"", null, null, null));
        assertEquals("200", outcome("\"abc\"", null, BEFORE, null), "If-Match true wins over If-Unmodified-Since false");
        assertEquals("412", outcome(null, null, BEFORE, null));
        assertEquals("200", outcome(null, null, AT, null), "second precision: not modified after 12:00:00");
        assertEquals("304", outcome(null, "\"abc\"", null, null));
        assertEquals("304", outcome(null, "\"abc\"", null, BEFORE), "If-None-Match false means 304 regardless");
        assertEquals("200", outcome(null, "\"other\"", null, AT), "If-None-Match true overrides If-Modified-Since");
        assertEquals("304", outcome(null, null, null, AT));
        assertEquals("200", outcome(null, null, null, BEFORE));
        assertEquals("200", outcome("*", "W/\"x\", \"y\"", null, null));
        assertEquals("200", outcome(null, null, "not a date", "not a date"));
    }

    @Test
    void writesTurnNotModifiedIntoPreconditionFailed() {
        var e = assertThrows(S3Exception.class,
                () -> Preconditions.check(null, "*", null, null, "abc", MODIFIED, false));
        assertEquals(412, e.code().httpStatus());
        assertDoesNotThrow(() -> Preconditions.check(null, "\"x\"", null, null, "abc", MODIFIED, false));
    }
}

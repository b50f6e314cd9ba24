package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RequestLimitTest {
    private static final long MIB = 1024 * 1024;

    @Test
    void aRequestGetsHalfAMebibyteOfHalfTheHeap() {
        assertEquals(96, RequestLimit.permits(96 * MIB));
        assertEquals(128, RequestLimit.permits(128 * MIB));
        assertEquals(1024, RequestLimit.permits(1024 * MIB));
    }

    @Test
    void aTinyHeapStillServesSixteenAtOnce() {
        assertEquals(16, RequestLimit.permits(8 * MIB));
        assertEquals(16, RequestLimit.permits(0));
    }
}

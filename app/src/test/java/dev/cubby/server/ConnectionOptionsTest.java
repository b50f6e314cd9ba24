package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Guards the socket setting that costs 40 ms per small object when lost (see CubbyServer.connectionOptions),
 * and how often idle connections are looked for.
 */
class ConnectionOptionsTest {
    @Test
    void acceptedConnectionsSendWithoutWaitingForAcks() {
        assertTrue(CubbyServer.connectionOptions().tcpNoDelay(), "TCP_NODELAY must be on");
    }

    @Test
    void idleConnectionsAreLookedForOftenEnoughForTheirTimeout() {
        assertTrue(CubbyServer.idleCheckPeriod(java.time.Duration.ofMinutes(5)).equals(java.time.Duration.ofMinutes(1)));
        assertTrue(CubbyServer.idleCheckPeriod(java.time.Duration.ofSeconds(20)).equals(java.time.Duration.ofSeconds(5)));
        assertTrue(CubbyServer.idleCheckPeriod(java.time.Duration.ofSeconds(2)).equals(java.time.Duration.ofSeconds(1)));
    }
}

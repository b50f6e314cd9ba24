package dev.cubby.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Guards the one socket setting that costs 40 ms per small object when lost (see CubbyServer.connectionOptions). */
class ConnectionOptionsTest {
    @Test
    void acceptedConnectionsSendWithoutWaitingForAcks() {
        assertTrue(CubbyServer.connectionOptions().tcpNoDelay(), "TCP_NODELAY must be on");
    }
}

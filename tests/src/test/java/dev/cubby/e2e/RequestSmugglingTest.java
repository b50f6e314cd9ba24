package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests whose end is ambiguous (RFC 9112 section 11.2): each is answered 400 and its connection
 * closed, so the bytes after it, here a GET of a public object, are never run as a request of
 * their own. Were they, a second response would follow the first.
 */
class RequestSmugglingTest {
    private static final String SMUGGLED = "GET /pub/p.txt HTTP/1.1\r\nHost: x\r\n\r\n";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    static final TestServer server = TestServer.empty()
            .tree(root -> Files.writeString(Files.createDirectory(root.resolve("pub")).resolve("p.txt"), "public\n"))
            .args("--public-read", "pub");

    @Test
    void aSpaceBeforeTheColonOfTransferEncodingIsRefusedAndTheConnectionClosed() throws IOException {
        String body = "0\r\n\r\n";
        var received = exchange("PUT /pub/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n"
                + "Content-Length: " + body.length() + "\r\n\r\n" + body + SMUGGLED);

        assertRefusedAlone(received, "InvalidRequest");
        assertTrue(received.text().contains("transfer-encoding "), received.text());
    }

    @Test
    void aSpaceBeforeTheColonIsRefusedOnTheServersOwnEndpointsToo() throws IOException {
        var received = exchange("GET /-/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n"
                + Integer.toHexString(SMUGGLED.length()) + "\r\n" + SMUGGLED + "\r\n0\r\n\r\n");

        assertRefusedAlone(received, "InvalidRequest");
    }

    @Test
    void contentLengthTogetherWithTransferEncodingIsRefusedAndTheConnectionClosed() throws IOException {
        var received = exchange("PUT /pub/x HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n"
                + "\r\n0\r\n\r\n" + SMUGGLED);

        assertEquals(400, received.status(), received.text());
        assertEquals(1, received.responses(), () -> "only one response: " + received.text());
        assertTrue(received.closedByServer(), "the connection is closed");
    }

    @Test
    void malformedChunkSizesAreRefusedAndTheConnectionClosed() throws IOException {
        String bucket = server.newBucket("chunks");
        for (String sizeLine : List.of("zz", "-5", "99999999999999999999", "5 junk")) {
            RawRequest put = server.signer().sign(server.request("PUT", "/" + bucket + "/chunked.txt")
                    .withHeader("Transfer-Encoding", "chunked"), java.time.Instant.now(), SigV4.UNSIGNED_PAYLOAD);

            var received = exchange(RawConnection.head(put) + sizeLine + "\r\n" + SMUGGLED);

            assertRefusedAlone(received, "InvalidRequest");
            assertTrue(received.text().contains("chunked request body is malformed"), received.text());
            assertFalse(Files.exists(server.file(bucket, "chunked.txt")), "nothing was written for " + sizeLine);
        }
    }

    private static RawConnection.Received exchange(String bytes) throws IOException {
        try (var connection = new RawConnection(server.port())) {
            connection.send(bytes);
            return connection.readUntilClosed(WAIT);
        }
    }

    private static void assertRefusedAlone(RawConnection.Received received, String code) {
        assertEquals(400, received.status(), received.text());
        assertTrue(received.text().contains("<Code>" + code + "</Code>"), received.text());
        assertEquals(1, received.responses(), () -> "the smuggled request got no response: " + received.text());
        assertFalse(received.text().contains("public\n"), "the public object was not served");
        assertTrue(received.closedByServer(), "the connection is closed");
    }
}

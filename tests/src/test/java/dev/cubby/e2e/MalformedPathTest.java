package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths that are not valid percent-encoding, or hold characters a URI must encode, are answered
 * 400 InvalidURI, anonymously too, each with the one audit line of its request and no stack trace
 * in the log (Helidon's own path routes once answered them 500, logging a trace each time).
 */
class MalformedPathTest {
    @RegisterExtension
    static final CubbyServer server = CubbyServer.empty()
            .tree(root -> Files.writeString(Files.createDirectory(root.resolve("pub")).resolve("p.txt"), "public\n"))
            .args("--public-read", "pub");

    @Test
    void malformedPathsAreInvalidUriWithOneLogLineEach() throws IOException, InterruptedException {
        for (String path : List.of("/pub/a%zz", "/pub/a%", "/pub/p.txt\\", "/pub/%u002e%u002e/x", "/-/a%zz")) {
            long logLines = server.log().lines().count();

            RawResponse response = server.send(server.request("GET", path));

            assertS3Error(response, 400, "InvalidURI");
            Thread.sleep(100); // the audit line is written as the request ends
            List<String> added = server.log().lines().skip(logLines).toList();
            assertEquals(1, added.size(), () -> path + " logged: " + added);
            assertFalse(added.getFirst().contains("Exception") || added.getFirst().contains("\tat "), added.getFirst());
        }
    }

    @Test
    void theServersOwnEndpointsStillAnswer() throws IOException {
        assertEquals(200, server.send(server.request("GET", "/-/health")).status());
        assertEquals(200, server.send(server.request("GET", "/pub/p.txt")).status());
    }
}

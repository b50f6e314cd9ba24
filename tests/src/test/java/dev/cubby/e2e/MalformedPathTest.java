package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    static final TestServer server = TestServer.empty()
            .tree(root -> Files.writeString(Files.createDirectory(root.resolve("pub")).resolve("p.txt"), "public\n"))
            .args("--public-read", "pub");

    @Test
    void malformedPathsAreInvalidUriWithOneLogLineEach() throws IOException, InterruptedException {
        long logLines = server.log().lines().count();
        List<String> requestIds = new java.util.ArrayList<>();
        for (String path : List.of("/pub/a%zz", "/pub/a%", "/pub/p.txt\\", "/pub/%u002e%u002e/x", "/-/a%zz",
                "/pub/%C2%AE%C2%8A-")) {
            RawResponse response = server.send(server.request("GET", path));

            assertS3Error(response, 400, "InvalidURI");
            requestIds.add(response.header("x-amz-request-id"));
        }
        Thread.sleep(500); // audit lines are written as requests end
        List<String> added = server.log().lines().skip(logLines).toList();
        assertTrue(added.stream().allMatch(line -> line.startsWith("audit ")), () -> "only audit lines: " + added);
        for (String id : requestIds) {
            assertEquals(1, added.stream().filter(line -> line.contains("request=" + id)).count(), () -> id + ": " + added);
        }
        assertFalse(added.stream().anyMatch(line -> line.contains("Exception") || line.startsWith("\tat ")),
                () -> "no stack trace: " + added);
    }

    @Test
    void theServersOwnEndpointsAndObjectsStillAnswerWithNothingLogged() throws IOException {
        assertEquals(200, server.send(server.request("GET", "/-/health")).status());
        assertEquals(200, server.send(server.request("GET", "/-/metrics")).status());
        assertEquals("public\n", server.send(server.request("GET", "/pub/p.txt")).text());
        assertFalse(server.log().contains("WARNING") || server.log().contains("SEVERE"), server.log());
    }

    @Test
    void aKeyDecodingToAC1ControlCharacterIsInvalidUriInS3sWords() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/pub/%C2%AE%C2%8A-"));

        assertS3Error(response, 400, "InvalidURI");
        assertEquals("Couldn't parse the specified URI.", Xml.text(response.xml(), "Message"));
    }

    @Test
    void aTorrentIsNoSuchKeyForAnObjectThatExists() throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", "/pub/p.txt?torrent"));

        assertS3Error(response, 404, "NoSuchKey");
        assertTrue(Xml.text(response.xml(), "Message").contains("no torrent"), Xml.text(response.xml(), "Message"));
        assertEquals("public\n", server.send(server.request("GET", "/pub/p.txt")).text());
    }
}

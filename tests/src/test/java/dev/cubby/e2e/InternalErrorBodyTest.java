package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An InternalError tells the client only that, and the request id: the exception behind it
 * (which names the server's folders, its devices, its code) goes to the log under that id. And
 * the scan every test server runs over the error bodies it sent catches a body that does not.
 */
class InternalErrorBodyTest {
    /** A folder outside the root served as a bucket through the config. */
    private static final Path CONFIGURED = createFolder();

    @RegisterExtension
    static final TestServer server = TestServer.empty()
            .args("--config", ConfigFiles.write("buckets:\n  configured: " + CONFIGURED + "\n").toString());

    /** The body the issue reported, from a PUT after a bucket was deleted and made again. */
    private static final String REPORTED_BODY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError"
            + "</Code><Message>The server could not complete the request: cannot read the free space of / (/dev/vda)"
            + "</Message><Resource>/second/k</Resource><RequestId>04FE1C794EEEBF3D</RequestId></Error>";

    @Test
    void anInternalErrorNamesTheRequestIdAndTheLogHasTheDetail() throws Exception {
        String bucket = server.newBucket("broken");
        // the staging folder made a file: the next upload cannot stage its body, which is the server's fault
        Path staging = server.root().resolve(".cubby").resolve("tmp");
        deleteFolder(staging);
        Files.writeString(staging, "not a folder");
        try {
            RawResponse response = server.sendSigned(server.request("PUT", "/" + bucket + "/k").withBody(new byte[10]));
            assertEquals(500, response.status(), response::text);
            String requestId = response.header("x-amz-request-id");
            assertEquals("InternalError", Xml.text(response.xml(), "Code"));
            assertEquals("We encountered an internal error. Please try again. The server's log has the details "
                    + "under request id " + requestId + ".", Xml.text(response.xml(), "Message"));
            assertFalse(response.text().contains(server.base().toString()), response::text);
            String logged = server.log().lines().filter(line -> line.contains(requestId)).findFirst().orElse("");
            assertTrue(server.log().contains("cannot create the staging folder " + staging), server::log);
            assertTrue(logged.contains("failed"), "the log names the request: " + logged);
        } finally {
            Files.delete(staging);
            Files.createDirectory(staging);
        }
    }

    @Test
    void deletingABucketFromTheConfigNamesNotItsFolder() {
        int before = server.errorBodies().seen();
        var refused = S3Assert.assertS3Error(400, "InvalidRequest",
                () -> server.client().deleteBucket(b -> b.bucket("configured")));
        String message = refused.awsErrorDetails().errorMessage();
        assertTrue(message.contains("'configured'") && message.contains("config"), message);
        assertEquals(before + 1, server.errorBodies().seen(), "the scan saw the body");
        assertFalse(message.contains(CONFIGURED.toString()), message);
    }

    @Test
    void theErrorBodiesOfSdkClientsAreScannedToo() throws Exception {
        String bucket = server.newBucket("scanned");
        int before = server.errorBodies().seen();
        S3Assert.assertS3Error(404, "NoSuchKey", () -> server.client().getObject(b -> b.bucket(bucket).key("none"),
                software.amazon.awssdk.core.sync.ResponseTransformer.toBytes()));
        assertEquals(before + 1, server.errorBodies().seen());
    }

    @Test
    void theScanOfErrorBodiesCatchesTheReportedInternalError() {
        var bodies = new ErrorBodies(() -> List.of("/srv/nas"));
        bodies.record("PUT /second/k", 500, REPORTED_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        AssertionError caught = assertThrows(AssertionError.class, bodies::requireClean);
        assertTrue(caught.getMessage().contains("/dev/"), caught.getMessage());

        bodies.record("GET /b/k", 404, ("<Error><Code>NoSuchKey</Code><Message>The key 'k' does not exist.</Message>"
                + "<Resource>/srv/nas/../tmp/x</Resource></Error>").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bodies.requireClean(); // the Resource is the client's own path
        bodies.record("GET /b/k", 403, "<Error><Message>denied under /srv/nas/photos</Message></Error>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThrows(AssertionError.class, bodies::requireClean);
    }

    private static Path createFolder() {
        try {
            Path folder = Files.createTempDirectory("cubby-configured-");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteFolder(Path folder) throws java.io.IOException {
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(folder);
        }
    }
}

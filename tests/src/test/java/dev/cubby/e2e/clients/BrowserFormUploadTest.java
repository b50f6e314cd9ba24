package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.CubbyCli;
import dev.cubby.e2e.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The upload page of {@code cubby share --upload}, opened in headless Chromium from another
 * origin: a file picked and sent lands under the shared prefix, and a file over the page's size
 * limit is refused with nothing stored (tests/js/browser/form-upload.mjs).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrowserFormUploadTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static Map<String, String> pickAndUpload(Path page, Path file) throws Exception {
        return HeadlessChromium.run("form-upload.mjs", HeadlessChromium.freePort(),
                Map.of("CUBBY_PAGE", page.toString(), "CUBBY_FILE", file.toString()));
    }

    @Test
    void aFilePickedOnTheSharedUploadPageLandsUnderItsPrefix() throws Exception {
        String bucket = server.newBucket("dropbox");
        Path page = server.base().resolve("upload.html");
        CubbyCli.run("share", "--upload", bucket + "/from-anna/", "--expires", "1h", "--max-size", "1KiB",
                "--html", page.toString(), "--state", server.state().toString(),
                "--endpoint", server.endpoint().toString()).requireSuccess();

        Path photo = Files.writeString(server.base().resolve("holiday notes.txt"), "sun, sea and sand\n");
        Map<String, String> sent = pickAndUpload(page, photo);
        assertEquals("201", sent.get("status"), sent::toString);
        assertTrue(sent.get("shown").contains("<Key>from-anna/holiday notes.txt</Key>"), sent::toString);
        assertEquals("sun, sea and sand\n", Files.readString(server.file(bucket, "from-anna/holiday notes.txt")));

        Path big = Files.write(server.base().resolve("big.bin"), new byte[4096]);
        Map<String, String> refused = pickAndUpload(page, big);
        assertEquals("400", refused.get("status"), refused::toString);
        assertTrue(refused.get("shown").contains("EntityTooLarge"), refused::toString);
        assertFalse(Files.exists(server.file(bucket, "from-anna/big.bin")));
    }
}

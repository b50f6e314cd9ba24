package dev.cubby.e2e.clients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.e2e.Digests;
import dev.cubby.e2e.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * A web page of another origin (a static server on 127.0.0.1, another port than Cubby's) uploads a
 * file with the AWS SDK for JavaScript v3 in headless Chromium and reads it back, once the bucket
 * has a CORS rule for that origin; without one the browser refuses (tests/js/browser/cors-upload.mjs).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrowserCorsTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static Map<String, String> pageUploads(String bucket, String key, String body, int originPort)
            throws Exception {
        return HeadlessChromium.run("cors-upload.mjs", originPort, Map.of(
                "AWS_ACCESS_KEY_ID", TestServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", TestServer.SECRET_KEY,
                "CUBBY_ENDPOINT", server.endpoint().toString(),
                "CUBBY_BUCKET", bucket,
                "CUBBY_KEY", key,
                "CUBBY_BODY", body));
    }

    @Test
    void aPageOfAnotherOriginUploadsAndReadsBackOnlyOnceACorsRuleAllowsIt() throws Exception {
        String bucket = server.newBucket("browser");
        int port = HeadlessChromium.freePort();
        String origin = "http://127.0.0.1:" + port;
        String body = "dropped in from a web page\n";

        Map<String, String> refused = pageUploads(bucket, "refused.txt", body, port);
        assertEquals(origin, refused.get("origin"));
        assertTrue(refused.get("put").startsWith("TypeError"), () -> "the browser should refuse:\n" + refused);
        assertTrue(refused.get("output").contains("blocked by CORS policy"), refused::toString);
        assertFalse(Files.exists(server.file(bucket, "refused.txt")), "a refused preflight must send no PUT");

        server.client().putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins(origin).allowedMethods("GET", "PUT").allowedHeaders("*")
                        .exposeHeaders("ETag").maxAgeSeconds(60).build())));
        Map<String, String> seen = pageUploads(bucket, "from the browser/hello.txt", body, port);

        String etag = "\"" + Digests.md5Hex(body.getBytes(StandardCharsets.UTF_8)) + "\"";
        assertEquals("ok", seen.get("put"), seen::toString);
        assertEquals(etag, seen.get("putEtag"), "ETag must be exposed to the page");
        assertEquals("ok", seen.get("get"), seen::toString);
        assertEquals(etag, seen.get("getEtag"));
        assertEquals(body, seen.get("text"));
        assertTrue(seen.get("missing").startsWith("NoSuchKey"), () -> "an error the page can read:\n" + seen);
        assertArrayEquals(body.getBytes(StandardCharsets.UTF_8),
                Files.readAllBytes(server.file(bucket, "from the browser/hello.txt")));
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code --public-read}: those buckets may be read without a key; nothing else may be done anonymously. */
class PublicReadTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--public-read", "website").tree(root -> {
        Files.createDirectories(root.resolve("website/css"));
        Files.writeString(root.resolve("website/index.html"), "<h1>hello</h1>");
        Files.writeString(root.resolve("website/css/site.css"), "h1{}");
        Files.createDirectories(root.resolve("private"));
        Files.writeString(root.resolve("private/secret.txt"), "secret");
    });

    @Test
    void anonymousGetHeadAndListingsOfAPublicBucketWork() throws IOException {
        RawResponse get = server.send(server.request("GET", "/website/index.html"));
        assertEquals(200, get.status());
        assertEquals("<h1>hello</h1>", get.text());
        assertEquals(200, server.send(server.request("HEAD", "/website/index.html")).status());
        assertEquals(200, server.send(server.request("HEAD", "/website")).status());
        RawResponse v2 = server.send(server.request("GET", "/website?list-type=2"));
        assertEquals(200, v2.status());
        assertTrue(v2.text().contains("<Key>css/site.css</Key>") && v2.text().contains("<Key>index.html</Key>"), v2.text());
        RawResponse v1 = server.send(server.request("GET", "/website?delimiter=/"));
        assertEquals(200, v1.status());
        assertTrue(v1.text().contains("<Prefix>css/</Prefix>"), v1.text());
    }

    @Test
    void everythingElseStaysAccessDeniedForAnonymousCallers() throws IOException {
        S3Assert.assertS3Error(server.send(server.request("GET", "/private/secret.txt")), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("GET", "/private?list-type=2")), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("PUT", "/website/evil.html")
                .withBody("evil".getBytes(StandardCharsets.UTF_8))), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("DELETE", "/website/index.html")), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("GET", "/website/index.html?tagging")), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("GET", "/website?uploads")), 403, "AccessDenied");
        S3Assert.assertS3Error(server.send(server.request("GET", "/")), 403, "AccessDenied");
        assertTrue(Files.exists(server.file("website", "index.html")));
        assertTrue(Files.notExists(server.file("website", "evil.html")));
    }

    @Test
    void signedRequestsStillWorkOnAPublicBucket() {
        assertEquals("<h1>hello</h1>", server.client().getObjectAsBytes(b -> b.bucket("website").key("index.html"))
                .asUtf8String());
    }
}

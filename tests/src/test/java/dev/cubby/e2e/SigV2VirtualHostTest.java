package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signature Version 2 never signs the Host header, so with {@code --domain} the bucket a
 * virtual-hosted request names must be part of what is signed, as S3 does (CanonicalizedResource
 * {@code /bucket/key}). Otherwise a SigV2 presigned URL for {@code /alpha/doc.txt} (path style)
 * sent with {@code Host: beta.localhost} would read, or for a PUT write, {@code beta/alpha/doc.txt},
 * an object the URL never named.
 */
class SigV2VirtualHostTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--domain", "localhost").tree(root -> {
        Files.createDirectories(root.resolve("alpha"));
        Files.createDirectories(root.resolve("beta/alpha"));
        Files.writeString(root.resolve("alpha/doc.txt"), "alpha's doc");
        Files.writeString(root.resolve("beta/alpha/doc.txt"), "beta's secret");
    });

    private static String presignedV2(String method, String resource, String pathAndKey) throws Exception {
        long expires = Instant.now().getEpochSecond() + 600;
        String stringToSign = method + "\n\n\n" + expires + "\n" + resource;
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TestServer.SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return pathAndKey + "?AWSAccessKeyId=" + TestServer.ACCESS_KEY + "&Expires=" + expires + "&Signature="
                + URLEncoder.encode(signature, StandardCharsets.UTF_8);
    }

    private static RawResponse send(String method, String target, String host, byte[] body) throws Exception {
        var request = RawRequest.of(method, target).withHeader("Host", host + ":" + server.port());
        return server.send(body == null ? request : request.withBody(body)
                .withHeader("Content-Length", Integer.toString(body.length)));
    }

    @Test
    void aPathStylePresignedUrlStillWorksAsSigned() throws Exception {
        String url = presignedV2("GET", "/alpha/doc.txt", "/alpha/doc.txt");
        RawResponse response = send("GET", url, "127.0.0.1", null);
        assertEquals(200, response.status(), response::toString);
        assertEquals("alpha's doc", response.text());
    }

    @Test
    void aPathStylePresignedUrlSentToAnotherBucketsHostIsRefused() throws Exception {
        String url = presignedV2("GET", "/alpha/doc.txt", "/alpha/doc.txt");
        RawResponse response = send("GET", url, "beta.localhost", null);
        assertEquals(403, response.status(), response::toString);
        assertFalse(response.text().contains("beta's secret"), response::toString);
    }

    @Test
    void aPresignedPutCannotBeRedirectedToAnotherBucket() throws Exception {
        String url = presignedV2("PUT", "/alpha/new.txt", "/alpha/new.txt");
        RawResponse response = send("PUT", url, "beta.localhost", "planted".getBytes(StandardCharsets.UTF_8));
        assertEquals(403, response.status(), response::toString);
        assertFalse(Files.exists(server.file("beta", "alpha/new.txt")), "nothing is written to beta");
    }

    @Test
    void aVirtualHostedPresignedUrlSignsItsBucketAndWorks() throws Exception {
        String url = presignedV2("GET", "/beta/alpha/doc.txt", "/alpha/doc.txt");
        RawResponse response = send("GET", url, "beta.localhost", null);
        assertEquals(200, response.status(), response::toString);
        assertEquals("beta's secret", response.text());
    }

    /** botocore's SigV2 signs {@code /bucket/} for CreateBucket while it sends {@code PUT /bucket}. */
    @Test
    void aBucketRequestSignedWithTheTrailingSlashIsAccepted() throws Exception {
        String url = presignedV2("PUT", "/gamma/", "/gamma");
        RawResponse response = send("PUT", url, "127.0.0.1", new byte[0]);
        assertEquals(200, response.status(), response::toString);
        assertTrue(Files.isDirectory(server.root().resolve("gamma")));

        String other = presignedV2("PUT", "/gamma/", "/delta");
        assertEquals(403, send("PUT", other, "127.0.0.1", new byte[0]).status());
        assertFalse(Files.exists(server.root().resolve("delta")));
    }
}

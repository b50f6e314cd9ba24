package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The response-* query parameters of GetObject override the response headers, not the object. */
class ResponseOverrideTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private final S3Client s3 = server.client();

    @Test
    void everyResponseOverrideSetsItsHeader() throws IOException {
        String bucket = server.newBucket("override");
        byte[] body = "override me".getBytes(StandardCharsets.UTF_8);
        s3.putObject(b -> b.bucket(bucket).key("o.txt").contentType("text/plain"), RequestBody.fromBytes(body));
        Instant expires = Instant.parse("2030-01-02T03:04:05Z");

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("o.txt")
                .responseContentType("application/x-overridden")
                .responseContentDisposition("attachment; filename=\"saved as.txt\"")
                .responseCacheControl("no-store")
                .responseContentEncoding("identity")
                .responseContentLanguage("de-DE")
                .responseExpires(expires));

        GetObjectResponse response = got.response();
        assertArrayEquals(body, got.asByteArray());
        assertEquals("application/x-overridden", response.contentType());
        assertEquals("attachment; filename=\"saved as.txt\"", response.contentDisposition());
        assertEquals("no-store", response.cacheControl());
        assertEquals("identity", response.contentEncoding());
        assertEquals("de-DE", response.contentLanguage());
        assertEquals(expires, response.expires());
    }

    @Test
    void overridesDoNotChangeTheStoredObject() throws IOException {
        String bucket = server.newBucket("override");
        s3.putObject(b -> b.bucket(bucket).key("kept.txt").contentType("text/x-stored").cacheControl("max-age=5"),
                RequestBody.fromString("kept"));

        s3.getObjectAsBytes(b -> b.bucket(bucket).key("kept.txt")
                .responseContentType("application/x-once").responseCacheControl("no-cache"));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("kept.txt"));
        assertEquals("text/x-stored", head.contentType());
        assertEquals("max-age=5", head.cacheControl());
    }

    @Test
    void overrideAppliesToAPreExistingFile() throws IOException {
        String bucket = server.newBucket("override");
        java.nio.file.Files.writeString(server.root().resolve(bucket).resolve("note.txt"), "from the NAS");
        String disposition = "attachment; filename=\"note.txt\"";

        RawResponse response = server.sendSigned(server.request("GET", "/" + bucket + "/note.txt"
                + "?response-content-disposition=" + URLEncoder.encode(disposition, StandardCharsets.UTF_8)
                        .replace("+", "%20")
                + "&response-content-type=application%2Foctet-stream"));

        assertEquals(200, response.status(), response::toString);
        assertEquals(disposition, response.header("Content-Disposition"));
        assertEquals("application/octet-stream", response.header("Content-Type"));
        assertEquals("from the NAS", response.text());
    }
}

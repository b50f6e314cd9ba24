package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cubby.e2e.clients.ClientMatrix;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned PUT and DELETE URLs from the SDK's S3Presigner, used by a plain HTTP client that holds
 * no credentials: the file appears and disappears in the tree; an expired URL writes nothing.
 */
@ClientMatrix(client = "AWS SDK for Java v2", version = ClientMatrix.JAVA_SDK)
class PresignedWriteTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final byte[] BODY = FixtureTree.seeded(200_000, 801);

    private final S3Presigner presigner = server.presigner();

    @AfterAll
    static void closeHttp() {
        http.close();
    }

    @Test
    void presignedPutWritesTheFile() throws Exception {
        String bucket = server.newBucket("psput");
        SdkHttpRequest signed = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(bucket).key("up/loaded.bin"))).httpRequest();

        RawResponse response = send(signed, BODY);

        assertEquals(200, response.status(), response::toString);
        assertEquals(Digests.etag(BODY), response.header("ETag"));
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "up/loaded.bin")));
        assertEquals(Digests.etag(BODY), server.client().headObject(b -> b.bucket(bucket).key("up/loaded.bin")).eTag());
    }

    @Test
    void presignedDeleteRemovesTheFile() throws Exception {
        String bucket = server.newBucket("psdel");
        server.client().putObject(b -> b.bucket(bucket).key("doomed.txt"), RequestBody.fromString("bye"));
        SdkHttpRequest signed = presigner.presignDeleteObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .deleteObjectRequest(d -> d.bucket(bucket).key("doomed.txt"))).httpRequest();

        RawResponse response = send(signed, null);

        assertEquals(204, response.status(), response::toString);
        assertFalse(Files.exists(server.file(bucket, "doomed.txt")));
        S3Assert.assertS3Status(404, () -> server.client().headObject(b -> b.bucket(bucket).key("doomed.txt")));
    }

    @Test
    void expiredPresignedPutAnswers403AndWritesNothing() throws Exception {
        String bucket = server.newBucket("psexp");
        SdkHttpRequest signed = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofSeconds(1))
                .putObjectRequest(p -> p.bucket(bucket).key("late.bin"))).httpRequest();
        Thread.sleep(2_500);
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = send(signed, BODY);

        S3Assert.assertS3Error(response, 403, "AccessDenied");
        assertEquals(before, TreeSnapshot.of(server.base()));
        assertFalse(Files.exists(server.file(bucket, "late.bin")));
    }

    /** Sends the presigned request as any browser or curl would: its URL, its signed headers but Host, a body. */
    private static RawResponse send(SdkHttpRequest signed, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).timeout(Duration.ofSeconds(30))
                .method(signed.method().name(), body == null
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("host")) {
                header.getValue().forEach(value -> request.header(header.getKey(), value));
            }
        }
        return RawResponse.of(http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }
}

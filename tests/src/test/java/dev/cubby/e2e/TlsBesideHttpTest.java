package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** {@code --tls --tls-port}: plain HTTP stays on the main port and HTTPS listens beside it. */
class TlsBesideHttpTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--tls").httpsBesideHttp();

    private Path certificateFile() {
        return server.state().resolve("tls/cert.pem");
    }

    @Test
    void bothListenersAnswerTheHealthProbe() throws Exception {
        var context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, PemTrust.trustingOnly(certificateFile()), null);
        try (HttpClient http = HttpClient.newBuilder().sslContext(context).build()) {
            for (URI endpoint : new URI[] {server.endpoint(), server.httpsEndpoint()}) {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(endpoint.resolve("/-/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, health.statusCode(), endpoint + ": " + health.body());
            }
        }
        assertTrue(server.log().contains("Cubby serves " + server.root() + " at " + server.endpoint() + " and "
                + server.httpsEndpoint()), server.log());
    }

    @Test
    void anObjectWrittenOverHttpIsReadOverHttpsAndTheOtherWayRound() throws Exception {
        S3Client plain = server.client();
        S3Client tls = server.client(builder -> {
            try {
                builder.endpointOverride(server.httpsEndpoint())
                        .httpClientBuilder(PemTrust.sdkHttpClientTrustingOnly(certificateFile()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String bucket = server.newBucket("both");

        plain.putObject(b -> b.bucket(bucket).key("plain.txt"), RequestBody.fromString("written over http"));
        tls.putObject(b -> b.bucket(bucket).key("tls.txt"), RequestBody.fromString("written over https"));

        assertEquals("written over http", tls.getObjectAsBytes(b -> b.bucket(bucket).key("plain.txt")).asUtf8String());
        assertEquals("written over https", plain.getObjectAsBytes(b -> b.bucket(bucket).key("tls.txt")).asUtf8String());
        assertEquals(2, tls.listObjectsV2(b -> b.bucket(bucket)).keyCount());
        assertEquals(PemTrust.sha256(PemTrust.presented(server.httpsEndpoint())),
                PemTrust.printedFingerprint(server.log()));
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The readiness probe answers without credentials. */
class HealthTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    @Test
    void healthAnswers200WithoutAuthentication() throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(server.endpoint().resolve("/-/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, response.statusCode(), response.body());
        }
    }

    @Test
    void healthIsNotMistakenForABucketOverARawSocket() throws Exception {
        RawResponse response = server.send(server.request("GET", "/-/health"));

        assertEquals(200, response.status(), response::toString);
    }
}

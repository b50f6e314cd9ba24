package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** {@code GET /-/metrics} speaks Prometheus' text format and counts what the server did. */
class MetricsTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    @Test
    void requestsBytesLatenciesUploadsAndDisksAreExported() throws Exception {
        String bucket = server.newBucket("metrics");
        server.client().putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("hello"));
        server.client().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt"));
        server.client().getObjectAsBytes(b -> b.bucket(bucket).key("a.txt"));
        assertThrows(NoSuchKeyException.class, () -> server.client().getObjectAsBytes(b -> b.bucket(bucket).key("none")));
        server.client().createMultipartUpload(b -> b.bucket(bucket).key("big.bin"));

        HttpResponse<String> page;
        try (HttpClient http = HttpClient.newHttpClient()) {
            page = http.send(HttpRequest.newBuilder(server.endpoint().resolve("/-/metrics")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        Map<String, Double> samples = parse(page.body());

        assertEquals(1, samples.get("cubby_requests_total{op=\"PutObject\",status=\"200\"}"), page.body());
        assertEquals(2, samples.get("cubby_requests_total{op=\"GetObject\",status=\"200\"}"), page.body());
        assertEquals(1, samples.get("cubby_requests_total{op=\"GetObject\",status=\"404\"}"), page.body());
        // the SDK frames the 5 bytes as aws-chunked with a trailing checksum: the wire bytes are counted
        assertTrue(samples.get("cubby_received_bytes_total{op=\"PutObject\"}") >= 5, page.body());
        assertTrue(samples.get("cubby_sent_bytes_total{op=\"GetObject\"}") >= 10, page.body());
        assertEquals(3, samples.get("cubby_request_duration_seconds_count{op=\"GetObject\"}"), page.body());
        assertEquals(3, samples.get("cubby_request_duration_seconds_bucket{op=\"GetObject\",le=\"+Inf\"}"));
        assertTrue(samples.get("cubby_request_duration_seconds_sum{op=\"GetObject\"}") > 0);
        assertEquals(1, samples.get("cubby_multipart_uploads_open"), page.body());
        assertTrue(samples.get("cubby_sidecar_bytes") > 0, page.body());
        assertTrue(samples.get("cubby_filesystem_free_bytes{bucket=\"" + bucket + "\"}") > 0, page.body());
        assertTrue(samples.get("cubby_filesystem_size_bytes{bucket=\"" + bucket + "\"}")
                >= samples.get("cubby_filesystem_free_bytes{bucket=\"" + bucket + "\"}"));
        assertTrue(samples.get("cubby_jvm_heap_used_bytes") > 0);
        for (String line : page.body().lines().toList()) {
            assertTrue(line.startsWith("# HELP ") || line.startsWith("# TYPE ")
                    || line.matches("[a-z_]+(\\{[^}]*})? -?[0-9.eE+-]+"), "not Prometheus text: " + line);
        }
    }

    /** Sample lines to values, keyed by name and labels as written. */
    private static Map<String, Double> parse(String page) {
        var samples = new HashMap<String, Double>();
        page.lines().filter(line -> !line.startsWith("#")).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }
}

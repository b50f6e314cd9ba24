package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * {@code bin/cubby-dev run} as the README shows it: the options given override the script's own
 * root, address and port, in both spellings ({@code --port 9100} and {@code --port=9100}), rather
 * than being refused by picocli as given twice. Runs the real script (whose build step finds the
 * jar up to date) and asks the server it started which root it serves.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class CubbyDevRunTest {
    private static final Path SCRIPT = Path.of("../bin/cubby-dev").toAbsolutePath().normalize();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    @TempDir
    Path base;

    @Test
    void optionsGivenAsSeparateWordsOverrideTheDefaults() throws Exception {
        int port = TestServer.freePort();
        assertServes("in-spaced", port, "--port", Integer.toString(port), "--root", root("spaced").toString());
    }

    @Test
    void optionsGivenWithEqualsSignsOverrideTheDefaults() throws Exception {
        int port = TestServer.freePort();
        assertServes("in-joined", port, "--port=" + port, "--root=" + root("joined"), "--address=127.0.0.1");
    }

    /** A root holding one bucket named after it, so the listing shows which root is served. */
    private Path root(String name) throws IOException {
        Path root = Files.createDirectories(base.resolve(name));
        Files.createDirectory(root.resolve("in-" + name));
        return root;
    }

    /** Runs the script with {@code options}; the server it starts on {@code port} lists {@code bucket} alone. */
    private void assertServes(String bucket, int port, String... options) throws Exception {
        CubbyJar.jar(); // the script builds it too, but a test run after the build finds it up to date
        Path log = base.resolve("run.log");
        var command = new ArrayList<>(List.of(SCRIPT.toString(), "run"));
        command.addAll(List.of(options));
        command.addAll(List.of("--state", base.resolve("state").toString()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("CUBBY_ACCESS_KEY_ID", TestServer.ACCESS_KEY);
        builder.environment().put("CUBBY_SECRET_ACCESS_KEY", TestServer.SECRET_KEY);
        Process process = builder.start();
        try {
            awaitHealthy(process, port, log);
            try (S3Client s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + port))
                    .region(TestServer.REGION).forcePathStyle(true)
                    .credentialsProvider(TestServer.credentials(TestServer.ACCESS_KEY, TestServer.SECRET_KEY))
                    .httpClientBuilder(Apache5HttpClient.builder()).build()) {
                assertEquals(List.of(bucket), s3.listBuckets().buckets().stream().map(Bucket::name).toList(),
                        "the root given on the command line is served");
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroy); // a build step still running
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void awaitHealthy(Process process, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            var health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            while (System.nanoTime() < deadline) {
                assertTrue(process.isAlive(), () -> "bin/cubby-dev run exited with " + process.exitValue() + ":\n"
                        + read(log));
                try {
                    if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYetListening) {
                    // the build step or the JVM's start is still running
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("bin/cubby-dev run did not serve on port " + port + " within " + START_TIMEOUT
                + ":\n" + read(log));
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM (how systemd stops the service) lets an upload in flight finish and be answered, stops
 * taking new connections, and closes the sidecar cleanly: after a restart the object is there with
 * the MD5 ETag of its bytes.
 */
class GracefulShutdownTest {
    private static final int SIZE = 8 * 1024 * 1024;
    private static final int CHUNK = 512 * 1024;

    @RegisterExtension
    static final TestServer server = TestServer.empty();

    @Test
    void anUploadInFlightFinishesAndTheServerThenStops() throws Exception {
        String bucket = server.newBucket("shutdown");
        byte[] body = new byte[SIZE];
        new Random(7).nextBytes(body);
        URI url = server.presigner().presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket(bucket).key("in-flight.bin"))).url().toURI();

        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                    + server.port() + "\r\nContent-Length: " + SIZE + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, CHUNK);
            out.flush();
            Thread.sleep(300);

            var exited = server.terminate();
            Thread.sleep(500);
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", server.port()).close(),
                    "a stopping server takes no new connections");
            for (int sent = CHUNK; sent < SIZE; sent += CHUNK) {
                out.write(body, sent, CHUNK);
                out.flush();
                Thread.sleep(50);
            }
            String status = statusLine(socket.getInputStream());
            assertTrue(status.startsWith("HTTP/1.1 200"), "the upload in flight was answered: " + status);
            int code = exited.get(40, TimeUnit.SECONDS);
            // 143 = 128 + SIGTERM: the JVM's exit after its shutdown hooks ran (systemd: SuccessExitStatus=143)
            assertEquals(143, code, server.log());
        }
        assertArrayEquals(body, Files.readAllBytes(server.file(bucket, "in-flight.bin")));

        server.restart();
        String etag = server.client().headObject(h -> h.bucket(bucket).key("in-flight.bin")).eTag();
        assertEquals("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)) + "\"", etag);
    }

    private static String statusLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}

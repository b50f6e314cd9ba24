package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A download that stops part-way. A client hanging up is normal (a cancelled copy, a closed
 * tab): it is recorded with the bytes that went out, as the status that was sent, and nothing is
 * logged as a failure. A file cut short on disk while being sent ends the connection early, so
 * the client sees a short body rather than waiting for bytes that will never come.
 */
class InterruptedDownloadTest {
    private static final int SIZE = 64 * 1024 * 1024;

    @RegisterExtension
    static final TestServer server = TestServer.empty();

    @Test
    void aClientHangingUpIsRecordedWithTheBytesSentAndNoFailure() throws Exception {
        String bucket = server.newBucket("hangup");
        Files.write(server.root().resolve(bucket).resolve("film.bin"), FixtureTree.seeded(SIZE, 1));
        int logBefore = server.log().length();

        try (Socket socket = get(presigned(bucket, "film.bin"))) {
            InputStream in = socket.getInputStream();
            in.readNBytes(1024 * 1024);
        }

        String line = awaitAuditLine("object=film.bin");
        assertTrue(line.contains("status=200"), "recorded as the 200 it began as: " + line);
        long out = Long.parseLong(field(line, "out"));
        assertTrue(out > 0 && out < SIZE, "the bytes that went out, not the object's size: " + line);
        String logged = server.log().substring(logBefore);
        assertFalse(logged.contains("SEVERE") || logged.contains("WARNING"), "a hang-up is no failure:\n" + logged);
        assertEquals(SIZE, server.client().headObject(b -> b.bucket(bucket).key("film.bin")).contentLength(),
                "the server serves on");
    }

    @Test
    void aFileCutShortOnDiskWhileSentEndsTheConnectionEarly() throws Exception {
        String bucket = server.newBucket("cut");
        Path file = server.root().resolve(bucket).resolve("log.bin");
        Files.write(file, FixtureTree.seeded(SIZE, 2));

        long received;
        try (Socket socket = get(presigned(bucket, "log.bin"))) {
            socket.setSoTimeout(20_000); // a connection left open would fail the read, not hang the test
            InputStream in = socket.getInputStream();
            received = in.readNBytes(1024 * 1024).length;
            try (FileChannel shell = FileChannel.open(file, StandardOpenOption.WRITE)) {
                shell.truncate(1);
            }
            received += in.transferTo(java.io.OutputStream.nullOutputStream());
        }

        assertTrue(received < SIZE, "the body ended short (" + received + " bytes with headers) and the connection closed");
        assertTrue(server.log().contains("could not be read to the end"), server.log());
    }

    private static URL presigned(String bucket, String key) {
        return server.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key(key))).url();
    }

    private static Socket get(URL url) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort());
        socket.setReceiveBufferSize(64 * 1024);
        socket.getOutputStream().write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":"
                + url.getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The audit line of the request, once the server has written it (the log is flushed 4 times a second). */
    private static String awaitAuditLine(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : server.log().split("\n")) {
                if (line.startsWith("audit ") && line.contains(marker)) {
                    return line;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no audit line with " + marker + " in:\n" + server.log());
    }

    private static String field(String line, String name) {
        Matcher m = Pattern.compile("\\b" + name + "=(\\S+)").matcher(line);
        assertTrue(m.find(), name + " in " + line);
        return m.group(1);
    }
}

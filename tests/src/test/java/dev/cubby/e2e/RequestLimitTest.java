package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The number of requests in flight follows the heap (the appliance caps it), so a burst of
 * connections cannot exhaust it: with a 32 MiB heap about 32 run at once. Here 48 downloads whose
 * clients stop reading hold their places; a 49th request waits, and runs as soon as they go. (One
 * address's share of the places is off here, so that this client can take them all; SlowClientTest
 * covers the share.)
 */
class RequestLimitTest {
    private static final int STALLED = 48;

    @RegisterExtension
    static final TestServer server = TestServer.empty().env("JAVA_TOOL_OPTIONS", "-Xmx32m")
            .args("--requests-per-client", "off");

    private final S3Client s3 = server.client();

    @Test
    void requestsBeyondTheLimitWaitForAPlaceInsteadOfExhaustingTheHeap() throws Exception {
        String bucket = server.newBucket("limit");
        // larger than what loopback socket buffers hold, so a GET whose client stops reading stays in flight
        Files.write(server.root().resolve(bucket).resolve("big.bin"), FixtureTree.seeded(64 * 1024 * 1024, 9));
        URL url = server.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(bucket).key("big.bin"))).url();

        List<Socket> stalled = new ArrayList<>();
        CompletableFuture<String> waiting;
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(stalledDownload(url));
            }
            Thread.sleep(1_000); // let every stalled GET reach the server's handler
            waiting = CompletableFuture.supplyAsync(
                    () -> s3.headObject(b -> b.bucket(bucket).key("big.bin")).eTag());
            Thread.sleep(2_000);
            assertFalse(waiting.isDone(), "with every place taken, a further request waits");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
        String etag = waiting.get(25, TimeUnit.SECONDS);
        assertEquals(Digests.etag(FixtureTree.seeded(64 * 1024 * 1024, 9)), etag, "it ran once places were free");
        assertEquals(0, s3.listObjectsV2(b -> b.bucket(bucket).prefix("none")).keyCount(), "the server serves on");
    }

    /** Sends a GET of the presigned URL and never reads the answer. */
    private static Socket stalledDownload(URL url) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), url.getPort());
        socket.setReceiveBufferSize(64 * 1024);
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + url.getFile() + " HTTP/1.1\r\nHost: " + url.getHost() + ":" + url.getPort()
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}

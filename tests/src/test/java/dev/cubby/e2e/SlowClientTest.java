package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Slow and stalled clients cannot take the server: with a 32 MiB heap it runs 16 requests at
 * once, one address may hold 8 of them, a write the client takes nothing of is cut after 3 s, and
 * a body must bring a byte every 2 s and 1 KiB a second on average. The attacker connects from
 * 127.0.0.2; the normal client, timed alongside, from 127.0.0.1.
 */
class SlowClientTest {
    private static final int BIG = 32 * 1024 * 1024;
    private static final Duration QUICK = Duration.ofSeconds(2);

    @RegisterExtension
    static final TestServer server = TestServer.empty()
            .env("JAVA_TOOL_OPTIONS", "-Xmx32m")
            .tree(root -> {
                Files.createDirectory(root.resolve("pub"));
                Files.writeString(root.resolve("pub/p.txt"), "public\n");
                Files.write(root.resolve("pub/big.bin"), FixtureTree.seeded(BIG, 15));
            })
            .args("--public-read", "pub", "--write-timeout", "3s", "--read-timeout", "2s", "--min-body-rate", "1KiB",
                    "--requests-per-client", "8");

    private static final InetAddress ATTACKER = address("127.0.0.2");

    private final S3Client s3 = server.client();

    @Test
    void downloadsNobodyReadsLeaveRoomForOthersAndAreCut() throws Exception {
        warmUp();
        List<RawConnection> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                RawConnection connection = new RawConnection(server.port(), ATTACKER);
                connection.send("GET /pub/big.bin HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
                stalled.add(connection);
            }
            Thread.sleep(1_000); // every stalled GET reaches the server

            assertQuick(() -> s3.getObjectAsBytes(b -> b.bucket("pub").key("p.txt")).asUtf8String());
            RawConnection.Received overShare = get(ATTACKER, "/pub/p.txt");
            assertEquals(503, overShare.status(), overShare.text());
            assertTrue(overShare.text().contains("<Code>SlowDown</Code>"), overShare.text());

            // once the write timeout has cut the stalled downloads, their address is served again
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            int status;
            do {
                Thread.sleep(250);
                status = get(ATTACKER, "/pub/p.txt").status();
            } while (status != 200 && System.nanoTime() < deadline);
            assertEquals(200, status, "the stalled downloads were cut within the write timeout");
            Thread.sleep(2_000); // the stalled downloads started within a second of each other: all are cut now

            int cut = 0;
            for (RawConnection connection : stalled) {
                RawConnection.Received received = connection.readUntilClosed(Duration.ofSeconds(5));
                if (received.status() == 200) {
                    assertTrue(received.closedByServer() && received.text().length() < BIG,
                            "a download that stalled was cut, not finished");
                    cut++;
                } else {
                    assertEquals(503, received.status(), "over its share, the address was told to slow down");
                }
            }
            assertEquals(8, cut, "the address held its share of places, no more");
        } finally {
            for (RawConnection connection : stalled) {
                connection.close();
            }
        }
    }

    @Test
    void bodiesTricklingAByteAtATimeAreRefusedWithRequestTimeout() throws Exception {
        String bucket = server.newBucket("trickle");
        warmUp();
        List<CompletableFuture<RawConnection.Received>> tricklers = new ArrayList<>();
        var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        for (int i = 0; i < 12; i++) {
            String key = "slow-" + i;
            tricklers.add(CompletableFuture.supplyAsync(() -> trickle(bucket, key), threads));
        }
        Thread.sleep(500);

        assertQuick(() -> s3.putObject(b -> b.bucket(bucket).key("normal.txt"), RequestBody.fromString("normal")));

        int timedOut = 0;
        for (var trickler : tricklers) {
            RawConnection.Received received = trickler.get(20, TimeUnit.SECONDS);
            assertTrue(received.closedByServer(), received.text());
            if (received.status() == 400) {
                assertTrue(received.text().contains("<Code>RequestTimeout</Code>"), received.text());
                timedOut++;
            } else {
                assertEquals(503, received.status(), received.text());
            }
        }
        threads.close();
        assertEquals(8, timedOut, "the bodies that held places were refused for their rate");
        try (var files = Files.list(server.root().resolve(bucket))) {
            assertEquals(List.of("normal.txt"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aBodyThatStopsHasItsConnectionClosed() throws Exception {
        String bucket = server.newBucket("stalled");
        try (var connection = new RawConnection(server.port())) {
            connection.send(RawConnection.head(signedPut(bucket, "stalled.bin", 100)) + "abc");

            RawConnection.Received received = connection.readUntilClosed(Duration.ofSeconds(6));

            assertTrue(received.closedByServer(), "closed within the read timeout");
        }
        assertFalse(Files.exists(server.file(bucket, "stalled.bin")));
    }

    @Test
    void headersSentALineAtATimeHaveTheirConnectionClosed() throws Exception {
        try (var connection = new RawConnection(server.port(), ATTACKER)) {
            connection.send("GET /pub/p.txt HTTP/1.1\r\n");
            long started = System.nanoTime();
            boolean open = true;
            for (int i = 0; i < 20 && open; i++) {
                open = connection.send("X-Slow-" + i + ": 1\r\n") && !connection.readUntilClosed(
                        Duration.ofMillis(500)).closedByServer();
            }
            assertFalse(open, "the server closed the connection");
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(6), "within the read timeout");
        }
        assertQuick(() -> s3.getObjectAsBytes(b -> b.bucket("pub").key("p.txt")).asUtf8String());
    }

    /** The normal client's first call loads its classes and opens its connection: not part of what is timed. */
    private void warmUp() {
        s3.getObjectAsBytes(b -> b.bucket("pub").key("p.txt"));
    }

    /** A signed PUT of 100 bytes sent a byte every 300 ms, and what the server answered. */
    private static RawConnection.Received trickle(String bucket, String key) {
        try (var connection = new RawConnection(server.port(), ATTACKER)) {
            connection.send(RawConnection.head(signedPut(bucket, key, 100)));
            for (int i = 0; i < 100; i++) {
                if (!connection.send("x")) {
                    break;
                }
                RawConnection.Received received = connection.readUntilClosed(Duration.ofMillis(300));
                if (!received.text().isEmpty() || received.closedByServer()) {
                    return received.closedByServer() ? received
                            : new RawConnection.Received(received.text(),
                            connection.readUntilClosed(Duration.ofSeconds(3)).closedByServer());
                }
            }
            return connection.readUntilClosed(Duration.ofSeconds(3));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RawRequest signedPut(String bucket, String key, int length) {
        return server.signer().sign(server.request("PUT", "/" + bucket + "/" + key)
                .withHeader("Content-Length", Integer.toString(length)).withBody(new byte[length]));
    }

    private static RawConnection.Received get(InetAddress from, String path) throws IOException {
        try (var connection = new RawConnection(server.port(), from)) {
            connection.send("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            return connection.readUntilClosed(Duration.ofSeconds(10));
        }
    }

    /** Runs a normal client's call and checks it did not wait for the slow ones. */
    private static void assertQuick(ThrowingCall call) throws Exception {
        long started = System.nanoTime();
        call.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(QUICK) < 0, "a normal request took " + took);
    }

    @FunctionalInterface
    private interface ThrowingCall {
        Object run() throws Exception;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * A PUT and a delete of one key at the same moment, through S3 and through the mount: S3 allows
 * either order, so afterwards the object is gone, or it is the PUT's whole, with the PUT's
 * content type and metadata. A delete that removed the row a PUT had just recorded once left the
 * PUT's bytes with neither.
 */
class RacingWritesTest {
    private static final int ROUNDS = 120;

    @RegisterExtension
    @Order(1)
    static final TestServer server = TestServer.empty();

    @RegisterExtension
    @Order(2)
    static final ServerMount mount = ServerMount.of(server);

    private final S3Client s3 = server.client();

    @Test
    void aPutRacingAnS3DeleteKeepsItsMetadataOrIsGone() throws Exception {
        String bucket = server.newBucket("s3-delete");
        race(bucket, () -> s3.deleteObject(b -> b.bucket(bucket).key("racer.txt")));
    }

    @Test
    void aPutRacingADeleteThroughTheMountKeepsItsMetadataOrIsGone() throws Exception {
        String bucket = server.newBucket("mount-delete");
        race(bucket, () -> Files.deleteIfExists(mount.path(bucket, "racer.txt")));
    }

    @Test
    void twoPutsOfOneKeyLeaveOneWholeObjectWithItsOwnMetadata() throws Exception {
        String bucket = server.newBucket("two-puts");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                String[] bodies = {"first " + round, "second writer " + round};
                Future<?>[] puts = new Future<?>[2];
                for (int w = 0; w < 2; w++) {
                    String body = bodies[w];
                    String type = "text/x-writer-" + w;
                    puts[w] = pool.submit(() -> {
                        start.await();
                        return s3.putObject(b -> b.bucket(bucket).key("twice.txt").contentType(type),
                                RequestBody.fromString(body));
                    });
                }
                puts[0].get(30, TimeUnit.SECONDS);
                puts[1].get(30, TimeUnit.SECONDS);
                String stored = Files.readString(server.file(bucket, "twice.txt"));
                String expectedType = stored.equals(bodies[0]) ? "text/x-writer-0" : "text/x-writer-1";
                assertEquals(expectedType, s3.headObject(b -> b.bucket(bucket).key("twice.txt")).contentType(),
                        "round " + round + ": the content type of the PUT whose bytes won (" + stored + ")");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRenameThroughTheMountRacingAPutToItsTargetKeepsEachObjectsMetadata() throws Exception {
        String bucket = server.newBucket("rename-put");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String moved = "moved " + round;
                String put = "put over the target " + round;
                s3.putObject(b -> b.bucket(bucket).key("from.txt").contentType("text/x-moved"),
                        RequestBody.fromString(moved));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> rename = pool.submit(() -> {
                    start.await();
                    return Files.move(mount.path(bucket, "from.txt"), mount.path(bucket, "to.txt"),
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                });
                Future<?> putter = pool.submit(() -> {
                    start.await();
                    return s3.putObject(b -> b.bucket(bucket).key("to.txt").contentType("text/x-put"),
                            RequestBody.fromString(put));
                });
                rename.get(30, TimeUnit.SECONDS);
                putter.get(30, TimeUnit.SECONDS);
                String stored = Files.readString(server.file(bucket, "to.txt"));
                assertEquals(stored.equals(moved) ? "text/x-moved" : "text/x-put",
                        s3.headObject(b -> b.bucket(bucket).key("to.txt")).contentType(),
                        "round " + round + ": the content type of the object whose bytes are there (" + stored + ")");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(String bucket, Step delete) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        int kept = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                s3.putObject(b -> b.bucket(bucket).key("racer.txt"), RequestBody.fromString("to be deleted"));
                String body = "round " + round;
                String tag = Integer.toString(round);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<?> put = pool.submit(() -> {
                    start.await();
                    return s3.putObject(b -> b.bucket(bucket).key("racer.txt").contentType("text/x-racer")
                            .metadata(Map.of("round", tag)), RequestBody.fromString(body));
                });
                Future<?> removal = pool.submit(() -> {
                    start.await();
                    delete.run();
                    return null;
                });
                put.get(30, TimeUnit.SECONDS);
                removal.get(30, TimeUnit.SECONDS);

                Path file = server.file(bucket, "racer.txt");
                if (Files.exists(file)) {
                    kept++;
                    assertEquals(body, Files.readString(file), "round " + round);
                    HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("racer.txt"));
                    assertEquals("text/x-racer", head.contentType(), "round " + round + ": the PUT's content type");
                    assertEquals(Map.of("round", tag), head.metadata(), "round " + round + ": the PUT's metadata");
                    assertEquals(Digests.etag(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)), head.eTag());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(kept > 0, "some rounds ended with the PUT's object (" + kept + " of " + ROUNDS + ")");
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }
}

package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The server and a standalone {@code cubby mount} over one root under load at once: an S3 reader
 * never gets a torn file, and after mixed writes, patches, renames and deletes through every door
 * the sidecar agrees with the files (every ETag is the MD5 of the bytes it names).
 */
class MountConcurrencyTest {
    private static final long LOAD_MILLIS = 6_000;

    @RegisterExtension
    @Order(1)
    static final TestServer server = TestServer.empty();

    @RegisterExtension
    @Order(2)
    static final ServerMount mount = ServerMount.of(server);

    private final S3Client s3 = server.client();

    @Test
    void anS3ReaderGetsOldOrNewBytesNeverATornMix() throws Exception {
        String bucket = server.newBucket("torn");
        List<byte[]> versions = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            versions.add(FixtureTree.seeded(2 * 1024 * 1024 + i * 4096, 100 + i));
        }
        Set<String> known = versions.stream().map(Digests::etag).collect(Collectors.toSet());
        Files.write(mount.path(bucket, "movie.bin"), versions.getFirst());
        long deadline = System.currentTimeMillis() + 4_000;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> writer = pool.submit(() -> {
                int writes = 0;
                while (System.currentTimeMillis() < deadline) {
                    Files.write(mount.path(bucket, "movie.bin"), versions.get(++writes % versions.size()));
                }
                return writes;
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (System.currentTimeMillis() < deadline) {
                    var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("movie.bin"));
                    String actual = Digests.etag(got.asByteArray());
                    assertTrue(known.contains(actual), "read " + got.asByteArray().length + " bytes of no version");
                    assertEquals(actual, got.response().eTag(), "the ETag names the bytes sent");
                    reads++;
                }
                return reads;
            });
            assertTrue(writer.get(30, TimeUnit.SECONDS) > 3, "the writer published several versions");
            assertTrue(reader.get(30, TimeUnit.SECONDS) > 3, "the reader read several times");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A large file edited through the mount (opened without truncation, so the first write
     * copies it) while the shell truncates it in place mid-copy: the edit finishes, and the file
     * ends with the MD5 ETag of its bytes. The copy once spun for ever when the file shrank under it.
     */
    @Test
    void anEditThroughTheMountWhileTheShellShrinksTheFileFinishes() throws Exception {
        String bucket = server.newBucket("shrink");
        Path onDisk = server.file(bucket, "edited.bin");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int delayMillis : new int[] {1, 3, 10, 30}) {
                Files.write(onDisk, FixtureTree.seeded(64 * 1024 * 1024, delayMillis));
                Future<?> editor = pool.submit(() -> {
                    try (var file = new RandomAccessFile(mount.path(bucket, "edited.bin").toFile(), "rw")) {
                        file.write(42);
                    }
                    return null;
                });
                Thread.sleep(delayMillis);
                try (var shell = FileChannel.open(onDisk, StandardOpenOption.WRITE)) {
                    shell.truncate(1);
                }
                editor.get(20, TimeUnit.SECONDS);
                byte[] bytes = Files.readAllBytes(onDisk);
                assertEquals(Digests.etag(bytes), s3.headObject(b -> b.bucket(bucket).key("edited.bin")).eTag(),
                        "after a truncation " + delayMillis + " ms into the edit");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void afterMixedLoadThroughEveryDoorEveryEtagIsTheMd5OfItsFile() throws Exception {
        String bucket = server.newBucket("mixed");
        Files.createDirectories(mount.path(bucket, "d"));
        long deadline = System.currentTimeMillis() + LOAD_MILLIS;
        Map<String, Integer> done = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<?>> workers = new ArrayList<>();
        String[] kinds = {"s3-put", "mount-write", "mount-patch", "mount-rename", "delete-or-disk"};
        for (int w = 0; w < kinds.length; w++) {
            String kind = kinds[w];
            long seed = w;
            workers.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (System.currentTimeMillis() < deadline) {
                    String key = "d/k" + random.nextInt(12);
                    byte[] bytes = FixtureTree.seeded(1 + random.nextInt(300_000), random.nextLong());
                    try {
                        step(kind, bucket, key, bytes, random);
                        done.merge(kind, 1, Integer::sum);
                    } catch (NoSuchFileException | NoSuchKeyException raced) {
                        // another worker removed or renamed the key first
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get(LOAD_MILLIS + 60_000, TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of(kinds), done.keySet(), "every kind of change ran: " + done);

        Set<String> onDisk = new HashSet<>();
        try (Stream<Path> files = Files.list(server.file(bucket, "d"))) {
            for (Path file : files.toList()) {
                onDisk.add("d/" + file.getFileName());
            }
        }
        assertTrue(!onDisk.isEmpty(), "some files remain");
        Map<String, S3Object> listed = s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
                .collect(Collectors.toMap(S3Object::key, o -> o));
        assertEquals(onDisk, listed.keySet().stream().filter(k -> !k.endsWith("/")).collect(Collectors.toSet()));
        for (String key : onDisk) {
            byte[] bytes = Files.readAllBytes(server.file(bucket, key));
            String md5 = Digests.etag(bytes);
            String fromSidecar = listed.get(key).eTag();
            assertTrue(fromSidecar.equals(md5) || fromSidecar.matches("\"[0-9a-f]{32}-1\""),
                    key + ": the sidecar's ETag " + fromSidecar + " is not the MD5 " + md5 + " of the file");
            assertEquals(md5, s3.headObject(b -> b.bucket(bucket).key(key)).eTag(), key);
            assertEquals(bytes.length, listed.get(key).size(), key);
        }
    }

    private void step(String kind, String bucket, String key, byte[] bytes, Random random) throws IOException {
        switch (kind) {
            case "s3-put" -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
            case "mount-write" -> Files.write(mount.path(bucket, key), bytes);
            case "mount-patch" -> {
                try (var file = new RandomAccessFile(mount.path(bucket, key).toFile(), "rw")) {
                    file.seek(random.nextInt((int) Math.max(1, file.length())));
                    file.write(bytes, 0, Math.min(bytes.length, 4096));
                } catch (java.io.FileNotFoundException raced) {
                    throw new NoSuchFileException(key);
                }
            }
            case "mount-rename" -> Files.move(mount.path(bucket, key), mount.path(bucket, "d/k" + random.nextInt(12)),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            case "delete-or-disk" -> {
                switch (random.nextInt(3)) {
                    case 0 -> s3.deleteObject(b -> b.bucket(bucket).key(key));
                    case 1 -> Files.deleteIfExists(mount.path(bucket, key));
                    default -> Files.write(server.file(bucket, key), bytes);
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }
}

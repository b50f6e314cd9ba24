package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * 64 concurrent clients of mixed operations (PUT, GET, HEAD, LIST, DELETE, multipart, copy) for
 * a bounded time ({@code -Dcubby.soak.seconds}, default 40), each over keys of its own so that
 * every answer can be checked exactly. The server process's RSS, open file descriptors and
 * threads are sampled every second: there must be no error, the descriptors and threads must be
 * back near where they started within seconds of the load ending, and the RSS must level off
 * (the last third of the run not above the rest beyond a margin).
 */
class SoakTest {
    private static final int CLIENTS = 64;
    private static final int KEYS_PER_CLIENT = 8;
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("cubby.soak.seconds", 40));
    private static final long MIB = 1024 * 1024;
    /**
     * What may stay above the start after the load: a leak grows with the 64 connections or the
     * thousands of requests. Carrier threads are not counted: the JDK's virtual-thread scheduler
     * adds them while virtual threads block in file I/O (up to its own bound) and retires them
     * after 30 s idle.
     */
    private static final int FD_MARGIN = 8;
    private static final int THREAD_MARGIN = 4;

    /** With the appliance's heap and collector, so that the figures are those of an installed server. */
    @RegisterExtension
    static final TestServer server = TestServer.empty().env("JAVA_TOOL_OPTIONS", applianceMemoryOptions());

    /** One look at the server: {@code carriers} of its {@code threads} run virtual threads. */
    record Sample(long millis, long rssKib, int fds, int threads, int carriers) {
        /** The threads Cubby and Helidon start; carriers come and go with the JDK's scheduler. */
        int ownThreads() {
            return threads - carriers;
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void mixedLoadOf64ClientsLeavesNoErrorsAndNoGrowth() throws Exception {
        String bucket = server.newBucket("soak");
        long pid = server.pid();
        List<Sample> before = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            before.add(sample(pid, 0));
            Thread.sleep(300);
        }
        Sample baseline = before.getLast();

        var errors = new ConcurrentLinkedQueue<String>();
        var ops = new AtomicLong();
        var samples = Collections.synchronizedList(new ArrayList<Sample>());
        long started = System.nanoTime();
        long deadline = started + LOAD.toNanos();
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    samples.add(sample(pid, (System.nanoTime() - started) / 1_000_000));
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    errors.add("sampling: " + e);
                    return;
                }
            }
        });
        try (S3Client s3 = server.client(b -> b.httpClientBuilder(Apache5HttpClient.builder()
                .maxConnections(CLIENTS)))) {
            var done = new CountDownLatch(CLIENTS);
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                Thread.ofPlatform().start(() -> {
                    try {
                        new Client(s3, bucket, client, errors, ops).runUntil(deadline);
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertTrue(done.await(LOAD.toSeconds() + 120, TimeUnit.SECONDS), "the clients did not finish");
        }
        long loadMillis = (System.nanoTime() - started) / 1_000_000;

        // after the load (the client's connections closed): descriptors and threads come back
        Sample settled = null;
        for (int i = 0; i < 10; i++) {
            Thread.sleep(1000);
            settled = sample(pid, (System.nanoTime() - started) / 1_000_000);
            samples.add(settled);
            if (settled.fds() <= baseline.fds() + FD_MARGIN && settled.ownThreads() <= baseline.ownThreads() + THREAD_MARGIN) {
                break;
            }
        }
        sampler.interrupt();
        sampler.join();

        List<Sample> during = samples.stream().filter(s -> s.millis() <= loadMillis).toList();
        long peakRss = during.stream().mapToLong(Sample::rssKib).max().orElse(0);
        int peakFds = during.stream().mapToInt(Sample::fds).max().orElse(0);
        int peakThreads = during.stream().mapToInt(Sample::threads).max().orElse(0);
        int peakCarriers = during.stream().mapToInt(Sample::carriers).max().orElse(0);
        long earlierRss = during.stream().filter(s -> s.millis() < loadMillis * 2 / 3)
                .mapToLong(Sample::rssKib).max().orElse(0);
        long lastThirdRss = during.stream().filter(s -> s.millis() >= loadMillis * 2 / 3)
                .mapToLong(Sample::rssKib).max().orElse(0);
        System.out.printf("soak: %d clients, %d s, %d operations (%.0f/s), %d errors; RSS %d MiB before, peak %d MiB, "
                        + "%d MiB at the end; fds %d before, peak %d, %d after; threads %d before, peak %d, %d after "
                        + "(of which carriers of virtual threads: %d, %d, %d)%n",
                CLIENTS, loadMillis / 1000, ops.get(), ops.get() * 1000.0 / loadMillis, errors.size(),
                baseline.rssKib() / 1024, peakRss / 1024, settled.rssKib() / 1024, baseline.fds(), peakFds,
                settled.fds(), baseline.threads(), peakThreads, settled.threads(), baseline.carriers(), peakCarriers,
                settled.carriers());

        assertEquals(List.of(), errors.stream().limit(20).toList(), errors.size() + " operations failed");
        assertTrue(ops.get() > CLIENTS * 10L, "the load hardly ran: " + ops.get() + " operations");
        assertTrue(settled.fds() <= baseline.fds() + FD_MARGIN, "open descriptors " + baseline.fds() + " before the load, "
                + settled.fds() + " after it");
        assertTrue(settled.ownThreads() <= baseline.ownThreads() + THREAD_MARGIN, "threads other than carriers "
                + baseline.ownThreads() + " before the load, " + settled.ownThreads() + " after it");
        long margin = Math.max(32 * 1024, earlierRss / 10);
        assertTrue(lastThirdRss <= earlierRss + margin, "RSS still growing in the last third of the load: "
                + earlierRss / 1024 + " MiB before it, " + lastThirdRss / 1024 + " MiB in it");
    }

    /** One client: a loop of random operations over its own keys, each answer checked against what it wrote. */
    private record Client(S3Client s3, String bucket, int id, ConcurrentLinkedQueue<String> errors, AtomicLong ops) {
        void runUntil(long deadline) {
            Random random = new Random(id);
            Map<String, byte[]> mine = new HashMap<>();
            String prefix = "c" + id + "/";
            while (System.nanoTime() < deadline) {
                String key = prefix + "k" + random.nextInt(KEYS_PER_CLIENT);
                int dice = random.nextInt(100);
                String op = "?";
                try {
                    if (dice < 30 || mine.isEmpty()) {
                        op = "PUT";
                        byte[] body = FixtureTree.seeded(random.nextInt(64 * 1024), random.nextLong());
                        String etag = s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body)).eTag();
                        assertEquals("\"" + Digests.md5Hex(body) + "\"", etag);
                        mine.put(key, body);
                    } else if (dice < 55) {
                        op = "GET";
                        String existing = any(mine, random);
                        assertArrayEquals(mine.get(existing),
                                s3.getObjectAsBytes(b -> b.bucket(bucket).key(existing)).asByteArray(), existing);
                    } else if (dice < 67) {
                        op = "HEAD";
                        String existing = any(mine, random);
                        assertEquals(mine.get(existing).length,
                                s3.headObject(b -> b.bucket(bucket).key(existing)).contentLength());
                    } else if (dice < 77) {
                        op = "LIST";
                        List<String> listed = s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents()
                                .stream().map(S3Object::key).sorted().toList();
                        assertEquals(mine.keySet().stream().sorted().toList(), listed);
                    } else if (dice < 87) {
                        op = "DELETE";
                        String existing = any(mine, random);
                        s3.deleteObject(b -> b.bucket(bucket).key(existing));
                        mine.remove(existing);
                    } else if (dice < 97 && !mine.containsKey(key)) {
                        op = "COPY";
                        String source = any(mine, random);
                        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
                                .destinationKey(key));
                        mine.put(key, mine.get(source));
                    } else if (dice >= 97) {
                        op = "MULTIPART";
                        byte[] first = FixtureTree.seeded((int) (5 * MIB), random.nextLong());
                        byte[] last = FixtureTree.seeded(random.nextInt(64 * 1024) + 1, random.nextLong());
                        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
                        List<CompletedPart> parts = new ArrayList<>();
                        for (byte[] part : List.of(first, last)) {
                            int number = parts.size() + 1;
                            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload)
                                    .partNumber(number), RequestBody.fromBytes(part)).eTag();
                            parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
                        }
                        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                                .multipartUpload(m -> m.parts(parts)));
                        mine.put(key, MultipartParts.concat(List.of(first, last)));
                    } else {
                        continue; // a copy onto a key already held: S3 refuses a copy onto itself, so pick again
                    }
                    ops.incrementAndGet();
                } catch (Throwable e) {
                    errors.add("client " + id + " " + op + " " + key + ": " + e);
                }
            }
        }

        private static String any(Map<String, byte[]> mine, Random random) {
            List<String> keys = new ArrayList<>(mine.keySet());
            Collections.sort(keys);
            return keys.get(random.nextInt(keys.size()));
        }
    }

    /** The heap, collector and code-cache lines of appliance/jvm.options, the one place they are set. */
    private static String applianceMemoryOptions() {
        try {
            return String.join(" ", Files.readAllLines(Path.of("../appliance/jvm.options")).stream()
                    .map(String::trim).filter(line -> line.startsWith("-X") && !line.contains("@STATE@")
                            && !line.contains("SharedArchive") && !line.startsWith("-Xlog")).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("the soak test runs with appliance/jvm.options", e);
        }
    }

    private static Sample sample(long pid, long millis) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        long rss = 0;
        int threads = 0;
        for (String line : Files.readAllLines(proc.resolve("status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            } else if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.replaceAll("\\D", ""));
            }
        }
        int fds;
        try (Stream<Path> open = Files.list(proc.resolve("fd"))) {
            fds = (int) open.count();
        }
        int carriers = 0;
        try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
            for (Path task : tasks.toList()) {
                try {
                    // comm holds 15 characters: "ForkJoinPool-1-worker-3" reads "ForkJoinPool-1-"
                    if (Files.readString(task.resolve("comm")).startsWith("ForkJoinPool-")) {
                        carriers++;
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while being counted
                }
            }
        }
        return new Sample(millis, rss, fds, threads, carriers);
    }
}

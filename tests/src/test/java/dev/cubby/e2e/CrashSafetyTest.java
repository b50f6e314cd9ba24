package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Crash safety under SIGKILL. Each round runs concurrent writers ({@link CrashWorkload}) against
 * the real server, kills it at a random moment, checks the sidecar it left, starts it again on
 * the same root and checks every key: an acknowledged write that nothing later superseded reads
 * back byte for byte with its ETag and metadata; whatever a key holds is one whole version some
 * writer sent (bytes, ETag, Content-Type and user metadata of the same writer); listings agree
 * with HEAD and GET and show no staging file and no folder nobody made; multipart uploads left
 * open are listable and abortable; no upload folder outlives its upload; the log shows no failed
 * repair. The same, smaller, for {@code cubby mount} killed while files are written through it.
 *
 * <p>{@code -Dcubby.crash.rounds=N} runs more rounds, {@code -Dcubby.crash.seed=S} repeats a run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashSafetyTest {
    private static final int ROUNDS = Integer.getInteger("cubby.crash.rounds", 12);
    private static final long SEED = Long.getLong("cubby.crash.seed", new SecureRandom().nextLong());
    private static final List<String> KEYS = List.of("k0", "k1.txt", "d/k2", "d/e/k3", "a/b/k4", "a/b/c/k5");
    private static final List<String> FOLDERS = List.of("d/", "d/e/", "a/", "a/b/", "a/b/c/");
    private static final int WRITERS = 4;

    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private final CrashLedger ledger = new CrashLedger();
    private final List<String> problems = new ArrayList<>();
    private int checked;
    private int lost;
    private int torn;

    @Test
    @Order(1)
    @Timeout(value = 30, unit = TimeUnit.MINUTES) // the real bound is below, computed from the rounds
    void acknowledgedWritesSurviveAKillAndEveryKeyHoldsOneWholeVersion() {
        // about 5 s a round on 2 busy cores; the budget grows with -Dcubby.crash.rounds
        assertTimeoutPreemptively(Duration.ofSeconds(30 + 10L * ROUNDS), this::killRounds);
    }

    private void killRounds() throws Exception {
        System.out.println("CrashSafetyTest: seed " + SEED + " (-Dcubby.crash.seed=" + SEED + " repeats it), "
                + ROUNDS + " rounds");
        Random random = new Random(SEED);
        String bucket = server.newBucket("crash");
        Map<String, String> start = new HashMap<>();
        KEYS.forEach(key -> start.put(key, CrashLedger.ABSENT));
        ledger.startRound(start);
        int operations = 0;
        int acknowledged = 0;
        var failedRounds = new ArrayList<Integer>();
        for (int round = 1; round <= ROUNDS; round++) {
            int before = problems.size();
            var workload = new CrashWorkload(noRetries(), bucket, KEYS, ledger);
            workload.start(WRITERS, random.nextLong());
            Thread.sleep(300 + random.nextInt(1700));
            server.kill();
            workload.stop().forEach(p -> problems.add("unexpected refusal: " + p));
            int[] counts = ledger.counts();
            operations += counts[0];
            acknowledged += counts[1];
            checkSidecarIntegrity(server.root());
            server.restart();
            ledger.startRound(checkKeys(noRetries(), bucket, round));
            checkUploads(noRetries(), bucket);
            if (problems.size() > before) {
                failedRounds.add(round);
            }
        }
        checkLog(server.log());
        System.out.println("CrashSafetyTest: " + ROUNDS + " kill -9 rounds, " + operations + " operations ("
                + acknowledged + " acknowledged), acknowledged writes checked " + checked + ", lost " + lost
                + ", torn " + torn + "; rounds with problems " + failedRounds);
        assertEquals(List.of(), problems, "seed " + SEED);
        assertTrue(checked > 0, "no acknowledged write was checked: the rounds were too short to say anything");
    }

    @Test
    @Order(2)
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void writesThroughAKilledMountLeaveWholeFilesThatKeepTheirObjectsMetadata() throws Exception {
        Random random = new Random(SEED ^ 0x6d6f756e74L);
        String bucket = server.newBucket("mounted");
        List<String> keys = List.of("m0", "m1.txt", "n/m2");
        S3Client s3 = noRetries();
        Map<String, String> start = new HashMap<>();
        for (String key : keys) {
            byte[] body = FixtureTree.seeded(1000 + random.nextInt(100_000), random.nextLong());
            var original = new CrashLedger.Version("original-" + key, Digests.sha256Hex(body), body.length,
                    Digests.etag(body), Digests.etag(body), "application/x-original-" + key.replace('/', '-'));
            ledger.register(original);
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(original.contentType())
                    .metadata(Map.of(CrashWorkload.WRITER, original.id())),
                    software.amazon.awssdk.core.sync.RequestBody.fromBytes(body));
            start.put(key, original.id());
        }
        ledger.startRound(start);
        ledger.register(new CrashLedger.Version("(empty)", Digests.sha256Hex(new byte[0]), 0, Digests.etag(new byte[0]),
                Digests.etag(new byte[0]), null));
        for (int round = 1; round <= 3; round++) {
            try (CubbyMount mount = CubbyMount.start(server.root())) {
                var writers = new ArrayList<Thread>();
                for (int w = 0; w < 3; w++) {
                    Random own = new Random(random.nextLong());
                    writers.add(Thread.ofPlatform().start(() -> writeThroughMount(mount, bucket, keys, own)));
                }
                Thread.sleep(300 + random.nextInt(1200));
                mount.kill();
                for (Thread writer : writers) {
                    writer.join(30_000);
                }
            }
            // The server ran on: it completes the dead mount's writes where their files landed ...
            ledger.startRound(checkMountedKeys(noRetries(), bucket, keys, start));
            // ... and after its own restart drops the rest with their staged files.
            server.restart();
            ledger.startRound(checkMountedKeys(noRetries(), bucket, keys, start));
        }
        checkLog(server.log());
        System.out.println("CrashSafetyTest: 3 kill -9 rounds of cubby mount, acknowledged writes checked " + checked
                + ", lost " + lost + ", torn " + torn);
        assertEquals(List.of(), problems, "seed " + SEED);
    }

    private void writeThroughMount(CubbyMount mount, String bucket, List<String> keys, Random random) {
        while (true) {
            String key = keys.get(random.nextInt(keys.size()));
            byte[] body = FixtureTree.seeded(random.nextInt(2 * 1024 * 1024), random.nextLong());
            String id = "mount-" + Digests.sha256Hex(body).substring(0, 16);
            ledger.register(new CrashLedger.Version(id, Digests.sha256Hex(body), body.length, Digests.etag(body),
                    Digests.etag(body), null));
            CrashLedger.Op op = ledger.begin(key, id, "(empty)");
            try {
                Files.write(mount.path(bucket, key), body);
                ledger.acknowledge(op);
            } catch (IOException cutByTheKill) {
                return;
            }
        }
    }

    /** Checks every key after a restart; returns what each holds (a version id or ABSENT). */
    private Map<String, String> checkKeys(S3Client s3, String bucket, int round) {
        Map<String, String> found = new TreeMap<>();
        Map<String, Long> sizes = new HashMap<>();
        Map<String, String> etags = new HashMap<>();
        for (String key : KEYS) {
            String where = "round " + round + ", " + key;
            String outcome;
            try {
                ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                GetObjectResponse r = got.response();
                var head = s3.headObject(b -> b.bucket(bucket).key(key));
                if (!head.eTag().equals(r.eTag()) || head.contentLength() != got.asByteArray().length) {
                    problems.add(where + ": HEAD says " + head.eTag() + " " + head.contentLength() + " B, GET "
                            + r.eTag() + " " + got.asByteArray().length + " B");
                }
                outcome = wholeVersion(where, got.asByteArray(), r.eTag(), r.contentType(), r.metadata().get(CrashWorkload.WRITER));
                sizes.put(key, (long) got.asByteArray().length);
                etags.put(key, r.eTag());
            } catch (NoSuchKeyException e) {
                outcome = CrashLedger.ABSENT;
            }
            Set<String> allowed = ledger.allowed(key);
            boolean honoured = allowed.contains(outcome) || allowed.contains(CrashLedger.ANY_VERSION)
                    && !outcome.equals(CrashLedger.ABSENT) && ledger.version(outcome) != null;
            if (!honoured && ledger.version(outcome) != null || !honoured && outcome.equals(CrashLedger.ABSENT)) {
                lost++;
                problems.add(where + ": holds " + outcome + ", but a later acknowledged write left only " + allowed);
            }
            checked += ledger.acknowledgedStanding(key);
            found.put(key, outcome);
        }
        checkListing(s3, bucket, "round " + round, sizes, etags);
        return found;
    }

    /** The version id these bytes and this metadata are, or a description of the tear. */
    private String wholeVersion(String where, byte[] bytes, String etag, String contentType, String writer) {
        CrashLedger.Version version = writer == null ? null : ledger.version(writer);
        if (version == null || !version.sha256().equals(Digests.sha256Hex(bytes))
                || !(etag.equals(version.etag()) || etag.equals(version.md5Etag()))
                || !version.contentType().equals(contentType)) {
            torn++;
            CrashLedger.Version byBytes = ledger.versionWithBytes(Digests.sha256Hex(bytes));
            String tear = "(torn: bytes of " + (byBytes == null ? "nobody" : byBytes.id()) + ", ETag " + etag
                    + ", Content-Type " + contentType + ", writer " + writer + ")";
            problems.add(where + ": " + tear);
            return tear;
        }
        return version.id();
    }

    /** Through the mount the bytes name the version; the metadata stays the object's own. */
    private Map<String, String> checkMountedKeys(S3Client s3, String bucket, List<String> keys,
                                                 Map<String, String> originals) {
        Map<String, String> found = new TreeMap<>();
        Map<String, Long> sizes = new HashMap<>();
        Map<String, String> etags = new HashMap<>();
        for (String key : keys) {
            String where = "mount, " + key;
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
            byte[] bytes = got.asByteArray();
            CrashLedger.Version version = ledger.versionWithBytes(Digests.sha256Hex(bytes));
            CrashLedger.Version original = ledger.version(originals.get(key));
            String outcome = version == null ? "(torn: " + bytes.length + " bytes nobody wrote whole)" : version.id();
            if (version == null || !got.response().eTag().equals(Digests.etag(bytes))
                    || !original.contentType().equals(got.response().contentType())
                    || !original.id().equals(got.response().metadata().get(CrashWorkload.WRITER))) {
                torn++;
                problems.add(where + ": " + outcome + " with ETag " + got.response().eTag() + ", Content-Type "
                        + got.response().contentType() + ", writer " + got.response().metadata().get(CrashWorkload.WRITER));
            }
            if (!ledger.allowed(key).contains(outcome)) {
                lost++;
                problems.add(where + ": holds " + outcome + ", but a later acknowledged write left only "
                        + ledger.allowed(key));
            }
            checked += ledger.acknowledgedStanding(key);
            found.put(key, outcome);
            sizes.put(key, (long) bytes.length);
            etags.put(key, got.response().eTag());
        }
        checkListing(s3, bucket, "mount", sizes, etags);
        return found;
    }

    /** The listing shows exactly the keys GET found, with the same sizes and ETags: no staging file, no phantom folder. */
    private void checkListing(S3Client s3, String bucket, String where, Map<String, Long> sizes, Map<String, String> etags) {
        Map<String, String> listed = new TreeMap<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            listed.put(object.key(), object.size() + " B " + object.eTag());
        }
        Map<String, String> expected = new TreeMap<>();
        sizes.forEach((key, size) -> expected.put(key, size + " B " + etags.get(key)));
        if (!expected.equals(listed)) {
            problems.add(where + ": the listing " + listed + " is not what GET found " + expected);
        }
        for (String folder : FOLDERS) {
            try {
                s3.headObject(b -> b.bucket(bucket).key(folder));
                problems.add(where + ": the folder " + folder + " that nobody made is an object");
            } catch (NoSuchKeyException expectedAbsent) {
                // as it should be: the test never makes folder markers
            }
        }
    }

    /** Uploads the kill left open are listed and can be aborted; none leaves its folder behind. */
    private void checkUploads(S3Client s3, String bucket) throws InterruptedException {
        for (MultipartUpload upload : s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()) {
            try {
                s3.listParts(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            } catch (S3Exception e) {
                problems.add("the open upload " + upload.uploadId() + " of " + upload.key() + " cannot be aborted: "
                        + e.awsErrorDetails().errorCode());
            }
        }
        if (!s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty()) {
            problems.add("uploads are still listed after aborting every one");
        }
        Path uploads = server.root().resolve(".cubby").resolve("uploads");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Path> left = folders(uploads);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            left = folders(uploads);
        }
        if (!left.isEmpty()) {
            problems.add("upload folders without an upload: " + left.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    private static List<Path> folders(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(parent)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The sidecar as the kill left it (the server is down) passes SQLite's own check. */
    private void checkSidecarIntegrity(Path root) throws SQLException {
        String url = "jdbc:sqlite:" + root.resolve(".cubby").resolve("sidecar.db").toAbsolutePath();
        try (var connection = DriverManager.getConnection(url);
             var statement = connection.createStatement();
             var result = statement.executeQuery("PRAGMA integrity_check")) {
            String verdict = result.next() ? result.getString(1) : "(no answer)";
            if (!"ok".equals(verdict)) {
                problems.add("PRAGMA integrity_check: " + verdict);
            }
        }
    }

    /** What the server logs when a repair after a crash fails (see PendingWrites, the sweepers). */
    private void checkLog(String log) {
        log.lines().filter(line -> line.contains("cannot recover") || line.contains("cannot sweep")
                        || line.contains("cannot remove the staged file") || line.contains("cannot forget the pending write")
                        || line.contains("sweeping stale uploads failed"))
                .forEach(line -> problems.add("server log: " + line));
    }

    /** A fresh client per server life: a call the kill cut must fail, not be retried on the next server. */
    private static S3Client noRetries() {
        return server.client(b -> b.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())));
    }
}

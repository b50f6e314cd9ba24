package dev.cubby.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Concurrent writers for a crash test: PUTs of 0 B to 8 MiB, multipart uploads and completions,
 * copies, deletes and overwrites of one small set of keys, each write with its own Content-Type
 * and {@code x-amz-meta-writer}, so that bytes of one write with metadata of another show. Every
 * operation goes into the {@link CrashLedger} before it is sent and is acknowledged there when
 * the server answered; one cut by the kill stays unacknowledged.
 */
final class CrashWorkload {
    static final String WRITER = "writer";
    private static final int MIB = 1024 * 1024;
    private static final AtomicLong IDS = new AtomicLong();

    private final S3Client s3;
    private final String bucket;
    private final List<String> keys;
    private final CrashLedger ledger;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final List<Thread> threads = new ArrayList<>();

    CrashWorkload(S3Client s3, String bucket, List<String> keys, CrashLedger ledger) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keys = keys;
        this.ledger = ledger;
    }

    void start(int writers, long seed) {
        for (int i = 0; i < writers; i++) {
            Random random = new Random(seed + i);
            threads.add(Thread.ofPlatform().name("crash-writer-" + i).start(() -> {
                while (!stop.get()) {
                    step(random);
                }
            }));
        }
    }

    /** After the kill: the writers' calls fail at once; they stop. Returns what the server refused unexpectedly. */
    List<String> stop() throws InterruptedException {
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(30_000);
            if (thread.isAlive()) {
                unexpected.add(thread.getName() + " still runs 30 s after the kill");
            }
        }
        return List.copyOf(unexpected);
    }

    private void step(Random random) {
        String key = keys.get(random.nextInt(keys.size()));
        int dice = random.nextInt(100);
        try {
            if (dice < 45) {
                put(key, random.nextInt(64 * 1024 + 1), random);
            } else if (dice < 55) {
                put(key, 64 * 1024 + random.nextInt(8 * MIB - 64 * 1024 + 1), random);
            } else if (dice < 65) {
                multipart(key, random);
            } else if (dice < 80) {
                String source = keys.get(random.nextInt(keys.size()));
                copy(source.equals(key) ? keys.get((keys.indexOf(key) + 1) % keys.size()) : source, key);
            } else {
                delete(key);
            }
        } catch (SdkClientException cutByTheKill) {
            // unacknowledged: it may have landed or not
        }
    }

    private void put(String key, int size, Random random) {
        byte[] body = FixtureTree.seeded(size, random.nextLong());
        CrashLedger.Version version = register(body, Digests.etag(body));
        CrashLedger.Op op = ledger.begin(key, version.id());
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(version.contentType())
                    .metadata(Map.of(WRITER, version.id())), RequestBody.fromBytes(body));
            ledger.acknowledge(op);
        } catch (S3Exception e) {
            refusedUnexpectedly("PUT " + key, e);
        }
    }

    private void multipart(String key, Random random) {
        List<byte[]> parts = List.of(FixtureTree.seeded(MultipartParts.MIN_PART, random.nextLong()),
                FixtureTree.seeded(1 + random.nextInt(MIB), random.nextLong()));
        CrashLedger.Version version = register(MultipartParts.concat(parts), MultipartParts.etag(parts));
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(version.contentType())
                .metadata(Map.of(WRITER, version.id()))).uploadId();
        var completed = new ArrayList<CompletedPart>();
        for (int n = 1; n <= parts.size(); n++) {
            int number = n;
            String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromBytes(parts.get(n - 1))).eTag();
            completed.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
        }
        CrashLedger.Op op = ledger.begin(key, version.id());
        try {
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(completed)));
            ledger.acknowledge(op);
        } catch (S3Exception e) {
            refusedUnexpectedly("CompleteMultipartUpload " + key, e);
        }
    }

    private void copy(String source, String target) {
        CrashLedger.Op op = ledger.begin(target, CrashLedger.ANY_VERSION);
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey(target));
            ledger.acknowledge(op);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                ledger.refuse(op); // the source was not there: a clean refusal, nothing changed
            } else {
                refusedUnexpectedly("CopyObject " + source + " -> " + target, e);
            }
        }
    }

    private void delete(String key) {
        CrashLedger.Op op = ledger.begin(key, CrashLedger.ABSENT);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(key));
            ledger.acknowledge(op);
        } catch (S3Exception e) {
            refusedUnexpectedly("DELETE " + key, e);
        }
    }

    private CrashLedger.Version register(byte[] body, String etag) {
        String id = "w" + IDS.incrementAndGet();
        var version = new CrashLedger.Version(id, Digests.sha256Hex(body), body.length, etag, Digests.etag(body),
                "application/x-crash-" + id);
        ledger.register(version);
        return version;
    }

    /** Not a cut: the server answered an error it had no reason for. Whether it landed is unknown. */
    private void refusedUnexpectedly(String what, S3Exception e) {
        if (!stop.get()) {
            unexpected.add(what + ": " + e.statusCode() + " " + e.awsErrorDetails().errorCode() + " "
                    + e.awsErrorDetails().errorMessage());
        }
    }
}

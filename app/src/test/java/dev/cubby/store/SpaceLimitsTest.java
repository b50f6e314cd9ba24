package dev.cubby.store;

import dev.cubby.store.space.SpacePolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.SqliteSidecar;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quota bookkeeping over a real tree and sidecar: the start-up walk, own writes, and bodies of unknown size. */
class SpaceLimitsTest {
    private static final int KIB = 1024;

    @TempDir
    Path root;

    @Test
    void startUpWalkCountsFilesAndOwnWritesKeepTheCount() throws Exception {
        Files.createDirectories(root.resolve("capped/old"));
        Files.write(root.resolve("capped/old/file.bin"), new byte[300 * KIB]);
        try (ObjectStore store = open(Map.of("capped", 1024L * KIB))) {
            put(store, "a.bin", bytes(200 * KIB), 200 * KIB);
            assertEquals(500L * KIB, store.space().usage("capped").getAsLong());
            put(store, "a.bin", bytes(100 * KIB), 100 * KIB);
            assertEquals(400L * KIB, store.space().usage("capped").getAsLong(), "an overwrite counts the difference");
            store.delete("capped", "old/file.bin");
            assertEquals(100L * KIB, store.space().usage("capped").getAsLong());
            assertTrue(store.space().usage("other").isEmpty(), "a bucket without a quota is not counted");
        }
    }

    @Test
    void bodyOfUnknownSizeIsStoppedWhenItCrossesTheQuotaAndLeavesNothing() throws Exception {
        Files.createDirectories(root.resolve("capped"));
        try (ObjectStore store = open(Map.of("capped", 3L * 1024 * KIB))) {
            byte[] previous = bytes(KIB);
            put(store, "doc.bin", previous, PutRequest.UNKNOWN_SIZE);
            var refused = assertThrows(StoreException.class,
                    () -> put(store, "doc.bin", bytes(5 * 1024 * KIB), PutRequest.UNKNOWN_SIZE));
            assertEquals(StoreException.Reason.QUOTA_EXCEEDED, refused.reason());
            assertTrue(refused.getMessage().contains("still sending"), refused.getMessage());
            assertArrayEquals(previous, Files.readAllBytes(root.resolve("capped/doc.bin")));
            try (var staged = Files.list(root.resolve(".cubby/tmp"))) {
                assertEquals(0, staged.count(), "the partial file is removed");
            }
            assertEquals((long) KIB, store.space().usage("capped").getAsLong());
            // the refused upload's reservation was released: 3 MiB less what is stored still fits
            put(store, "fits.bin", bytes(3 * 1024 * KIB - KIB), PutRequest.UNKNOWN_SIZE);
        }
    }

    @Test
    void freeSpaceIsStillReadAfterTheBucketThatAskedFirstIsDeleted() throws Exception {
        try (ObjectStore store = open(Map.of(), KIB)) {
            store.createBucket("first");
            put(store, "first", "k", bytes(KIB), KIB);
            store.delete("first", "k");
            store.deleteBucket("first");
            store.createBucket("second");
            byte[] body = bytes(2 * KIB);
            put(store, "second", "k", body, body.length);
            put(store, "second", "unknown-size", body, PutRequest.UNKNOWN_SIZE);
            assertArrayEquals(body, Files.readAllBytes(root.resolve("second/k")));
        }
    }

    @Test
    void aWriteWhoseBucketIsDeletedWhileItsBodyArrivesIsNoSuchBucket() throws Exception {
        try (ObjectStore store = open(Map.of(), KIB)) {
            for (String key : new String[] {"flat.bin", "in/a/folder.bin"}) {
                store.createBucket("going");
                // The body sits in the staging folder, so the bucket's folder is empty and may go meanwhile.
                var body = new ByteArrayInputStream(bytes(4 * KIB)) {
                    @Override
                    public synchronized int read(byte[] b, int off, int len) {
                        if (pos == 0) {
                            store.deleteBucket("going");
                        }
                        return super.read(b, off, len);
                    }
                };
                var refused = assertThrows(StoreException.class, () -> store.put(new PutRequest("going", key, body,
                        ObjectMetadata.NONE, Set.of(), null, digests -> { }, WriteCondition.NONE, 4 * KIB)));
                assertEquals(StoreException.Reason.NO_SUCH_BUCKET, refused.reason(), refused.getMessage());
                assertFalse(Files.exists(root.resolve("going")), "nothing made the bucket's folder again");
                try (var staged = Files.list(root.resolve(".cubby/tmp"))) {
                    assertEquals(0, staged.count(), "the staged body is removed");
                }
            }
        }
    }

    @Test
    void aBucketMadeAgainWithAQuotaIsCountedAfresh() throws Exception {
        Files.createDirectories(root.resolve("capped"));
        try (ObjectStore store = open(Map.of("capped", 300L * KIB))) {
            put(store, "big.bin", bytes(200 * KIB), 200 * KIB);
            Files.delete(root.resolve("capped/big.bin")); // by hand: the count does not know until a rescan
            store.deleteBucket("capped");
            assertTrue(store.space().usage("capped").isEmpty(), "a deleted bucket has no count");
            store.createBucket("capped");
            put(store, "big.bin", bytes(200 * KIB), 200 * KIB);
            assertEquals(200L * KIB, store.space().usage("capped").getAsLong());
        }
    }

    @Test
    void theRescanForgetsTheCountOfABucketDeletedOutsideCubby() throws Exception {
        Files.createDirectories(root.resolve("capped"));
        try (ObjectStore store = new ObjectStore(new Buckets(root, Map.of()),
                SqliteSidecar.open(root.resolve(".cubby/sidecar.db")), 256L << 20, 0,
                new SpacePolicy(Map.of("capped", 300L * KIB), 0, Duration.ofMillis(50)))) {
            put(store, "big.bin", bytes(200 * KIB), 200 * KIB);
            Files.delete(root.resolve("capped/big.bin"));
            Files.delete(root.resolve("capped")); // as a standalone mount or the shell would
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (store.space().usage("capped").isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(store.space().usage("capped").isEmpty(), "the next rescan drops the count of a missing bucket");
            store.createBucket("capped");
            put(store, "big.bin", bytes(200 * KIB), 200 * KIB);
            assertEquals(200L * KIB, store.space().usage("capped").getAsLong());
        }
    }

    private ObjectStore open(Map<String, Long> quotas) {
        return open(quotas, 0);
    }

    private ObjectStore open(Map<String, Long> quotas, long freeSpaceReserve) {
        return new ObjectStore(new Buckets(root, Map.of()), SqliteSidecar.open(root.resolve(".cubby/sidecar.db")),
                256L << 20, 0, new SpacePolicy(quotas, freeSpaceReserve, Duration.ofHours(1)));
    }

    private static void put(ObjectStore store, String key, byte[] body, long declared) {
        put(store, "capped", key, body, declared);
    }

    private static void put(ObjectStore store, String bucket, String key, byte[] body, long declared) {
        store.put(new PutRequest(bucket, key, new ByteArrayInputStream(body), ObjectMetadata.NONE,
                Set.of(ChecksumAlgorithm.CRC64NVME), ChecksumAlgorithm.CRC64NVME, digests -> { }, WriteCondition.NONE,
                declared));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}

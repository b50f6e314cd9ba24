package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    private ObjectStore open(Map<String, Long> quotas) {
        return new ObjectStore(new Buckets(root, Map.of()), SqliteSidecar.open(root.resolve(".cubby/sidecar.db")),
                256L << 20, 0, new SpacePolicy(quotas, 0, Duration.ofHours(1)));
    }

    private static void put(ObjectStore store, String key, byte[] body, long declared) {
        store.put(new PutRequest("capped", key, new ByteArrayInputStream(body), ObjectMetadata.NONE,
                Set.of(ChecksumAlgorithm.CRC64NVME), ChecksumAlgorithm.CRC64NVME, digests -> { }, WriteCondition.NONE,
                declared));
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}

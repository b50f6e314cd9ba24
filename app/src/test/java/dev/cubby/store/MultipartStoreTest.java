package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.ChecksumType;
import dev.cubby.meta.MultipartUpload;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.UploadedPart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartStoreTest {
    static final int MIB = 1024 * 1024;

    @TempDir
    Path root;
    StoreFixture fx;

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(root.resolve("bkt"));
        fx = new StoreFixture(root);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private UploadedPart part(ObjectStore store, MultipartUpload upload, int number, byte[] data) {
        return store.multipart().uploadPart(new PartRequest("bkt", upload.key(), upload.uploadId(), number,
                new ByteArrayInputStream(data), Set.of(ChecksumAlgorithm.CRC32), ChecksumAlgorithm.CRC32, d -> { }));
    }

    private MultipartUpload create(ObjectStore store) {
        return store.multipart().create("bkt", "dir/big.bin", ObjectMetadata.NONE, ChecksumAlgorithm.CRC32, ChecksumType.COMPOSITE,
                java.util.Map.of());
    }

    @Test
    void completionAssemblesTheNamedPartsWithS3sEtagAndSurvivesAReopenedStore() throws Exception {
        byte[] one = bytes(5 * MIB, 1);
        byte[] two = bytes(1000, 2);
        MultipartUpload upload = create(fx.store);
        UploadedPart first = part(fx.store, upload, 1, one);
        fx.close();
        fx = new StoreFixture(root);
        UploadedPart second = part(fx.store, upload, 2, two);
        var result = fx.store.multipart().complete("bkt", "dir/big.bin", upload.uploadId(),
                List.of(new CompletedPart(1, first.etag()), new CompletedPart(2, second.etag())), WriteCondition.NONE,
                checksum -> { });

        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(MessageDigest.getInstance("MD5").digest(one));
        md5.update(MessageDigest.getInstance("MD5").digest(two));
        assertEquals(HexFormat.of().formatHex(md5.digest()) + "-2", result.etag());
        assertTrue(result.checksum().value().endsWith("-2"));
        byte[] onDisk = Files.readAllBytes(root.resolve("bkt/dir/big.bin"));
        assertEquals(one.length + two.length, onDisk.length);
        assertEquals(-1, java.util.Arrays.mismatch(one, java.util.Arrays.copyOf(onDisk, one.length)));
        assertEquals(result.etag(), fx.store.head("bkt", "dir/big.bin").etag());
        assertEquals(2, fx.store.head("bkt", "dir/big.bin").partsCount());
        assertThrows(StoreException.class, () -> fx.store.multipart().parts("bkt", "dir/big.bin", upload.uploadId()));
        try (var left = Files.list(root.resolve(".cubby/uploads"))) {
            assertEquals(0, left.count(), "staging removed");
        }
    }

    @Test
    void s3sCompletionRulesLeaveTheUploadIntactWhenBroken() throws Exception {
        MultipartUpload upload = create(fx.store);
        UploadedPart small = part(fx.store, upload, 1, bytes(100, 3));
        UploadedPart last = part(fx.store, upload, 2, bytes(100, 4));
        var mp = fx.store.multipart();
        String id = upload.uploadId();
        assertEquals(StoreException.Reason.INVALID_PART_ORDER, assertThrows(StoreException.class, () -> mp.complete("bkt",
                upload.key(), id, List.of(new CompletedPart(2, last.etag()), new CompletedPart(1, small.etag())),
                WriteCondition.NONE, c -> { })).reason());
        assertEquals(StoreException.Reason.INVALID_PART, assertThrows(StoreException.class, () -> mp.complete("bkt",
                upload.key(), id, List.of(new CompletedPart(1, "0".repeat(32))), WriteCondition.NONE, c -> { })).reason());
        assertEquals(StoreException.Reason.ENTITY_TOO_SMALL, assertThrows(StoreException.class, () -> mp.complete("bkt",
                upload.key(), id, List.of(new CompletedPart(1, small.etag()), new CompletedPart(2, last.etag())),
                WriteCondition.NONE, c -> { })).reason());
        assertFalse(Files.exists(root.resolve("bkt/dir/big.bin")));
        assertEquals(2, mp.parts("bkt", upload.key(), id).size());
        mp.complete("bkt", upload.key(), id, List.of(new CompletedPart(2, last.etag())), WriteCondition.NONE, c -> { });
        assertEquals(100, Files.size(root.resolve("bkt/dir/big.bin")));
    }

    @Test
    void aResentPartReplacesTheEarlierOneAndAbortRemovesEverything() throws Exception {
        MultipartUpload upload = create(fx.store);
        part(fx.store, upload, 1, bytes(10, 5));
        UploadedPart again = part(fx.store, upload, 1, bytes(20, 6));
        var parts = fx.store.multipart().parts("bkt", upload.key(), upload.uploadId());
        assertEquals(List.of(again), parts);
        fx.store.multipart().abort("bkt", upload.key(), upload.uploadId());
        assertEquals(StoreException.Reason.NO_SUCH_UPLOAD, assertThrows(StoreException.class,
                () -> part(fx.store, upload, 2, bytes(1, 7))).reason());
        assertFalse(Files.exists(root.resolve(".cubby/uploads/" + upload.uploadId())));
    }

    @Test
    void uploadIdsOfOneKeySortInInitiationOrderSoPagingByIdMarkerLosesNone() throws Exception {
        var ids = new java.util.ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(create(fx.store).uploadId());
            Thread.sleep(2);
        }
        var sorted = new java.util.ArrayList<>(ids);
        java.util.Collections.sort(sorted);
        assertEquals(ids, sorted);
        assertEquals(ids, fx.store.multipart().uploads("bkt").stream().map(MultipartUpload::uploadId).toList());
    }

    @Test
    void uploadsOlderThanTheCutoffAreSweptAndOthersKept() {
        MultipartUpload old = create(fx.store);
        assertEquals(0, fx.store.multipart().sweepInitiatedBefore(old.initiated().minusSeconds(1)));
        assertEquals(1, fx.store.multipart().sweepInitiatedBefore(Instant.now().plusSeconds(1)));
        assertTrue(fx.store.multipart().uploads("bkt").isEmpty());
    }

    @Test
    void onlyIfAbsentRefusesAnExistingKeyAndLeavesItWhole() {
        fx.put("bkt", "k", "first");
        var e = assertThrows(StoreException.class, () -> fx.store.put(new PutRequest("bkt", "k",
                new ByteArrayInputStream("second".getBytes()), ObjectMetadata.NONE, Set.of(), null, d -> { },
                new WriteCondition(true, null))));
        assertEquals(StoreException.Reason.PRECONDITION_FAILED, e.reason());
        assertArrayEquals("first".getBytes(), readQuietly(root.resolve("bkt/k")));
    }

    private static byte[] readQuietly(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}

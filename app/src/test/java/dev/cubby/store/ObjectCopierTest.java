package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cubby.meta.ObjectMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectCopierTest {
    @TempDir
    Path root;
    StoreFixture fx;

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.createDirectories(root.resolve("dst"));
        fx = new StoreFixture(root);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private CopyRequest copy(String fromBucket, String fromKey, String toBucket, String toKey, ObjectMetadata replacement) {
        return new CopyRequest(fromBucket, fromKey, toBucket, toKey, source -> { }, replacement, null,
                WriteCondition.NONE);
    }

    private static ObjectMetadata typed(String contentType, String who) {
        return new ObjectMetadata(contentType, null, null, null, null, null, new TreeMap<>(Map.of("who", who)));
    }

    @Test
    void aCopyAcrossBucketsHasTheSameBytesAnMd5EtagAndTheSourcesMetadata() throws Exception {
        fx.store.put(new PutRequest("src", "a/doc.txt", new java.io.ByteArrayInputStream("hello".getBytes()),
                typed("text/x-note", "me"), java.util.Set.of(), null, d -> { }));
        CopyResult result = fx.store.copy(copy("src", "a/doc.txt", "dst", "b/copy.txt", null));
        assertEquals(ObjectStoreTest.md5("hello"), result.etag());
        assertEquals("hello", Files.readString(root.resolve("dst/b/copy.txt")));
        StoredObject copied = fx.store.head("dst", "b/copy.txt");
        assertEquals(ObjectStoreTest.md5("hello"), copied.etag());
        assertEquals("text/x-note", copied.metadata().contentType());
        assertEquals(Map.of("who", "me"), copied.metadata().userMetadata());
        assertEquals("CRC64NVME", result.checksum().algorithm(), "a copy gets a checksum, as a new object does");
        try (Stream<Path> left = Files.list(root.resolve(".cubby/tmp"))) {
            assertEquals(0, left.count(), "no temporary is left behind");
        }
    }

    @Test
    void aReplacingCopyTakesTheGivenMetadata() {
        fx.put("src", "k", "data");
        fx.store.copy(copy("src", "k", "src", "k2", typed("image/png", "you")));
        assertEquals("image/png", fx.store.head("src", "k2").metadata().contentType());
        assertEquals(Map.of("who", "you"), fx.store.head("src", "k2").metadata().userMetadata());
    }

    @Test
    void aCopyOntoItselfWithNewMetadataLeavesTheFileAndEtagAlone() throws Exception {
        fx.put("src", "same.bin", "unchanged");
        Path file = root.resolve("src/same.bin");
        long inode = FileState.of(file).fingerprint().inode();
        var before = fx.store.head("src", "same.bin");
        CopyResult result = fx.store.copy(copy("src", "same.bin", "src", "same.bin", typed("application/x-new", "x")));
        assertEquals(before.etag(), result.etag());
        assertEquals(inode, FileState.of(file).fingerprint().inode(), "the file was not rewritten");
        var after = fx.store.head("src", "same.bin");
        assertEquals(before.etag(), after.etag());
        assertEquals("application/x-new", after.metadata().contentType());
        assertEquals(before.checksum(), after.checksum());
    }

    @Test
    void aCopyOntoItselfOfAFileChangedOutsideCubbyNeverPinsAPlaceholderEtag() throws Exception {
        fx.file("src/samba.bin", "from samba");
        fx.store.copy(copy("src", "samba.bin", "src", "samba.bin", typed("text/plain", "y")));
        var after = fx.store.head("src", "samba.bin");
        assertEquals(ObjectStoreTest.md5("from samba"), after.etag());
        assertEquals("text/plain", after.metadata().contentType());
    }

    @Test
    void aRefusedCopyLeavesTheTargetIntact() throws Exception {
        fx.put("src", "new", "new bytes");
        fx.put("dst", "old", "old bytes");
        var refused = new CopyRequest("src", "new", "dst", "old", source -> {
            throw new IllegalStateException("precondition failed");
        }, null, null, WriteCondition.NONE);
        assertThrows(IllegalStateException.class, () -> fx.store.copy(refused));
        var exists = new CopyRequest("src", "new", "dst", "old", source -> { }, null, null,
                new WriteCondition(true, null));
        assertEquals(StoreException.Reason.PRECONDITION_FAILED,
                assertThrows(StoreException.class, () -> fx.store.copy(exists)).reason());
        assertEquals("old bytes", Files.readString(root.resolve("dst/old")));
        assertEquals(ObjectStoreTest.md5("old bytes"), fx.store.head("dst", "old").etag());
        try (Stream<Path> left = Files.list(root.resolve(".cubby/tmp"))) {
            assertEquals(0, left.count());
        }
    }

    @Test
    void aMissingSourceIsNoSuchKeyAndCreatesNothing() {
        assertEquals(StoreException.Reason.NO_SUCH_KEY, assertThrows(StoreException.class,
                () -> fx.store.copy(copy("src", "nope", "dst", "x", null))).reason());
        assertFalse(Files.exists(root.resolve("dst/x")));
    }
}

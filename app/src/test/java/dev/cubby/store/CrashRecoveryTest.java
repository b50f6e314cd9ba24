package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.PendingWrite;
import dev.cubby.meta.SqliteSidecar;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a crash between a write's steps leaves, made by hand (a pending write recorded, its file
 * renamed or not), and what recovery makes of it: bytes and metadata of one write, never a mix.
 */
class CrashRecoveryTest {
    private static final ObjectMetadata OLD = metadata("text/x-old", "old");
    private static final ObjectMetadata NEW = metadata("text/x-new", "new");

    @TempDir
    Path root;
    StoreFixture fx;

    @BeforeEach
    void open() throws Exception {
        Files.createDirectories(root.resolve("bkt"));
        fx = new StoreFixture(root);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void aWriteCutAfterItsRenameGetsItsOwnMetadataAtTheNextStart() throws Exception {
        put("k.bin", "old bytes", OLD);
        Path staged = stagedPendingWrite("k.bin", "new bytes", NEW, ProcessHandle.current().pid());
        Files.move(staged, root.resolve("bkt/k.bin"), StandardCopyOption.ATOMIC_MOVE);
        reopen();

        StoredObject object = fx.store.head("bkt", "k.bin");
        assertEquals(ObjectStoreTest.md5("new bytes"), object.etag());
        assertEquals(NEW, object.metadata());
    }

    @Test
    void aWriteCutBeforeItsRenameIsDroppedWithItsStagedFileAndTheFoldersMadeForIt() throws Exception {
        put("k.bin", "old bytes", OLD);
        Path staged = stagedPendingWrite("a/b/k.bin", "new bytes", NEW, ProcessHandle.current().pid());
        try (var sidecar = SqliteSidecar.open(root.resolve(".cubby/sidecar.db"))) {
            sidecar.markImplicitFolder("bkt", "a/");
            sidecar.markImplicitFolder("bkt", "a/b/");
        }
        Files.createDirectories(root.resolve("bkt/a/b"));
        reopen();

        assertFalse(Files.exists(staged), "the staged file goes");
        assertFalse(Files.exists(root.resolve("bkt/a")), "the empty folders made for it go");
        assertEquals(OLD, fx.store.head("bkt", "k.bin").metadata());
        assertEquals(List.of("k.bin"), keys());
    }

    @Test
    void aWriteOfAnotherProcessThatLandedIsCompletedWhenItsKeyIsRead() throws Exception {
        put("k.bin", "old bytes", OLD);
        long alive = ProcessHandle.current().parent().orElseThrow().pid();
        Path staged = stagedPendingWrite("k.bin", "new bytes", NEW, alive);
        reopen();
        assertEquals(OLD, fx.store.head("bkt", "k.bin").metadata(), "not landed: another process may still publish it");

        Files.move(staged, root.resolve("bkt/k.bin"), StandardCopyOption.ATOMIC_MOVE);
        assertEquals(NEW, fx.store.head("bkt", "k.bin").metadata());
        assertEquals(ObjectStoreTest.md5("new bytes"), fx.store.head("bkt", "k.bin").etag());
    }

    @Test
    void aFileThatReplacedItsRowsFileNeverInheritsThatRowsMetadata() throws Exception {
        put("photo.jpg", "old bytes", OLD);
        Files.writeString(root.resolve("bkt/photo.jpg"), "bytes written over Samba");

        StoredObject object = fx.store.head("bkt", "photo.jpg");
        assertEquals("image/jpeg", object.metadata().contentType(), "from the extension");
        assertEquals(Map.of(), object.metadata().userMetadata());
        assertEquals(ObjectStoreTest.md5("bytes written over Samba"), object.etag());
        assertEquals(Map.of(), fx.store.head("bkt", "photo.jpg").metadata().userMetadata(), "nor once it is hashed");
    }

    @Test
    void metadataSetThroughTheMountOnAReplacedFileBelongsToThatFile() throws Exception {
        put("doc.txt", "old bytes", OLD);
        Files.writeString(root.resolve("bkt/doc.txt"), "replaced outside Cubby");
        fx.store.localFiles().setMetadata("bkt", "doc.txt", NEW);

        assertEquals(NEW, fx.store.head("bkt", "doc.txt").metadata());
        assertEquals(ObjectStoreTest.md5("replaced outside Cubby"), fx.store.head("bkt", "doc.txt").etag());
        assertEquals(NEW, fx.store.head("bkt", "doc.txt").metadata(), "and still once it is hashed");
    }

    @Test
    void anEmptyFolderCubbyMadeForAKeyIsNoObjectButOneAUserMadeIs() throws Exception {
        try (var sidecar = SqliteSidecar.open(root.resolve(".cubby/sidecar.db"))) {
            sidecar.markImplicitFolder("bkt", "cubbys/");
        }
        Files.createDirectories(root.resolve("bkt/cubbys"));
        Files.createDirectories(root.resolve("bkt/users"));

        assertEquals(List.of("users/"), keys());
        assertThrows(StoreException.class, () -> fx.store.head("bkt", "cubbys/"));
        assertTrue(fx.store.head("bkt", "users/").folderMarker());
    }

    @Test
    void uploadFoldersWithoutTheirUploadAreSweptButLiveOnesStay() throws Exception {
        String live = fx.store.multipart().create("bkt", "big.bin", ObjectMetadata.NONE, null, null, java.util.Map.of()).uploadId();
        Path uploads = root.resolve(".cubby/uploads");
        String leakedId = String.format("%012x", Instant.now().minusSeconds(60).toEpochMilli()) + "0".repeat(20);
        Files.createDirectories(uploads.resolve(leakedId));
        Files.writeString(uploads.resolve(leakedId).resolve("part-1-x"), "staged part");

        assertEquals(1, fx.store.multipart().sweepFoldersWithoutUpload(Instant.now()));
        assertFalse(Files.exists(uploads.resolve(leakedId)));
        assertTrue(Files.isDirectory(uploads.resolve(live)));
    }

    private Path stagedPendingWrite(String key, String content, ObjectMetadata metadata, long pid) throws Exception {
        Path staged = root.resolve(".cubby/tmp/put-crashed-" + key.replace('/', '-'));
        Files.createDirectories(staged.getParent());
        Files.writeString(staged, content);
        var row = new ObjectRecord("bkt", key, FileState.of(staged).fingerprint(), ObjectStoreTest.md5(content),
                metadata, null);
        try (var sidecar = SqliteSidecar.open(root.resolve(".cubby/sidecar.db"))) {
            sidecar.recordPendingWrite(new PendingWrite("crashed-" + key, row, staged.toString(), pid));
        }
        return staged;
    }

    private void put(String key, String content, ObjectMetadata metadata) {
        fx.store.put(new PutRequest("bkt", key, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                metadata, Set.of(ChecksumAlgorithm.CRC64NVME), ChecksumAlgorithm.CRC64NVME, digests -> { }));
    }

    private void reopen() {
        fx.close();
        fx = new StoreFixture(root);
    }

    private List<String> keys() {
        return fx.store.list("bkt", new ListQuery(null, null, null, 1000)).objects().stream().map(ListPage.Entry::key).toList();
    }

    private static ObjectMetadata metadata(String contentType, String writer) {
        return new ObjectMetadata(contentType, null, null, null, null, null, new TreeMap<>(Map.of("writer", writer)));
    }
}

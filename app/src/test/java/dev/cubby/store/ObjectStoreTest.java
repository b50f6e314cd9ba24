package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.meta.SqliteSidecar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectStoreTest {
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

    static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void putWritesThePlainFileAndTheMd5Etag() throws Exception {
        PutResult result = fx.put("bkt", "x/y/z.txt", "hello");
        assertEquals(md5("hello"), result.etag());
        assertEquals("hello", Files.readString(root.resolve("bkt/x/y/z.txt")));
        assertEquals(md5("hello"), fx.store.head("bkt", "x/y/z.txt").etag());
        assertNull(fx.store.head("bkt", "x/y/z.txt").partsCount(), "a single PUT has no parts");
        try (Stream<Path> left = Files.list(root.resolve(".cubby/tmp"))) {
            assertEquals(0, left.count(), "no temporary is left behind");
        }
    }

    @Test
    void aRewriteOutsideCubbyThatKeepsSizeAndMtimeStillGetsTheNewMd5() throws Exception {
        fx.put("bkt", "doc.txt", "aaaa");
        Path file = root.resolve("bkt/doc.txt");
        FileTime mtime = Files.getLastModifiedTime(file);
        Thread.sleep(5);
        Files.writeString(file, "bbbb");
        Files.setLastModifiedTime(file, mtime);
        assertEquals(md5("bbbb"), fx.store.head("bkt", "doc.txt").etag());
    }

    @Test
    void listingsNeverHashButGiveAStablePlaceholderInMultipartForm() throws Exception {
        fx.file("bkt/samba.bin", "written over samba");
        String etag = fx.store.list("bkt", new ListQuery(null, null, null, 10)).objects().getFirst().etag();
        assertTrue(etag.matches("[0-9a-f]{32}-1"), etag);
        assertNotEquals(md5("written over samba"), etag);
        assertEquals(md5("written over samba"), fx.store.head("bkt", "samba.bin").etag());
        assertEquals(md5("written over samba"),
                fx.store.list("bkt", new ListQuery(null, null, null, 10)).objects().getFirst().etag());
    }

    @Test
    void aPlaceholderEtagIsNeverTakenForAOnePartUpload(@TempDir Path other) throws Exception {
        Files.writeString(Files.createDirectories(other.resolve("bkt")).resolve("big.bin"), "too big to hash on read");
        try (var store = new ObjectStore(new Buckets(other, Map.of()),
                SqliteSidecar.open(other.resolve(".cubby/sidecar.db")), 0, 0)) {
            StoredObject object = store.head("bkt", "big.bin");

            assertTrue(object.etag().matches("[0-9a-f]{32}-1"), object.etag());
            assertNull(object.partsCount());
        }
    }

    @Test
    void aFileCannotHoldKeysAndAFolderCannotBeAFile() throws Exception {
        fx.put("bkt", "a", "file");
        var underFile = assertThrows(StoreException.class, () -> fx.put("bkt", "a/b", "x"));
        assertEquals(StoreException.Reason.PATH_CONFLICT, underFile.reason());
        fx.put("bkt", "d/e", "x");
        var overFolder = assertThrows(StoreException.class, () -> fx.put("bkt", "d", "x"));
        assertEquals(StoreException.Reason.PATH_CONFLICT, overFolder.reason());
        assertEquals("file", Files.readString(root.resolve("bkt/a")));
        assertEquals("x", Files.readString(root.resolve("bkt/d/e")));
    }

    @Test
    void foldersCubbyMadeVanishWithTheirLastObjectButUserFoldersStay() throws Exception {
        Files.createDirectories(root.resolve("bkt/user"));
        fx.put("bkt", "user/made/by/cubby.txt", "x");
        fx.store.delete("bkt", "user/made/by/cubby.txt");
        assertFalse(Files.exists(root.resolve("bkt/user/made")));
        assertTrue(Files.isDirectory(root.resolve("bkt/user")));
        assertEquals("user/", fx.store.list("bkt", new ListQuery(null, null, null, 10)).objects().getFirst().key());
    }

    @Test
    void aFolderMarkerIsAFolderThatStaysUntilDeleted() throws Exception {
        fx.put("bkt", "dir/", "");
        assertTrue(Files.isDirectory(root.resolve("bkt/dir")));
        fx.put("bkt", "dir/f", "x");
        fx.store.delete("bkt", "dir/f");
        assertTrue(Files.isDirectory(root.resolve("bkt/dir")), "the marker keeps the folder");
        fx.store.delete("bkt", "dir/");
        assertFalse(Files.exists(root.resolve("bkt/dir")));
        var withBody = assertThrows(StoreException.class, () -> fx.put("bkt", "dir2/", "bytes"));
        assertEquals(StoreException.Reason.FOLDER_WITH_BODY, withBody.reason());
        assertFalse(Files.exists(root.resolve("bkt/dir2")));
    }

    @Test
    void writesThroughASymlinkOutOfTheBucketAreRefusedAndTouchNothing() throws Exception {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.createSymbolicLink(root.resolve("bkt/escape"), outside);
        var e = assertThrows(StoreException.class, () -> fx.put("bkt", "escape/owned.txt", "x"));
        assertEquals(StoreException.Reason.OUTSIDE_BUCKET, e.reason());
        try (Stream<Path> files = Files.list(outside)) {
            assertEquals(0, files.count());
        }
        assertThrows(StoreException.class, () -> fx.store.head("bkt", "escape/anything"));
    }

    @Test
    void aRefusedBodyLeavesThePreviousObjectAndNoTemporary() throws Exception {
        fx.put("bkt", "keep.txt", "old");
        var refused = new RuntimeException("bad digest");
        var e = assertThrows(RuntimeException.class, () -> fx.store.put(new PutRequest("bkt", "keep.txt",
                new java.io.ByteArrayInputStream("new".getBytes(StandardCharsets.UTF_8)),
                dev.cubby.meta.ObjectMetadata.NONE, java.util.Set.of(), null, digests -> {
                    throw refused;
                })));
        assertEquals(refused, e);
        assertArrayEquals("old".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(root.resolve("bkt/keep.txt")));
        try (Stream<Path> left = Files.list(root.resolve(".cubby/tmp"))) {
            assertEquals(0, left.count());
        }
    }
}

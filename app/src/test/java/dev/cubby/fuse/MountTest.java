package dev.cubby.fuse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.meta.ObjectMetadata;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mount against a real libfuse2, in this JVM: what the tree shows, and that each change made
 * through it leaves the sidecar right (a listing, which never hashes, shows the MD5 at once after
 * a sequential write; any other write is hashed on the next HEAD, and never shows a wrong ETag).
 */
class MountTest {
    private static MountedTree tree;

    @BeforeAll
    static void mount() throws Exception {
        tree = new MountedTree(false, "photos", "docs");
    }

    @AfterAll
    static void unmount() throws IOException {
        if (tree != null) {
            tree.close();
        }
    }

    @Test
    void bucketsAreTheTopLevelFoldersAndTheInternalFolderIsHidden() throws IOException {
        Files.createDirectories(tree.root.resolve(".cubby/tmp"));
        Files.createDirectory(tree.root.resolve("Not_A_Bucket"));
        try (Stream<Path> top = Files.list(tree.mountPoint)) {
            List<String> names = top.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("docs", "photos"), names);
        }
        assertFalse(Files.exists(tree.mountPoint.resolve(".cubby")));
    }

    @Test
    void readsTheFilesOnDiskWithTheirSizes() throws IOException {
        byte[] bytes = seeded(300_000, 1);
        Files.write(tree.onDisk("docs", "on-disk.bin"), bytes);
        assertArrayEquals(bytes, Files.readAllBytes(tree.mounted("docs", "on-disk.bin")));
        assertEquals(bytes.length, Files.size(tree.mounted("docs", "on-disk.bin")));
    }

    @Test
    void aSequentialWriteRecordsItsMd5WhileWriting() throws IOException {
        byte[] bytes = seeded(1_000_000, 2);
        Files.write(tree.mounted("photos", "seq.bin"), bytes);

        assertArrayEquals(bytes, Files.readAllBytes(tree.onDisk("photos", "seq.bin")));
        assertEquals(md5(bytes), tree.listedEtag("photos", "seq.bin"));
        assertEquals(md5(bytes), tree.store.head("photos", "seq.bin").etag());

        byte[] rewritten = seeded(400_000, 22);
        Files.write(tree.mounted("photos", "seq.bin"), rewritten); // O_TRUNC: a fresh private copy
        assertEquals(md5(rewritten), tree.listedEtag("photos", "seq.bin"));
    }

    @Test
    void aRandomWriteMarksTheEtagStaleAndItIsRecomputedOnNeed() throws IOException {
        byte[] bytes = seeded(200_000, 3);
        Files.write(tree.mounted("photos", "random.bin"), bytes);
        try (var file = new RandomAccessFile(tree.mounted("photos", "random.bin").toFile(), "rw")) {
            file.seek(1000);
            file.write("patched".getBytes(StandardCharsets.UTF_8));
        }
        System.arraycopy("patched".getBytes(StandardCharsets.UTF_8), 0, bytes, 1000, 7);

        assertArrayEquals(bytes, Files.readAllBytes(tree.onDisk("photos", "random.bin")));
        assertTrue(tree.listedEtag("photos", "random.bin").endsWith("-1"), "stale, not the old MD5");
        assertEquals(md5(bytes), tree.store.head("photos", "random.bin").etag());
        assertEquals(md5(bytes), tree.listedEtag("photos", "random.bin"));
    }

    @Test
    void aWriterReadsItsOwnBytesBeforeClosing() throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(tree.mounted("docs", "rw.txt"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("draft".getBytes(StandardCharsets.UTF_8)));
            var back = java.nio.ByteBuffer.allocate(5);
            channel.read(back, 0);
            assertEquals("draft", new String(back.array(), StandardCharsets.UTF_8));
            assertEquals(5, Files.size(tree.mounted("docs", "rw.txt")));
        }
        assertEquals("draft", Files.readString(tree.onDisk("docs", "rw.txt")));
    }

    @Test
    void truncateAndAppendKeepTheEtagRight() throws IOException {
        Path file = tree.mounted("docs", "grow.txt");
        Files.writeString(file, "hello world");
        Files.writeString(file, " again", StandardOpenOption.APPEND);
        assertEquals(md5("hello world again".getBytes(StandardCharsets.UTF_8)), tree.store.head("docs", "grow.txt").etag());
        try (var f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(5);
        }
        assertEquals("hello", Files.readString(tree.onDisk("docs", "grow.txt")));
        assertEquals(md5("hello".getBytes(StandardCharsets.UTF_8)), tree.store.head("docs", "grow.txt").etag());
    }

    @Test
    void renameMovesTheFileItsEtagAndItsMetadataAcrossBuckets() throws IOException {
        byte[] bytes = seeded(50_000, 4);
        Files.write(tree.mounted("photos", "from.bin"), bytes);
        tree.store.localFiles().setMetadata("photos", "from.bin", ObjectMetadata.NONE.withUserMetadata(Map.of("k", "v")));
        Files.createDirectories(tree.mounted("docs", "moved"));

        Files.move(tree.mounted("photos", "from.bin"), tree.mounted("docs", "moved/to.bin"));

        assertFalse(Files.exists(tree.onDisk("photos", "from.bin")));
        assertArrayEquals(bytes, Files.readAllBytes(tree.onDisk("docs", "moved/to.bin")));
        assertEquals(md5(bytes), tree.listedEtag("docs", "moved/to.bin"), "known without hashing again");
        assertEquals(Map.of("k", "v"), tree.store.head("docs", "moved/to.bin").metadata().userMetadata());
        assertTrue(tree.store.localFiles().metadata("photos", "from.bin").userMetadata().isEmpty());
    }

    @Test
    void renamingAFolderMovesTheMetadataOfEverythingInIt() throws IOException {
        Files.createDirectories(tree.mounted("docs", "album/inner"));
        Files.writeString(tree.mounted("docs", "album/inner/a.txt"), "a");
        tree.store.localFiles().setMetadata("docs", "album/inner/a.txt", ObjectMetadata.NONE.withUserMetadata(Map.of("n", "1")));

        Files.move(tree.mounted("docs", "album"), tree.mounted("docs", "renamed"));

        assertEquals("a", Files.readString(tree.mounted("docs", "renamed/inner/a.txt")));
        assertEquals(Map.of("n", "1"), tree.store.head("docs", "renamed/inner/a.txt").metadata().userMetadata());
        assertEquals(md5("a".getBytes(StandardCharsets.UTF_8)), tree.listedEtag("docs", "renamed/inner/a.txt"));
    }

    @Test
    void unlinkForgetsTheObjectButKeepsItsFolder() throws IOException {
        Files.createDirectories(tree.mounted("docs", "keep"));
        Files.writeString(tree.mounted("docs", "keep/gone.txt"), "x");
        tree.store.localFiles().setMetadata("docs", "keep/gone.txt", ObjectMetadata.NONE.withUserMetadata(Map.of("a", "b")));

        Files.delete(tree.mounted("docs", "keep/gone.txt"));

        assertFalse(Files.exists(tree.onDisk("docs", "keep/gone.txt")));
        assertTrue(Files.isDirectory(tree.onDisk("docs", "keep")));
        assertTrue(tree.store.localFiles().metadata("docs", "keep/gone.txt").userMetadata().isEmpty());
    }

    @Test
    void aFileRemovedWhileOpenIsNotBroughtBackByItsWriter() throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(tree.mounted("docs", "removed.txt"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("lost".getBytes(StandardCharsets.UTF_8)));
            Files.delete(tree.mounted("docs", "removed.txt"));
        }
        assertFalse(Files.exists(tree.onDisk("docs", "removed.txt")));
    }

    @Test
    void aWriterKeepsWritingWhenTheFileIsRemovedBesideTheMountAndDoesNotBringItBack() throws IOException {
        Files.writeString(tree.onDisk("docs", "shared.txt"), "original");
        try (var file = new RandomAccessFile(tree.mounted("docs", "shared.txt").toFile(), "rw")) {
            Files.delete(tree.onDisk("docs", "shared.txt"));
            file.seek(2);
            file.write("X".getBytes(StandardCharsets.UTF_8));
            file.seek(0);
            assertEquals("orXginal", file.readLine());
        }
        assertFalse(Files.exists(tree.onDisk("docs", "shared.txt")));
    }

    @Test
    void aFileRenamedWhileOpenIsPublishedUnderItsNewName() throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(tree.mounted("docs", "draft.tmp"),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            Files.move(tree.mounted("docs", "draft.tmp"), tree.mounted("docs", "final.txt"));
            channel.write(java.nio.ByteBuffer.wrap("final".getBytes(StandardCharsets.UTF_8)));
        }
        assertFalse(Files.exists(tree.onDisk("docs", "draft.tmp")));
        assertEquals("final", Files.readString(tree.onDisk("docs", "final.txt")));
        assertEquals(md5("final".getBytes(StandardCharsets.UTF_8)), tree.listedEtag("docs", "final.txt"));
    }

    @Test
    void namesS3CannotHoldAreRefused() throws IOException {
        assertErrno("Invalid argument", () -> Files.createFile(tree.mounted("docs", ".cubby")));
        assertErrno("Invalid argument", () -> Files.createDirectory(tree.mountPoint.resolve("Bad_Bucket")));
        assertErrno("Invalid argument", () -> Files.createFile(tree.mountPoint.resolve("file-at-top.txt")));
        assertThrows(java.nio.file.FileAlreadyExistsException.class,
                () -> Files.createDirectory(tree.mountPoint.resolve("docs")));
    }

    @Test
    void mkdirAtTheTopMakesABucketAndRmdirRemovesIt() throws IOException {
        Files.createDirectory(tree.mountPoint.resolve("new-bucket"));
        assertTrue(tree.store.listBuckets().stream().anyMatch(b -> b.name().equals("new-bucket")));
        Files.delete(tree.mountPoint.resolve("new-bucket"));
        assertFalse(Files.exists(tree.root.resolve("new-bucket")));
    }

    @Test
    void symlinksStayInsideTheirBucket() throws IOException {
        Files.writeString(tree.mounted("docs", "target.txt"), "linked");
        Files.createSymbolicLink(tree.mounted("docs", "link.txt"), Path.of("target.txt"));
        assertEquals("linked", Files.readString(tree.mounted("docs", "link.txt")));
        assertEquals(Path.of("target.txt"), Files.readSymbolicLink(tree.onDisk("docs", "link.txt")));

        assertErrno("Invalid argument", () -> Files.createSymbolicLink(tree.mounted("docs", "out1"), Path.of("/etc/passwd")));
        assertErrno("Invalid argument", () -> Files.createSymbolicLink(tree.mounted("docs", "out2"), Path.of("../photos")));
    }

    @Test
    void s3MetadataIsReadAndWrittenAsExtendedAttributes() throws IOException {
        Path file = tree.mounted("docs", "meta.txt");
        Files.writeString(file, "with metadata");
        var xattrs = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);

        xattrs.write("s3.content_type", StandardCharsets.UTF_8.encode("text/markdown"));
        xattrs.write("s3.meta.Color", StandardCharsets.UTF_8.encode("blue"));

        var head = tree.store.head("docs", "meta.txt");
        assertEquals("text/markdown", head.metadata().contentType());
        assertEquals(Map.of("color", "blue"), head.metadata().userMetadata());
        assertEquals(md5("with metadata".getBytes(StandardCharsets.UTF_8)), read(xattrs, "s3.etag"));
        assertEquals("blue", read(xattrs, "s3.meta.color"));
        assertEquals(List.of("s3.content_type", "s3.etag", "s3.meta.color"), xattrs.list().stream().sorted().toList());
        assertErrno("Operation not permitted", () -> xattrs.write("s3.etag", StandardCharsets.UTF_8.encode("x")));

        // an edit through the mount keeps the object's metadata
        Files.writeString(file, "edited");
        assertEquals("text/markdown", tree.store.head("docs", "meta.txt").metadata().contentType());
        xattrs.delete("s3.meta.color");
        assertTrue(tree.store.head("docs", "meta.txt").metadata().userMetadata().isEmpty());
    }

    @Test
    void chmodAndUtimensReachTheFile() throws IOException {
        Path file = tree.mounted("docs", "modes.txt");
        Files.writeString(file, "m");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        var time = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2020-01-02T03:04:05Z"));
        Files.setLastModifiedTime(file, time);

        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tree.onDisk("docs", "modes.txt"))));
        assertEquals(time, Files.getLastModifiedTime(tree.onDisk("docs", "modes.txt")));
        assertEquals(md5("m".getBytes(StandardCharsets.UTF_8)), tree.store.head("docs", "modes.txt").etag());
    }

    @Test
    void modeAndTimesSetWhileAFileIsOpenForWritingSurviveItsClose() throws IOException {
        // cp -p and cp -a write, then fchmod and futimens, then close.
        Path file = tree.mounted("docs", "kept-modes.txt");
        var time = java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2001-02-03T04:05:06Z"));
        try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("kept".getBytes(StandardCharsets.UTF_8)));
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.setLastModifiedTime(file, time);
        }

        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(tree.onDisk("docs", "kept-modes.txt"))));
        assertEquals(time, Files.getLastModifiedTime(tree.onDisk("docs", "kept-modes.txt")));
        assertEquals(md5("kept".getBytes(StandardCharsets.UTF_8)), tree.listedEtag("docs", "kept-modes.txt"));
    }

    @Test
    void chmodAndUtimensKeepTheEtagKnownWithoutHashing() throws IOException {
        Path file = tree.mounted("docs", "known.txt");
        Files.writeString(file, "known");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(
                java.time.Instant.parse("2020-01-02T03:04:05Z")));

        // A listing never hashes: it shows the MD5 only when the sidecar row still describes the file.
        assertEquals(md5("known".getBytes(StandardCharsets.UTF_8)), tree.listedEtag("docs", "known.txt"));
    }

    @Test
    void anUnsupportedExtendedAttributeIsRefusedAsNotSupported() throws IOException {
        // Linux's EOPNOTSUPP, which cp -a and rsync -X skip quietly (not macOS's 45, EL2NSYNC on Linux).
        Path file = tree.mounted("docs", "plain-xattr.txt");
        Files.writeString(file, "x");
        var view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        assertErrno("Operation not supported",
                () -> view.write("other", java.nio.ByteBuffer.wrap(new byte[] {1})));
    }

    @Test
    void aFileWhoseFolderIsRenamedWhileOpenIsPublishedUnderTheNewFolder() throws IOException {
        Files.createDirectory(tree.mounted("docs", "folder-before"));
        byte[] bytes = "written while its folder moved".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(tree.mounted("docs", "folder-before/open.txt"))) {
            out.write(bytes, 0, 10);
            Files.move(tree.mounted("docs", "folder-before"), tree.mounted("docs", "folder-after"));
            out.write(bytes, 10, bytes.length - 10);
        }

        assertArrayEquals(bytes, Files.readAllBytes(tree.onDisk("docs", "folder-after/open.txt")));
        assertFalse(Files.exists(tree.onDisk("docs", "folder-before")));
        assertEquals(md5(bytes), tree.listedEtag("docs", "folder-after/open.txt"));
    }

    @Test
    void readdirPagesThroughALargeFolder() throws IOException {
        Files.createDirectories(tree.onDisk("photos", "many"));
        var expected = new TreeMap<String, Boolean>();
        for (int i = 0; i < 3000; i++) {
            String name = "file-with-a-fairly-long-name-to-fill-buffers-" + i;
            Files.createFile(tree.onDisk("photos", "many/" + name));
            expected.put(name, true);
        }
        try (Stream<Path> listed = Files.list(tree.mounted("photos", "many"))) {
            assertEquals(List.copyOf(expected.keySet()), listed.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void statfsReportsTheRootsFilesystem() throws IOException {
        assertTrue(Files.getFileStore(tree.mountPoint).getTotalSpace() > 0);
    }

    private static String read(UserDefinedFileAttributeView view, String name) throws IOException {
        var buffer = java.nio.ByteBuffer.allocate(view.size(name));
        view.read(name, buffer);
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }

    interface Io {
        void run() throws IOException;
    }

    static void assertErrno(String reason, Io io) {
        FileSystemException e = assertThrows(FileSystemException.class, io::run);
        assertTrue(e.getReason() != null && e.getReason().endsWith(reason), e.toString());
    }

    static byte[] seeded(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

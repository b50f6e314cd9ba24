package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files that reach the tree without Cubby (the NAS's own files, Samba, rsync, the shell): they are
 * served with true MD5 ETags, a type from their extension, and every change is noticed at once,
 * even one that keeps the size and the modification time.
 */
class ExternalChangeTest {
    /** The placeholder a listing may show while a file's MD5 is not yet known. */
    private static final Pattern PLACEHOLDER_ETAG = Pattern.compile("\"[0-9a-f]+-1\"");

    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private final S3Client s3 = server.client();

    @Test
    void preExistingFileHasItsMd5AsEtag() {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.JPG_KEY));

        assertEquals(Digests.etag(FixtureTree.jpgBytes()), head.eTag());
        assertEquals(FixtureTree.jpgBytes().length, head.contentLength());
    }

    @Test
    void preExistingFileWithoutMetadataGetsContentTypeFromItsExtension() {
        assertEquals("text/plain", mediaType(s3.headObject(b -> b.bucket(FixtureTree.PHOTOS)
                .key(FixtureTree.README_KEY)).contentType()));
        assertEquals("image/jpeg", mediaType(s3.headObject(b -> b.bucket(FixtureTree.PHOTOS)
                .key(FixtureTree.JPG_KEY)).contentType()));
        assertEquals("text/plain", mediaType(s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS)
                .key(FixtureTree.README_KEY)).response().contentType()));
    }

    @Test
    void preExistingFileIsLastModifiedAtItsMtime() {
        HeadObjectResponse head = s3.headObject(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.JPG_KEY));

        assertEquals(FixtureTree.MTIME, head.lastModified());
    }

    @Test
    void preExistingFileWithSpacesAndUmlautsIsServed() {
        ResponseBytes<GetObjectResponse> got =
                s3.getObjectAsBytes(b -> b.bucket(FixtureTree.DOCS).key(FixtureTree.UNICODE_KEY));

        assertArrayEquals(FixtureTree.unicodeBytes(), got.asByteArray());
        assertEquals(Digests.etag(FixtureTree.unicodeBytes()), got.response().eTag());
    }

    @Test
    void fileWrittenIntoTheTreeWhileRunningIsServedWithItsMd5() throws IOException {
        String bucket = server.newBucket("samba");
        byte[] bytes = FixtureTree.seeded(4_096, 3);
        Path file = server.root().resolve(bucket).resolve("dropped/in.bin");
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);

        assertEquals(Digests.etag(bytes), s3.headObject(b -> b.bucket(bucket).key("dropped/in.bin")).eTag());
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("dropped/in.bin"));
        assertArrayEquals(bytes, got.asByteArray());
        assertEquals(Digests.etag(bytes), got.response().eTag());
    }

    @Test
    void overwriteKeepingSizeAndMtimeShowsTheNewEtagOnHeadAndGet() throws IOException {
        String bucket = server.newBucket("samba");
        Path file = server.root().resolve(bucket).resolve("same-size.txt");
        Files.writeString(file, "version AAAA");
        FileTime mtime = Files.getLastModifiedTime(file);
        assertEquals(Digests.etag(bytes("version AAAA")), s3.headObject(b -> b.bucket(bucket).key("same-size.txt")).eTag());

        overwriteInPlace(file, "version BBBB", mtime);

        assertEquals(Digests.etag(bytes("version BBBB")), s3.headObject(b -> b.bucket(bucket).key("same-size.txt")).eTag());
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(bucket).key("same-size.txt"));
        assertEquals("version BBBB", got.asUtf8String());
        assertEquals(Digests.etag(bytes("version BBBB")), got.response().eTag());
    }

    @Test
    void overwriteOfAnObjectPutOverS3ShowsTheNewEtag() throws IOException {
        String bucket = server.newBucket("samba");
        s3.putObject(b -> b.bucket(bucket).key("put-then-samba.txt").contentType("text/x-original"),
                RequestBody.fromString("from S3 1234"));
        Path file = server.file(bucket, "put-then-samba.txt");

        overwriteInPlace(file, "from SMB 567", Files.getLastModifiedTime(file));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("put-then-samba.txt"));
        assertEquals(Digests.etag(bytes("from SMB 567")), head.eTag());
        assertEquals(12, head.contentLength());
    }

    @Test
    void fileReplacedByRenameKeepingSizeAndMtimeShowsTheNewEtag() throws IOException {
        String bucket = server.newBucket("samba");
        Path file = server.root().resolve(bucket).resolve("rsynced.txt");
        Files.writeString(file, "rsync one");
        FileTime mtime = Files.getLastModifiedTime(file);
        assertEquals(Digests.etag(bytes("rsync one")), s3.headObject(b -> b.bucket(bucket).key("rsynced.txt")).eTag());

        Path temp = file.resolveSibling(".rsynced.txt.tmp");
        Files.writeString(temp, "rsync two");
        Files.setLastModifiedTime(temp, mtime);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertEquals(Digests.etag(bytes("rsync two")), s3.headObject(b -> b.bucket(bucket).key("rsynced.txt")).eTag());
    }

    @Test
    void fileDeletedFromTheTreeIsGone() throws IOException {
        String bucket = server.newBucket("samba");
        s3.putObject(b -> b.bucket(bucket).key("short-lived.txt"), RequestBody.fromString("soon gone"));

        Files.delete(server.file(bucket, "short-lived.txt"));

        assertS3Status(404, () -> s3.headObject(b -> b.bucket(bucket).key("short-lived.txt")));
    }

    @Test
    void listingNeverShowsTheEtagOfOldBytesAfterAnOutsideOverwrite() throws IOException {
        String bucket = server.newBucket("samba");
        Path file = server.root().resolve(bucket).resolve("listed.txt");
        Files.writeString(file, "listing v1");
        FileTime mtime = Files.getLastModifiedTime(file);
        s3.headObject(b -> b.bucket(bucket).key("listed.txt"));

        overwriteInPlace(file, "listing v2", mtime);

        S3Object listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents().getFirst();
        assertNotEquals(Digests.etag(bytes("listing v1")), listed.eTag());
        assertTrue(listed.eTag().equals(Digests.etag(bytes("listing v2")))
                || PLACEHOLDER_ETAG.matcher(listed.eTag()).matches(),
                "the new MD5, or a placeholder in multipart form: " + listed.eTag());
    }

    @Test
    void listingOfUnhashedFilesShowsMd5OrDistinctPlaceholders() throws IOException {
        String bucket = server.newBucket("samba");
        Path dir = server.root().resolve(bucket);
        Files.writeString(dir.resolve("one.txt"), "same size 1");
        Files.writeString(dir.resolve("two.txt"), "same size 2");

        var listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents();

        assertEquals(2, listed.size());
        for (S3Object object : listed) {
            String content = object.key().equals("one.txt") ? "same size 1" : "same size 2";
            assertTrue(object.eTag().equals(Digests.etag(bytes(content)))
                    || PLACEHOLDER_ETAG.matcher(object.eTag()).matches(), object.key() + ": " + object.eTag());
        }
        assertNotEquals(listed.get(0).eTag(), listed.get(1).eTag(), "two different files never share an ETag");
    }

    /**
     * Samba rewriting a file in place just as an S3 PUT of the same key lands: whichever wins,
     * the ETag served afterwards is the MD5 of the bytes on disk, never the PUT's for the
     * shell's bytes (the PUT must not record its ETag for a file changed after its rename).
     */
    @Test
    void anInPlaceRewriteRacingAnS3PutNeverLeavesAWrongEtag() throws Exception {
        String bucket = server.newBucket("race");
        Path file = server.root().resolve(bucket).resolve("contested.bin");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 150; round++) {
                byte[] put = FixtureTree.seeded(20_000 + round, round);
                byte[] samba = FixtureTree.seeded(30_000 + round, -round);
                Files.write(file, samba);
                var s3Put = pool.submit(() -> s3.putObject(b -> b.bucket(bucket).key("contested.bin"),
                        RequestBody.fromBytes(put)));
                // Rewrites the PUT's file the moment it appears under the key, once.
                var inPlace = pool.submit(() -> {
                    Object before = Files.getAttribute(file, "unix:ino");
                    while (!s3Put.isDone() && before.equals(Files.getAttribute(file, "unix:ino"))) {
                        Thread.onSpinWait();
                    }
                    Files.write(file, samba);
                    return null;
                });
                s3Put.get(30, java.util.concurrent.TimeUnit.SECONDS);
                inPlace.get(30, java.util.concurrent.TimeUnit.SECONDS);
                String onDisk = Digests.etag(Files.readAllBytes(file));
                S3Object listed = s3.listObjectsV2(b -> b.bucket(bucket)).contents().getFirst();
                assertTrue(listed.eTag().equals(onDisk) || PLACEHOLDER_ETAG.matcher(listed.eTag()).matches(),
                        "round " + round + ": listed " + listed.eTag() + " for a file whose MD5 is " + onDisk);
                assertEquals(onDisk, s3.headObject(b -> b.bucket(bucket).key("contested.bin")).eTag(), "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Rewrites the file in place (same inode, as Samba does) and sets its mtime back. */
    private static void overwriteInPlace(Path file, String content, FileTime mtime) throws IOException {
        byte[] bytes = bytes(content);
        assertEquals(Files.size(file), bytes.length, "the test means to keep the size");
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, mtime);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The type without parameters such as {@code ; charset=utf-8}. */
    private static String mediaType(String contentType) {
        return contentType == null ? null : contentType.split(";", 2)[0].trim();
    }
}

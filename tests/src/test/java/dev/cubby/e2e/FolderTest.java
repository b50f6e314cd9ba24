package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * How keys map onto folders: nested keys make folders, folders Cubby made vanish with their last
 * object while folders a user made stay, file/folder conflicts are refused, and {@code dir/}
 * markers are folders.
 */
class FolderTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree();

    private final S3Client s3 = server.client();

    @Test
    void nestedKeyCreatesTheFolders() throws IOException {
        String bucket = server.newBucket("nest");

        s3.putObject(b -> b.bucket(bucket).key("a/b/c/d.txt"), RequestBody.fromString("deep"));

        assertTrue(Files.isDirectory(server.file(bucket, "a/b/c")));
        assertEquals("deep", Files.readString(server.file(bucket, "a/b/c/d.txt")));
    }

    @Test
    void deletingTheLastObjectRemovesTheFoldersCubbyMade() throws IOException {
        String bucket = server.newBucket("nest");
        s3.putObject(b -> b.bucket(bucket).key("x/y/z.txt"), RequestBody.fromString("z"));

        s3.deleteObject(b -> b.bucket(bucket).key("x/y/z.txt"));

        assertFalse(Files.exists(server.file(bucket, "x")), "the prefix x/ vanishes as in S3");
        assertTrue(Files.isDirectory(server.root().resolve(bucket)), "the bucket itself stays");
        assertEquals(List.of(), keys(s3.listObjectsV2(b -> b.bucket(bucket))));
    }

    @Test
    void deletingOneOfTwoObjectsKeepsTheSharedFolder() throws IOException {
        String bucket = server.newBucket("nest");
        s3.putObject(b -> b.bucket(bucket).key("p/one.txt"), RequestBody.fromString("1"));
        s3.putObject(b -> b.bucket(bucket).key("p/two.txt"), RequestBody.fromString("2"));

        s3.deleteObject(b -> b.bucket(bucket).key("p/one.txt"));

        assertEquals("2", Files.readString(server.file(bucket, "p/two.txt")));
        assertEquals(List.of("p/two.txt"), keys(s3.listObjectsV2(b -> b.bucket(bucket))));
    }

    @Test
    void deletingTheLastObjectKeepsAFolderTheUserMadeAndListsItAsDirectory() throws IOException {
        String bucket = server.newBucket("nest");
        Files.createDirectories(server.root().resolve(bucket).resolve("user-made"));
        s3.putObject(b -> b.bucket(bucket).key("user-made/f.txt"), RequestBody.fromString("f"));

        s3.deleteObject(b -> b.bucket(bucket).key("user-made/f.txt"));

        assertTrue(Files.isDirectory(server.file(bucket, "user-made")));
        assertEquals(List.of("user-made/"), keys(s3.listObjectsV2(b -> b.bucket(bucket))));
    }

    @Test
    void deletingTheLastObjectKeepsAFolderMadeAsAnS3Marker() throws IOException {
        String bucket = server.newBucket("nest");
        s3.putObject(b -> b.bucket(bucket).key("marked/"), RequestBody.empty());
        s3.putObject(b -> b.bucket(bucket).key("marked/f.txt"), RequestBody.fromString("f"));

        s3.deleteObject(b -> b.bucket(bucket).key("marked/f.txt"));

        assertTrue(Files.isDirectory(server.file(bucket, "marked")));
        assertEquals(List.of("marked/"), keys(s3.listObjectsV2(b -> b.bucket(bucket))));
    }

    @Test
    void putUnderAKeyThatIsAFileAnswersObjectPathConflictAndChangesNothing() throws IOException {
        String bucket = server.newBucket("conflict");
        s3.putObject(b -> b.bucket(bucket).key("a"), RequestBody.fromString("I am a file"));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(409, "ObjectPathConflict",
                () -> s3.putObject(b -> b.bucket(bucket).key("a/b"), RequestBody.fromString("under a file")));
        assertS3Error(409, "ObjectPathConflict",
                () -> s3.putObject(b -> b.bucket(bucket).key("a/b/c"), RequestBody.fromString("deeper")));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertTrue(Files.isRegularFile(server.file(bucket, "a")));
        assertEquals("I am a file", Files.readString(server.file(bucket, "a")));
    }

    @Test
    void putOfAKeyThatIsANonEmptyFolderAnswersObjectPathConflictAndChangesNothing() throws IOException {
        String bucket = server.newBucket("conflict");
        s3.putObject(b -> b.bucket(bucket).key("d/inside.txt"), RequestBody.fromString("inside"));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(409, "ObjectPathConflict",
                () -> s3.putObject(b -> b.bucket(bucket).key("d"), RequestBody.fromString("over a folder")));

        assertEquals(before, TreeSnapshot.of(server.base()));
        assertEquals("inside", Files.readString(server.file(bucket, "d/inside.txt")));
    }

    @Test
    void directoryMarkerPutMakesAFolderThatListsAsAnEmptyObject() throws IOException {
        String bucket = server.newBucket("marker");

        s3.putObject(b -> b.bucket(bucket).key("folder/"), RequestBody.empty());

        assertTrue(Files.isDirectory(server.file(bucket, "folder")));
        ListObjectsV2Response listing = s3.listObjectsV2(b -> b.bucket(bucket));
        assertEquals(List.of("folder/"), keys(listing));
        S3Object marker = listing.contents().getFirst();
        assertEquals(0L, marker.size());
        assertEquals("\"" + Digests.EMPTY_MD5 + "\"", marker.eTag());
        assertEquals(0L, s3.headObject(b -> b.bucket(bucket).key("folder/")).contentLength());
    }

    @Test
    void nestedDirectoryMarkerMakesEveryFolderOnItsPath() throws IOException {
        String bucket = server.newBucket("marker");

        s3.putObject(b -> b.bucket(bucket).key("one/two/"), RequestBody.empty());

        assertTrue(Files.isDirectory(server.file(bucket, "one/two")));
        assertEquals(List.of("one/two/"), keys(s3.listObjectsV2(b -> b.bucket(bucket))));
    }

    @Test
    void deletingAnEmptyDirectoryMarkerRemovesTheFolder() throws IOException {
        String bucket = server.newBucket("marker");
        s3.putObject(b -> b.bucket(bucket).key("m/"), RequestBody.empty());

        s3.deleteObject(b -> b.bucket(bucket).key("m/"));

        assertFalse(Files.exists(server.file(bucket, "m")));
        assertEquals(List.of(), keys(s3.listObjectsV2(b -> b.bucket(bucket))));
    }

    @Test
    void deletingTheMarkerOfANonEmptyFolderKeepsItsObjects() throws IOException {
        String bucket = server.newBucket("marker");
        s3.putObject(b -> b.bucket(bucket).key("m/"), RequestBody.empty());
        s3.putObject(b -> b.bucket(bucket).key("m/kept.txt"), RequestBody.fromString("kept"));

        s3.deleteObject(b -> b.bucket(bucket).key("m/"));

        assertEquals("kept", Files.readString(server.file(bucket, "m/kept.txt")));
        assertTrue(keys(s3.listObjectsV2(b -> b.bucket(bucket))).contains("m/kept.txt"));
    }

    @Test
    void deletingAKeyWithoutSlashNeverRemovesAFolderOfThatName() throws IOException {
        String bucket = server.newBucket("marker");
        Path userFolder = Files.createDirectories(server.root().resolve(bucket).resolve("keep"));

        assertEquals(204, s3.deleteObject(b -> b.bucket(bucket).key("keep")).sdkHttpResponse().statusCode());

        assertTrue(Files.isDirectory(userFolder));
    }

    @Test
    void folderTheUserMadeIsAnEmptyObjectOnHeadAndGet() {
        assertEquals(0L, s3.headObject(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.EMPTY_DIR_KEY)).contentLength());
        assertEquals(0, s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key(FixtureTree.EMPTY_DIR_KEY))
                .asByteArray().length);
    }

    @Test
    void keyBelowAFileIsMissingNotAnError() throws IOException {
        String bucket = server.newBucket("below");
        s3.putObject(b -> b.bucket(bucket).key("file"), RequestBody.fromString("a file"));

        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("file/child")));
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAsBytes(b -> b.bucket(bucket).key("file/")));
        assertEquals(204, s3.deleteObject(b -> b.bucket(bucket).key("file/child")).sdkHttpResponse().statusCode());

        assertEquals("a file", Files.readString(server.file(bucket, "file")));
    }

    private static List<String> keys(ListObjectsV2Response listing) {
        return listing.contents().stream().map(S3Object::key).toList();
    }
}

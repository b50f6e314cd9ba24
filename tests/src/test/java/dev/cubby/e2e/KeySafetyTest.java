package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Keys never reach outside their bucket: dot segments, empty segments and NUL are refused,
 * symlinks that lead out are not followed, the internal {@code .cubby} folder is never a bucket,
 * and the key and segment length limits hold. All requests here are correctly signed, so what
 * refuses them is the key rule, not authentication.
 */
class KeySafetyTest {
    @RegisterExtension
    static final TestServer server = TestServer.withFixtureTree().tree(KeySafetyTest::writeEscapingLinks);

    private final S3Client s3 = server.client();

    /**
     * photos/escape-dir -> outside/, photos/escape.txt and photos/write-escape.txt -> outside/secret.txt,
     * photos/to-docs -> docs/ (another bucket is outside this one too).
     */
    private static void writeEscapingLinks(Path root) throws IOException {
        Path outside = root.resolveSibling("outside");
        Path photos = root.resolve(FixtureTree.PHOTOS);
        Files.createSymbolicLink(photos.resolve("escape-dir"), outside);
        Files.createSymbolicLink(photos.resolve("escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(photos.resolve("write-escape.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(photos.resolve("to-docs"), root.resolve(FixtureTree.DOCS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/photos/a/../b", "/photos/%2e%2e/x", "/photos/a//b", "/photos/./x",
        "/photos/a/%2E%2E/%2E%2E/escape.txt", "/photos/..%2F..%2Foutside%2Fpwned.txt", "/photos/a/%00/b",
        "/photos/nul%00.txt", "/photos/..", "/photos/%2e"})
    void putOfAnUnsafeKeyAnswers400AndCreatesNothingAnywhere(String target) throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = server.sendSigned(server.request("PUT", target)
                .withBody("traversal".getBytes(StandardCharsets.UTF_8)));

        assertEquals(400, response.status(), response::toString);
        S3Assert.assertErrorDocument(response);
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/photos/../../outside/secret.txt", "/photos/%2e%2e/%2e%2e/outside/secret.txt",
        "/photos/..%2F..%2Foutside%2Fsecret.txt", "/photos/2024/../readme.txt", "/photos/2024//a.jpg"})
    void getOfAnUnsafeKeyAnswers400AndReadsNothing(String target) throws IOException {
        RawResponse response = server.sendSigned(server.request("GET", target));

        assertEquals(400, response.status(), response::toString);
        S3Assert.assertErrorDocument(response);
        assertFalse(response.text().contains(TestServer.SECRET_OUTSIDE.trim()));
    }

    @Test
    void deleteOfAnUnsafeKeyAnswers400AndRemovesNothing() throws IOException {
        TreeSnapshot before = TreeSnapshot.of(server.base());

        RawResponse response = server.sendSigned(server.request("DELETE", "/photos/2024/%2e%2e/readme.txt"));

        assertEquals(400, response.status(), response::toString);
        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"escape.txt", "escape-dir/secret.txt", "to-docs/nested/deep/file.bin"})
    void readingThroughASymlinkThatLeavesTheBucketIsRefused(String key) throws IOException {
        S3Exception error = assertThrows(S3Exception.class,
                () -> s3.getObjectAsBytes(b -> b.bucket(FixtureTree.PHOTOS).key(key)));
        assertTrue(error.statusCode() == 403 || error.statusCode() == 404, error.getMessage());
        S3Exception headError = assertThrows(S3Exception.class,
                () -> s3.headObject(b -> b.bucket(FixtureTree.PHOTOS).key(key)));
        assertTrue(headError.statusCode() == 403 || headError.statusCode() == 404, headError.getMessage());

        RawResponse raw = server.sendSigned(server.request("GET", "/photos/" + key));
        assertFalse(raw.text().contains(TestServer.SECRET_OUTSIDE.trim()), raw::toString);
    }

    @Test
    void listingDoesNotFollowSymlinksOutOfTheBucket() {
        List<String> keys = Listings.pagesV2(s3, software.amazon.awssdk.services.s3.model.ListObjectsV2Request
                .builder().bucket(FixtureTree.PHOTOS).build()).stream()
                .flatMap(page -> page.contents().stream()).map(S3Object::key).toList();

        assertFalse(keys.contains("escape-dir/secret.txt"), keys.toString());
        assertFalse(keys.contains("to-docs/nested/deep/file.bin"), keys.toString());
    }

    @Test
    void writingThroughASymlinkThatLeavesTheBucketCreatesNothingOutside() throws IOException {
        Path outside = server.outside();

        S3Exception error = assertThrows(S3Exception.class, () -> s3.putObject(
                b -> b.bucket(FixtureTree.PHOTOS).key("escape-dir/planted.txt"), RequestBody.fromString("planted")));
        assertTrue(error.statusCode() >= 400 && error.statusCode() < 500, error.getMessage());
        assertFalse(Files.exists(outside.resolve("planted.txt")));

        try {
            s3.putObject(b -> b.bucket(FixtureTree.PHOTOS).key("write-escape.txt"), RequestBody.fromString("overwritten"));
        } catch (S3Exception refused) {
            // refusing is as good as replacing the link itself: either way the target is untouched
        }
        assertEquals(TestServer.SECRET_OUTSIDE, Files.readString(outside.resolve("secret.txt")));

        try {
            s3.deleteObject(b -> b.bucket(FixtureTree.PHOTOS).key("escape-dir/secret.txt"));
        } catch (S3Exception refused) {
            // as above
        }
        assertTrue(Files.exists(outside.resolve("secret.txt")));
    }

    @Test
    void internalFolderIsNeverABucket() throws IOException {
        assertTrue(Files.isDirectory(server.root().resolve(".cubby")), "the sidecar lives in <root>/.cubby");
        assertFalse(s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(".cubby")));

        S3Assert.assertRefused(server.sendSigned(server.request("GET", "/.cubby")));
        S3Assert.assertRefused(server.sendSigned(server.request("GET", "/.cubby?list-type=2")));
        S3Assert.assertS3Error(server.sendSigned(server.request("PUT", "/.cubby")), 400, "InvalidBucketName");
    }

    @Test
    void filesOfTheInternalFolderAreNeverServed() throws IOException {
        List<Path> internal = new ArrayList<>();
        try (Stream<Path> files = Files.walk(server.root().resolve(".cubby"))) {
            files.filter(Files::isRegularFile).forEach(internal::add);
        }
        assertFalse(internal.isEmpty(), "the sidecar database lives in <root>/.cubby");
        for (Path file : internal) {
            String target = "/" + SigV4.encode(server.root().relativize(file).toString(), false);
            S3Assert.assertRefused(server.sendSigned(server.request("GET", target)));
        }
    }

    @Test
    void writingIntoTheInternalFolderIsRefused() throws IOException {
        RawResponse response = server.sendSigned(server.request("PUT", "/.cubby/planted.txt")
                .withBody("planted".getBytes(StandardCharsets.UTF_8)));

        S3Assert.assertRefused(response);
        assertFalse(Files.exists(server.root().resolve(".cubby").resolve("planted.txt")));
    }

    @Test
    void keyOfExactly1024BytesIsAccepted() throws IOException {
        String bucket = server.newBucket("long");
        String key = String.join("/", "a".repeat(204), "b".repeat(204), "c".repeat(204), "d".repeat(204),
                "e".repeat(204));
        assertEquals(1024, key.getBytes(StandardCharsets.UTF_8).length);

        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("long"));

        assertEquals("long", Files.readString(server.file(bucket, key)));
    }

    @Test
    void keyOver1024BytesAnswersKeyTooLongError() throws IOException {
        String bucket = server.newBucket("long");
        String key = String.join("/", "a".repeat(204), "b".repeat(204), "c".repeat(204), "d".repeat(204),
                "e".repeat(205));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(400, "KeyTooLongError", () -> s3.putObject(b -> b.bucket(bucket).key(key),
                RequestBody.fromString("too long")));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    @Test
    void segmentOver255BytesAnswers400() throws IOException {
        String bucket = server.newBucket("long");
        String key = "dir/" + "é".repeat(128) + ".txt";
        TreeSnapshot before = TreeSnapshot.of(server.base());

        S3Exception error = assertThrows(S3Exception.class,
                () -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("long name")));

        assertEquals(400, error.statusCode(), error.getMessage());
        assertEquals(before, TreeSnapshot.of(server.base()));
    }
}

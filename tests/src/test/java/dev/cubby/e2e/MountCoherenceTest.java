package dev.cubby.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One tree, three doors: for each way in (S3, the mount, the disk) and each way out, the observer
 * sees the new bytes, the right size and the right MD5 ETag at once, with no restart and no
 * rescan; deletes and renames likewise. The server and {@code cubby mount} run as two processes
 * of the built jar over one root.
 */
class MountCoherenceTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static CubbyMount mount;
    private final S3Client s3 = server.client();

    enum Door { S3, MOUNT, DISK }

    @BeforeAll
    static void mount() throws Exception {
        mount = CubbyMount.start(server.root());
    }

    @AfterAll
    static void unmount() throws InterruptedException {
        if (mount != null) {
            try {
                // 143 (128 + SIGTERM) is how a JVM ends on SIGTERM once its shutdown hooks have run.
                assertEquals(143, mount.stop(), "SIGTERM ends cubby mount; its log:\n" + mount.log());
                assertFalse(mount.isMounted(), "SIGTERM unmounts");
                assertFalse(mount.log().contains("Exception"), "a clean stop logs no failure:\n" + mount.log());
            } finally {
                mount.close();
            }
        }
    }

    static Stream<Arguments> everyWayInAndOut() {
        return Stream.of(Door.values()).flatMap(in -> Stream.of(Door.values()).map(out -> Arguments.of(in, out)));
    }

    @ParameterizedTest(name = "written through {0}, read through {1}")
    @MethodSource("everyWayInAndOut")
    void aWriteIsSeenWithItsBytesSizeAndEtag(Door in, Door out) throws IOException, InterruptedException {
        String bucket = server.newBucket("write");
        String key = "folder/object.bin";
        byte[] first = FixtureTree.seeded(70_000, 1);
        byte[] second = FixtureTree.seeded(123_457, 2);

        write(in, bucket, key, first);
        assertSees(out, bucket, key, first);
        write(in, bucket, key, second);
        assertSees(out, bucket, key, second);
    }

    @ParameterizedTest(name = "deleted through {0}, looked for through {1}")
    @MethodSource("everyWayInAndOut")
    void aDeleteIsSeen(Door in, Door out) throws IOException {
        String bucket = server.newBucket("delete");
        String key = "kept/gone.txt";
        write(Door.S3, bucket, key, "to be deleted".getBytes(StandardCharsets.UTF_8));
        assertSees(out, bucket, key, "to be deleted".getBytes(StandardCharsets.UTF_8));

        switch (in) {
            case S3 -> s3.deleteObject(b -> b.bucket(bucket).key(key));
            case MOUNT -> Files.delete(mount.path(bucket, key));
            case DISK -> Files.delete(server.file(bucket, key));
        }

        assertGone(out, bucket, key);
    }

    @ParameterizedTest(name = "renamed through {0}, read through {1}")
    @MethodSource("everyWayInAndOut")
    void aRenameIsSeen(Door in, Door out) throws IOException {
        String bucket = server.newBucket("rename");
        byte[] bytes = FixtureTree.seeded(33_333, 3);
        write(Door.S3, bucket, "old/name.bin", bytes);
        Files.createDirectories(server.file(bucket, "new"));

        switch (in) {
            case S3 -> {
                s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("old/name.bin")
                        .destinationBucket(bucket).destinationKey("new/name.bin"));
                s3.deleteObject(b -> b.bucket(bucket).key("old/name.bin"));
            }
            case MOUNT -> Files.move(mount.path(bucket, "old/name.bin"), mount.path(bucket, "new/name.bin"));
            case DISK -> Files.move(server.file(bucket, "old/name.bin"), server.file(bucket, "new/name.bin"));
        }

        assertGone(out, bucket, "old/name.bin");
        assertSees(out, bucket, "new/name.bin", bytes);
    }

    @org.junit.jupiter.api.Test
    void metadataSetOverS3IsAnAttributeThroughTheMountAndMovesWithARename() throws IOException {
        String bucket = server.newBucket("meta");
        s3.putObject(b -> b.bucket(bucket).key("a.txt").contentType("text/markdown").metadata(Map.of("color", "blue")),
                RequestBody.fromString("# title"));

        var xattrs = Files.getFileAttributeView(mount.path(bucket, "a.txt"), UserDefinedFileAttributeView.class);
        assertEquals("text/markdown", read(xattrs, "s3.content_type"));
        assertEquals("blue", read(xattrs, "s3.meta.color"));

        xattrs.write("s3.meta.size", StandardCharsets.UTF_8.encode("large"));
        Files.move(mount.path(bucket, "a.txt"), mount.path(bucket, "b.txt"));

        var head = s3.headObject(b -> b.bucket(bucket).key("b.txt"));
        assertEquals("text/markdown", head.contentType());
        assertEquals(Map.of("color", "blue", "size", "large"), head.metadata());
        assertEquals(Digests.etag("# title".getBytes(StandardCharsets.UTF_8)), head.eTag());
    }

    private void write(Door door, String bucket, String key, byte[] bytes) throws IOException {
        switch (door) {
            case S3 -> s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
            case MOUNT -> {
                Files.createDirectories(mount.path(bucket, key).getParent());
                Files.write(mount.path(bucket, key), bytes);
            }
            case DISK -> {
                Files.createDirectories(server.file(bucket, key).getParent());
                Files.write(server.file(bucket, key), bytes);
            }
        }
    }

    private void assertSees(Door door, String bucket, String key, byte[] bytes) throws IOException {
        String etag = Digests.etag(bytes);
        switch (door) {
            case S3 -> {
                // A listing never hashes: it shows the MD5 or, for a file not yet hashed, a
                // placeholder in multipart form; never another MD5.
                S3Object listed = listed(bucket, key).orElseThrow(() -> new AssertionError(key + " is not listed"));
                assertEquals(bytes.length, listed.size());
                assertTrue(listed.eTag().equals(etag) || listed.eTag().matches("\"[0-9a-f]{32}-1\""),
                        "listed ETag " + listed.eTag() + " is neither the MD5 " + etag + " nor a placeholder");
                var head = s3.headObject(b -> b.bucket(bucket).key(key));
                assertEquals(etag, head.eTag());
                assertEquals(bytes.length, head.contentLength());
                var got = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
                assertArrayEquals(bytes, got.asByteArray());
                assertEquals(etag, got.response().eTag());
                assertEquals(etag, listed(bucket, key).orElseThrow().eTag(), "the listing knows the MD5 once hashed");
            }
            case MOUNT -> {
                Path path = mount.path(bucket, key);
                assertEquals(bytes.length, Files.size(path));
                assertArrayEquals(bytes, Files.readAllBytes(path));
                var xattrs = Files.getFileAttributeView(path, UserDefinedFileAttributeView.class);
                assertEquals(etag, "\"" + read(xattrs, "s3.etag") + "\"");
            }
            case DISK -> {
                assertEquals(bytes.length, Files.size(server.file(bucket, key)));
                assertArrayEquals(bytes, Files.readAllBytes(server.file(bucket, key)));
            }
        }
    }

    private void assertGone(Door door, String bucket, String key) {
        switch (door) {
            case S3 -> {
                assertThrows(NoSuchKeyException.class, () -> s3.getObject(b -> b.bucket(bucket).key(key)).close());
                assertTrue(listed(bucket, key).isEmpty(), key + " is still listed");
            }
            case MOUNT -> assertFalse(Files.exists(mount.path(bucket, key)));
            case DISK -> assertFalse(Files.exists(server.file(bucket, key)));
        }
    }

    private Optional<S3Object> listed(String bucket, String key) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(key)).contents().stream()
                .filter(o -> o.key().equals(key)).findFirst();
    }

    static String read(UserDefinedFileAttributeView view, String name) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(view.size(name));
        view.read(name, buffer);
        return new String(buffer.array(), StandardCharsets.UTF_8);
    }
}

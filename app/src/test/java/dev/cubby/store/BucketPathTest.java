package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The symlink rule of {@link BucketPath#resolve}: every shape of path below a bucket, with and
 * without links, gets the answer a full {@code realpath} comparison gives.
 */
class BucketPathTest {
    @TempDir
    Path root;
    private Bucket bucket;
    private Path outside;

    @BeforeEach
    void tree() throws Exception {
        Path dir = Files.createDirectories(root.resolve("bkt"));
        bucket = new Bucket("bkt", dir, root.resolve(".cubby/tmp"), Instant.EPOCH, false);
        outside = Files.createDirectories(root.resolve("outside"));
        Files.createDirectories(dir.resolve("a/b"));
        Files.writeString(dir.resolve("a/b/file"), "x");
        Files.writeString(outside.resolve("secret"), "s");
    }

    private Path resolve(String key) {
        return BucketPath.resolve(bucket, ObjectKey.parse(key));
    }

    private void assertOutside(String key) {
        var e = assertThrows(StoreException.class, () -> resolve(key), key);
        assertEquals(StoreException.Reason.OUTSIDE_BUCKET, e.reason(), key);
    }

    @Test
    void pathsWithoutLinksAreInsideWhetherOrNotTheyExist() {
        assertEquals(bucket.dir().resolve("a/b/file"), resolve("a/b/file"));
        assertDoesNotThrow(() -> resolve("a/b/new"));
        assertDoesNotThrow(() -> resolve("a/new/deeper/still"));
        assertDoesNotThrow(() -> resolve("new"));
        assertDoesNotThrow(() -> resolve("a/b/"));
        assertDoesNotThrow(() -> resolve("a/b/file/under-a-file"), "a file in the middle is not a way out");
    }

    @Test
    void linksOutOfTheBucketAreRefusedWhereverTheyAreOnThePath() throws Exception {
        Files.createSymbolicLink(bucket.dir().resolve("escape"), outside);
        Files.createSymbolicLink(bucket.dir().resolve("a/b/secret"), outside.resolve("secret"));
        Files.createSymbolicLink(bucket.dir().resolve("a/up"), root);
        assertOutside("escape");
        assertOutside("escape/secret");
        assertOutside("escape/new/file");
        assertOutside("a/b/secret");
        assertOutside("a/up/outside/secret");
    }

    @Test
    void danglingLinksAreRefused() throws Exception {
        Files.createSymbolicLink(bucket.dir().resolve("a/dangling"), root.resolve("nowhere"));
        assertOutside("a/dangling");
        assertOutside("a/dangling/file");
    }

    @Test
    void linksThatStayInsideTheBucketAreFollowed() throws Exception {
        Files.createSymbolicLink(bucket.dir().resolve("shortcut"), bucket.dir().resolve("a/b"));
        Files.createSymbolicLink(bucket.dir().resolve("a/relative"), Path.of("b/file"));
        assertDoesNotThrow(() -> resolve("shortcut/file"));
        assertDoesNotThrow(() -> resolve("shortcut/new"));
        assertDoesNotThrow(() -> resolve("a/relative"));
    }

    @Test
    void aBucketFolderThatIsItselfALinkServesWhatLiesBelowIt() throws Exception {
        Path real = Files.createDirectories(root.resolve("elsewhere/photos"));
        Files.writeString(real.resolve("p.jpg"), "jpg");
        Path link = Files.createSymbolicLink(root.resolve("photos"), real);
        bucket = new Bucket("photos", link, root.resolve(".cubby/tmp"), Instant.EPOCH, true);
        assertDoesNotThrow(() -> resolve("p.jpg"));
        assertDoesNotThrow(() -> resolve("new/p.jpg"));
        Files.createSymbolicLink(real.resolve("out"), outside);
        assertOutside("out/secret");
    }

    @Test
    void aBucketFolderThatVanishedIsAnErrorNotAPass() throws Exception {
        Files.delete(bucket.dir().resolve("a/b/file"));
        Files.delete(bucket.dir().resolve("a/b"));
        Files.delete(bucket.dir().resolve("a"));
        Files.delete(bucket.dir());
        assertThrows(UncheckedIOException.class, () -> resolve("a/b/file"));
    }
}

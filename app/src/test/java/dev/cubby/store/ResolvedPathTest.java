package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ResolvedPath} against a real tree, with openat2 and with the fallback walk of kernels
 * before 5.6: what it opens is inside the bucket, and stays the folder or file that was checked
 * when a folder above it is swapped for a link out afterwards.
 */
class ResolvedPathTest {
    @org.junit.jupiter.api.io.TempDir
    Path root;
    private Bucket bucket;
    private Path outside;
    private final boolean beneath = Beneath.openat2Supported;

    @BeforeEach
    void tree() throws Exception {
        Path dir = Files.createDirectories(root.resolve("bkt/a/b"));
        bucket = new Bucket("bkt", root.resolve("bkt"), root.resolve(".cubby/tmp"), Instant.EPOCH, false);
        Files.writeString(dir.resolve("file"), "inside");
        outside = root.resolve("outside");
        Files.createDirectories(outside.resolve("b"));
        Files.writeString(outside.resolve("b/file"), "OUTSIDE");
        Files.writeString(outside.resolve("secret"), "OUTSIDE");
    }

    @AfterEach
    void restore() {
        Beneath.openat2Supported = beneath;
    }

    private void mode(boolean withOpenat2) {
        Beneath.openat2Supported = withOpenat2 && beneath;
    }

    private FileState state(String key) {
        try (ResolvedPath at = ResolvedPath.of(bucket, ObjectKey.parse(key))) {
            return at.state();
        }
    }

    private void assertRefused(String key) {
        var e = assertThrows(StoreException.class, () -> state(key), key);
        assertEquals(StoreException.Reason.OUTSIDE_BUCKET, e.reason(), key);
        assertFalse(e.getMessage().contains(root.toString()), "no server path in " + e.getMessage());
    }

    private void link(String at, Path target) throws Exception {
        Files.createSymbolicLink(bucket.dir().resolve(at), target);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void plainPathsResolveAndMissingOnesAreMissing(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        assertTrue(state("a/b/file").isFile());
        assertTrue(state("a/b/").isFolder());
        assertEquals(FileState.Kind.MISSING, state("a/b/new").kind());
        assertEquals(FileState.Kind.MISSING, state("a/missing/deeper/new").kind());
        assertEquals(FileState.Kind.MISSING, state("a/b/file/under-a-file").kind(), "a file on the way is no way out");
        try (ResolvedPath at = ResolvedPath.of(bucket, ObjectKey.parse("a/missing/new"))) {
            assertFalse(at.parentExists());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void linksOutOfTheBucketLoopsAndDanglingLinksAreRefusedAnywhereOnThePath(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        link("escape", outside);
        link("a/secret", outside.resolve("secret"));
        link("a/up", Path.of("../../outside"));
        link("loop", Path.of("loop"));
        link("a/ping", Path.of("pong"));
        link("a/pong", Path.of("ping"));
        link("a/dangling", Path.of("nowhere"));
        for (String key : new String[]{"escape", "escape/secret", "escape/new/file", "a/secret", "a/up/secret",
            "loop", "loop/x", "a/ping", "a/pong/x", "a/dangling", "a/dangling/file"}) {
            assertRefused(key);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true})
    void linksThatStayInsideTheBucketAreFollowedRelativeOrAbsolute(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        link("relative", Path.of("a/b"));
        link("a/b/sibling", Path.of("../b/file"));
        link("absolute", bucket.dir().resolve("a/b"));
        link("a/absolute-file", bucket.dir().resolve("a/b/file"));
        assertTrue(state("relative/file").isFile());
        assertTrue(state("a/b/sibling").isFile());
        assertTrue(state("absolute/file").isFile());
        assertTrue(state("a/absolute-file").isFile());
        assertEquals(FileState.Kind.MISSING, state("absolute/new").kind());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void theFallbackWalkRefusesEveryLinkAndOpenat2NoneInside(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        link("relative", Path.of("a/b"));
        if (withOpenat2 && beneath) {
            assertTrue(state("relative/file").isFile());
        } else {
            assertRefused("relative/file");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anEntryStaysInTheFolderOpenedWhenThatFolderIsSwappedForALinkOut(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        try (ResolvedPath at = ResolvedPath.of(bucket, ObjectKey.parse("a/b/new"))) {
            Files.move(bucket.dir().resolve("a"), bucket.dir().resolve("a-moved"));
            link("a", outside);
            Files.writeString(at.entry(), "written");
            Files.delete(at.entry());
            Files.writeString(at.entry(), "written");
        }
        assertEquals("written", Files.readString(bucket.dir().resolve("a-moved/b/new")));
        assertFalse(Files.exists(outside.resolve("b/new")));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOpenedFileIsTheOneCheckedWhateverItsPathLeadsToLater(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        try (ResolvedPath at = ResolvedPath.of(bucket, ObjectKey.parse("a/b/file"))) {
            assertTrue(at.state().isFile());
            Files.move(bucket.dir().resolve("a"), bucket.dir().resolve("a-moved"));
            link("a", outside);
            assertEquals("inside", Files.readString(at.opened()));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void openingParentsMakesWhatIsMissingAndRefusesALinkOut(boolean withOpenat2) throws Exception {
        mode(withOpenat2);
        try (ResolvedPath at = ResolvedPath.of(bucket, ObjectKey.parse("a/new/deeper/file"))) {
            at.openParents((folder, name, depth) -> Files.createDirectory(folder.entry(name)));
            Files.writeString(at.entry(), "x");
        }
        assertEquals("x", Files.readString(bucket.dir().resolve("a/new/deeper/file")));
        try (ResolvedPath at = ResolvedPath.of(bucket, ObjectKey.parse("a/new/deeper/f"))) {
            Files.delete(bucket.dir().resolve("a/new/deeper/file"));
            Files.delete(bucket.dir().resolve("a/new/deeper"));
            link("a/new/deeper", outside);
            var e = assertThrows(StoreException.class,
                    () -> at.openParents((folder, name, depth) -> Files.createDirectory(folder.entry(name))));
            assertEquals(StoreException.Reason.OUTSIDE_BUCKET, e.reason());
        }
        try (var files = Files.list(outside)) {
            assertEquals(2, files.count(), "nothing made outside");
        }
    }
}

package dev.cubby.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSidecarTest {
    @TempDir
    Path dir;

    @Test
    void rowsSurviveReopeningAndChildrenAreFoundByFolder() {
        var meta = new ObjectMetadata("text/plain", "max-age=1", null, "gzip", null, null,
                new TreeMap<>(Map.of("who", "me & you=1")));
        var fp = new Fingerprint(5, 1, 2, 3);
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(new ObjectRecord("b", "a/x.txt", fp, "etag1", meta, new StoredChecksum("CRC32", "AAAAAA==")));
            sidecar.put(new ObjectRecord("b", "a/sub/", null, "d41d8cd98f00b204e9800998ecf8427e", ObjectMetadata.NONE, null));
            sidecar.put(new ObjectRecord("b", "top", fp, "etag2", ObjectMetadata.NONE, null));
        }
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var row = sidecar.find("b", "a/x.txt").orElseThrow();
            assertEquals(meta, row.metadata());
            assertTrue(row.describes(fp));
            assertEquals(java.util.Set.of("x.txt", "sub/"), sidecar.findChildren("b", "a/").keySet());
            assertEquals(java.util.Set.of("top"), sidecar.findChildren("b", "").keySet());
        }
    }

    @Test
    void recordingANewEtagKeepsMetadataAndDropsAChecksumOfOtherBytes() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var meta = new ObjectMetadata("image/png", null, null, null, null, null, new TreeMap<>());
            sidecar.put(new ObjectRecord("b", "k", new Fingerprint(1, 1, 1, 1), "old", meta,
                    new StoredChecksum("CRC32", "x")));
            sidecar.recordEtag("b", "k", new Fingerprint(1, 1, 2, 1), "old", true,
                    sidecar.find("b", "k").orElse(null));
            assertEquals("x", sidecar.find("b", "k").orElseThrow().checksum().value(), "same bytes keep it");
            sidecar.recordEtag("b", "k", new Fingerprint(2, 2, 3, 1), "new", true,
                    sidecar.find("b", "k").orElse(null));
            var row = sidecar.find("b", "k").orElseThrow();
            assertEquals("new", row.etag());
            assertEquals("image/png", row.metadata().contentType());
            assertNull(row.checksum());
            sidecar.recordEtag("b", "fresh", new Fingerprint(3, 3, 3, 3), "e", true,
                    sidecar.find("b", "fresh").orElse(null));
            assertEquals("e", sidecar.find("b", "fresh").orElseThrow().etag());
        }
    }

    @Test
    void anEtagHashedFromBytesAWriterReplacedMeanwhileLeavesTheWritersRow() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(new ObjectRecord("b", "k", new Fingerprint(1, 1, 1, 1), "old", ObjectMetadata.NONE, null));
            ObjectRecord seenBeforeHashing = sidecar.find("b", "k").orElseThrow();
            var putMeta = new ObjectMetadata("text/x-put", null, null, null, null, null, new TreeMap<>(Map.of("w", "7")));
            var putRow = new ObjectRecord("b", "k", new Fingerprint(9, 9, 9, 9), "put", putMeta, null);
            sidecar.put(putRow); // a PUT replaced the file and wrote its row while the reader hashed
            sidecar.recordEtag("b", "k", new Fingerprint(2, 2, 2, 2), "hashed", false, seenBeforeHashing);
            assertEquals(putRow, sidecar.find("b", "k").orElseThrow(), "the newer row is kept whole");
            sidecar.recordEtag("b", "none", new Fingerprint(3, 3, 3, 3), "e", false,
                    new ObjectRecord("b", "none", new Fingerprint(1, 1, 1, 1), "gone", ObjectMetadata.NONE, null));
            assertTrue(sidecar.find("b", "none").isEmpty(), "a row deleted meanwhile is not made again");
        }
    }

    @Test
    void recordingTheEtagOfAFileThatReplacedTheRowsDropsItsMetadata() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var meta = new ObjectMetadata("image/png", null, null, null, null, null, new TreeMap<>(Map.of("a", "1")));
            sidecar.put(new ObjectRecord("b", "k", new Fingerprint(1, 1, 1, 1), "old", meta, null));
            sidecar.recordEtag("b", "k", new Fingerprint(2, 2, 2, 2), "new", false,
                    sidecar.find("b", "k").orElse(null));
            var row = sidecar.find("b", "k").orElseThrow();
            assertEquals("new", row.etag());
            assertEquals(ObjectMetadata.NONE, row.metadata());
        }
    }

    @Test
    void aPendingWriteIsCompletedIntoItsRowOrForgottenInOneCommit() {
        var meta = new ObjectMetadata("text/x-pending", null, null, null, null, null, new TreeMap<>(Map.of("w", "1")));
        var staged = new ObjectRecord("b", "a/k", new Fingerprint(5, 6, 7, 8), "etag", meta, null);
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.recordPendingWrite(new PendingWrite("w1", staged, "/staging/put-1", 42));
            sidecar.recordPendingWrite(new PendingWrite("w2", staged, "/staging/put-2", 43));
            assertEquals(java.util.Set.of("w1", "w2"), sidecar.pendingWrites("b", "a/k").stream()
                    .map(PendingWrite::id).collect(java.util.stream.Collectors.toSet()));
            assertEquals(new PendingWrite("w1", staged, "/staging/put-1", 42), sidecar.pendingWrites().stream()
                    .filter(w -> w.id().equals("w1")).findFirst().orElseThrow());

            var published = staged.withVersion(new Fingerprint(5, 6, 9, 8), "etag", null);
            assertTrue(sidecar.completePendingWrite("w1", published, () -> true));
            assertEquals(published, sidecar.find("b", "a/k").orElseThrow());
            assertEquals(false, sidecar.completePendingWrite("w2", staged, () -> false));
            assertEquals(published, sidecar.find("b", "a/k").orElseThrow(), "a refused completion writes no row");
            assertTrue(sidecar.pendingWrites().isEmpty());
        }
    }

    @Test
    void everyFieldOfARowComesBackFromFindAndFindChildren() {
        var full = new ObjectRecord("b", "a/x.txt", new Fingerprint(5, 6, 7, 8), "etag",
                new ObjectMetadata("text/plain", "no-cache", "attachment", "gzip", "de", "Wed, 21 Oct 2015 07:28:00 GMT",
                        new TreeMap<>(Map.of("a", "1", "b", "2"))),
                new StoredChecksum("CRC64NVME", "AAAAAAAAAAA="));
        var marker = new ObjectRecord("b", "a/sub/", null, "d41d8cd98f00b204e9800998ecf8427e", ObjectMetadata.NONE, null);
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(full);
            sidecar.put(marker);
            sidecar.recordEtag("b", "a/seen", new Fingerprint(1, 2, 3, 4), "md5", false,
                    sidecar.find("b", "a/seen").orElse(null));
            for (int round = 0; round < 2; round++) { // the second round runs on statements already compiled
                assertEquals(full, sidecar.find("b", "a/x.txt").orElseThrow());
                assertEquals(marker, sidecar.find("b", "a/sub/").orElseThrow());
                var seen = new ObjectRecord("b", "a/seen", new Fingerprint(1, 2, 3, 4), "md5", ObjectMetadata.NONE, null);
                assertEquals(Map.of("x.txt", full, "sub/", marker, "seen", seen), sidecar.findChildren("b", "a/"));
                assertTrue(sidecar.find("b", "a/none").isEmpty());
                assertEquals(3, sidecar.objectCount());
            }
        }
    }

    @Test
    void implicitFoldersAreRememberedPerBucket() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.markImplicitFolder("b", "a/");
            assertTrue(sidecar.isImplicitFolder("b", "a/"));
            assertFalse(sidecar.isImplicitFolder("c", "a/"));
            sidecar.deleteBucket("b");
            assertFalse(sidecar.isImplicitFolder("b", "a/"));
        }
    }

    @Test
    void movingAFolderMovesEveryRowTagAndImplicitMarkUnderIt() {
        var fp = new Fingerprint(1, 1, 1, 1);
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(new ObjectRecord("b", "a/x.txt", fp, "e1", ObjectMetadata.NONE, null));
            sidecar.put(new ObjectRecord("b", "a/deep/y.txt", fp, "e2", ObjectMetadata.NONE, null));
            sidecar.put(new ObjectRecord("b", "a/", null, "d41d8cd98f00b204e9800998ecf8427e", ObjectMetadata.NONE, null));
            sidecar.put(new ObjectRecord("b", "ab.txt", fp, "e3", ObjectMetadata.NONE, null));
            sidecar.tags().replace("b", "a/x.txt", Map.of("t", "1"));
            sidecar.markImplicitFolder("b", "a/deep/");
            sidecar.put(new ObjectRecord("c", "z/stale.txt", fp, "old", ObjectMetadata.NONE, null));

            sidecar.move("b", "a/", "c", "z/");

            assertEquals("e1", sidecar.find("c", "z/x.txt").orElseThrow().etag());
            assertEquals("e2", sidecar.find("c", "z/deep/y.txt").orElseThrow().etag());
            assertTrue(sidecar.find("c", "z/").isPresent());
            assertEquals(Map.of("t", "1"), sidecar.tags().find("c", "z/x.txt"));
            assertTrue(sidecar.isImplicitFolder("c", "z/deep/"));
            assertEquals(java.util.Set.of("x.txt"), sidecar.findChildren("c", "z/").keySet());
            assertEquals(java.util.Set.of("y.txt"), sidecar.findChildren("c", "z/deep/").keySet());
            assertEquals(java.util.Set.of("z/"), sidecar.findChildren("c", "").keySet());
            assertTrue(sidecar.find("c", "z/stale.txt").isEmpty(), "rows at the new name described what was replaced");
            assertTrue(sidecar.find("b", "a/x.txt").isEmpty());
            assertEquals("e3", sidecar.find("b", "ab.txt").orElseThrow().etag(), "a sibling sharing the prefix stays");
        }
    }

    @Test
    void settingMetadataKeepsTheEtagAndTagsOrAddsARowWithoutAVersion() {
        var fp = new Fingerprint(1, 1, 1, 1);
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(new ObjectRecord("b", "k", fp, "e", ObjectMetadata.NONE, null));
            sidecar.tags().replace("b", "k", Map.of("t", "1"));
            var meta = ObjectMetadata.NONE.withUserMetadata(Map.of("m", "v"));

            sidecar.putMetadata("b", "k", meta);
            sidecar.putMetadata("b", "new", meta);

            var row = sidecar.find("b", "k").orElseThrow();
            assertEquals("e", row.etag());
            assertTrue(row.describes(fp));
            assertEquals(meta, row.metadata());
            assertEquals(Map.of("t", "1"), sidecar.tags().find("b", "k"));
            var fresh = sidecar.find("b", "new").orElseThrow();
            assertNull(fresh.fingerprint());
            assertEquals(meta, fresh.metadata());
        }
    }

    @Test
    void conditionalWritesCommitOnlyWhenTheirCheckHolds() {
        var fp = new Fingerprint(1, 1, 1, 1);
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            var mine = new ObjectRecord("b", "k", fp, "mine", ObjectMetadata.NONE, null);
            assertFalse(sidecar.putIf(mine, () -> false));
            assertTrue(sidecar.find("b", "k").isEmpty(), "a failed check leaves no row");
            assertTrue(sidecar.putIf(mine, () -> true));
            assertEquals("mine", sidecar.find("b", "k").orElseThrow().etag());

            sidecar.deleteUnlessReplaced("b", "k", () -> true);
            assertEquals("mine", sidecar.find("b", "k").orElseThrow().etag(), "a key filled again keeps its row");
            assertFalse(sidecar.moveIf("b", "k", "b", "k2", () -> false));
            assertTrue(sidecar.find("b", "k2").isEmpty(), "a failed check moves nothing");
            assertTrue(sidecar.moveIf("b", "k", "b", "k2", () -> true));
            assertEquals("mine", sidecar.find("b", "k2").orElseThrow().etag());
            sidecar.deleteUnlessReplaced("b", "k2", () -> false);
            assertTrue(sidecar.find("b", "k2").isEmpty());
        }
    }

    /** The check runs under SQLite's write lock: another process's write to the sidecar waits for it. */
    @Test
    void anotherConnectionCannotWriteWhileACheckRuns() throws Exception {
        Path db = dir.resolve("s.db");
        try (var server = SqliteSidecar.open(db); var mount = SqliteSidecar.open(db)) {
            var theirs = new ObjectRecord("b", "k", new Fingerprint(2, 2, 2, 2), "theirs", ObjectMetadata.NONE, null);
            var ours = new ObjectRecord("b", "k", new Fingerprint(1, 1, 1, 1), "ours", ObjectMetadata.NONE, null);
            var other = new java.util.concurrent.CompletableFuture<Void>();
            boolean written = server.putIf(ours, () -> {
                Thread.ofPlatform().start(() -> {
                    mount.put(theirs);
                    other.complete(null);
                });
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                assertFalse(other.isDone(), "the other connection's write waited for the check");
                return false;
            });
            other.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(written);
            assertEquals("theirs", server.find("b", "k").orElseThrow().etag(), "the later writer's row stands");
        }
    }
}

package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingAreaTest {
    @TempDir
    Path root;

    @Test
    void theStartUpSweepRemovesOnlyTemporariesItsWritersMadeThatAreAnHourOld() throws Exception {
        Files.createDirectories(root.resolve("bkt"));
        var buckets = new Buckets(root, Map.of());
        Bucket bucket = buckets.require("bkt");
        Path stale = Files.writeString(StagingArea.newTemporary(bucket), "cut by a crash");
        Path live = Files.writeString(StagingArea.newTemporary(bucket), "still arriving");
        Path foreign = Files.writeString(bucket.staging().resolve("not-ours"), "someone else's");
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        Files.setLastModifiedTime(stale, twoHoursAgo);
        Files.setLastModifiedTime(foreign, twoHoursAgo);

        StagingArea.sweepTemporaries(buckets);

        assertFalse(Files.exists(stale), "a temporary untouched for an hour goes");
        assertTrue(Files.exists(live), "a temporary in use stays");
        assertTrue(Files.exists(foreign), "a name no writer of Cubby's makes stays");
        assertTrue(StagingArea.isTemporaryOf(bucket, live));
        assertEquals(root.resolve(".cubby/tmp"), bucket.staging());
    }

    @Test
    void anUploadFolderIsNamedOnlyByAnIdCubbyCouldHaveMadeAndSaysWhenItBegan() throws Exception {
        Files.createDirectories(root.resolve("bkt"));
        Bucket bucket = new Buckets(root, Map.of()).require("bkt");
        Instant initiated = Instant.ofEpochMilli(1_700_000_000_123L);
        String id = StagingArea.newUploadId(initiated);
        assertTrue(StagingArea.isUploadId(id));
        assertEquals(initiated, StagingArea.initiatedAt(id));
        StagingArea.openUpload(bucket, id, true).close();
        assertTrue(Files.isDirectory(root.resolve(".cubby/uploads").resolve(id)));
        var refused = assertThrows(StoreException.class, () -> StagingArea.uploadFolder(bucket, "../../bkt"));
        assertEquals(StoreException.Reason.NO_SUCH_UPLOAD, refused.reason());
    }
}

package dev.cubby.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a completed upload live in the sidecar exactly as long as an object row names the
 * upload: kept through a rename, gone with an overwrite, a delete, a rename onto the row, or a new
 * ETag for other bytes.
 */
class CompletedPartsTest {
    @TempDir
    Path dir;

    private static final Fingerprint FILE = new Fingerprint(10, 1, 1, 1);

    @Test
    void theAssembledPartsStayWithTheObjectAndTheOthersGo() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            complete(sidecar, "u1", "b", "k");
            assertEquals(List.of(1, 3), numbers(sidecar, "u1"), "part 2 was not assembled");
            assertFalse(sidecar.multipart().findUpload("u1").isPresent());
            assertFalse(sidecar.multipart().putPart(part("u1", 2)), "no part lands in a completed upload");
            assertEquals(List.of(1, 3), numbers(sidecar, "u1"));
        }
    }

    @Test
    void theyFollowARenameAndGoWithAnOverwriteADeleteOrOtherBytes() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            complete(sidecar, "moved", "b", "k");
            sidecar.move("b", "k", "b", "renamed");
            assertEquals(List.of(1, 3), numbers(sidecar, "moved"));

            complete(sidecar, "replaced", "b", "r");
            sidecar.put(new ObjectRecord("b", "r", FILE, "md5", ObjectMetadata.NONE, null));
            assertEquals(List.of(), numbers(sidecar, "replaced"));

            complete(sidecar, "deleted", "b", "d");
            sidecar.delete("b", "d");
            assertEquals(List.of(), numbers(sidecar, "deleted"));

            complete(sidecar, "under", "b", "t");
            sidecar.move("b", "renamed", "b", "t");
            assertEquals(List.of(), numbers(sidecar, "under"), "the rename replaced the row naming it");
            assertEquals(List.of(1, 3), numbers(sidecar, "moved"));

            complete(sidecar, "rehashed", "b", "h");
            sidecar.recordEtag("b", "h", new Fingerprint(11, 2, 2, 1), "other-md5", true,
                    sidecar.find("b", "h").orElseThrow());
            assertEquals(List.of(), numbers(sidecar, "rehashed"));
        }
    }

    /** Parts 1 to 3 arrive; the object is assembled from 1 and 3. */
    private static void complete(SqliteSidecar sidecar, String uploadId, String bucket, String key) {
        var state = sidecar.multipart();
        state.createUpload(new MultipartUpload(uploadId, bucket, key, Instant.EPOCH, ObjectMetadata.NONE, null, null,
                new TreeMap<>(Map.of())));
        for (int n = 1; n <= 3; n++) {
            state.putPart(part(uploadId, n));
        }
        sidecar.put(new ObjectRecord(bucket, key, FILE, "etag-2", ObjectMetadata.NONE, null, uploadId));
        state.completeUpload(uploadId, List.of(1, 3));
    }

    private static UploadedPart part(String uploadId, int number) {
        return new UploadedPart(uploadId, number, 5, "e" + number, null, "f" + number, Instant.EPOCH);
    }

    private static List<Integer> numbers(SqliteSidecar sidecar, String uploadId) {
        return sidecar.multipart().listParts(uploadId).stream().map(UploadedPart::partNumber).toList();
    }
}

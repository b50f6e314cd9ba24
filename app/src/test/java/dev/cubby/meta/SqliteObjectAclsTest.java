package dev.cubby.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Object owners and ACLs belong to the object version the row describes, as its tags do. */
class SqliteObjectAclsTest {
    private static final ObjectAcls.Entry BOBS = new ObjectAcls.Entry("b0b", "READ group:x\n");

    @TempDir
    Path dir;

    private static ObjectRecord row(String bucket, String key, String etag) {
        return new ObjectRecord(bucket, key, new Fingerprint(1, 1, 1, 1), etag, ObjectMetadata.NONE, null);
    }

    @Test
    void anEntrySurvivesReopeningAndIsReplaced() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(row("b", "k", "e"));
            sidecar.objectAcls().put("b", "k", new ObjectAcls.Entry("a11ce", ""));
            sidecar.objectAcls().put("b", "k", BOBS);
        }
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            assertEquals(Optional.of(BOBS), sidecar.objectAcls().find("b", "k"));
            assertTrue(sidecar.objectAcls().anyIn("b"));
            assertFalse(sidecar.objectAcls().anyIn("other"));
        }
    }

    @Test
    void replacingOrDeletingTheObjectForgetsItsEntry() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(row("b", "replaced", "e1"));
            sidecar.objectAcls().put("b", "replaced", BOBS);
            sidecar.put(row("b", "replaced", "e2"));
            assertEquals(Optional.empty(), sidecar.objectAcls().find("b", "replaced"));

            sidecar.put(row("b", "deleted", "e1"));
            sidecar.objectAcls().put("b", "deleted", BOBS);
            sidecar.delete("b", "deleted");
            assertEquals(Optional.empty(), sidecar.objectAcls().find("b", "deleted"));
        }
    }

    @Test
    void aRenameCarriesTheEntryAndDeletingTheBucketForgetsAll() {
        try (var sidecar = SqliteSidecar.open(dir.resolve("s.db"))) {
            sidecar.put(row("b", "old", "e1"));
            sidecar.objectAcls().put("b", "old", BOBS);
            sidecar.objectAcls().put("keep", "k", BOBS);
            sidecar.move("b", "old", "b", "new");
            assertEquals(Optional.empty(), sidecar.objectAcls().find("b", "old"));
            assertEquals(Optional.of(BOBS), sidecar.objectAcls().find("b", "new"));

            sidecar.deleteBucket("b");
            assertFalse(sidecar.objectAcls().anyIn("b"));
            assertEquals(Optional.of(BOBS), sidecar.objectAcls().find("keep", "k"));
        }
    }
}

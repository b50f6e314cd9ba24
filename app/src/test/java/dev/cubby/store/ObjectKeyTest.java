package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ObjectKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../b", "a/..", ".", "./x", "a/./b", "a//b", "/a", "//", "", "a\0b",
            ".cubby", ".cubby/sidecar.db"})
    void keysThatCouldLeaveTheBucketOrAreNotPathsAreRefused(String key) {
        var e = assertThrows(StoreException.class, () -> ObjectKey.parse(key));
        assertEquals(StoreException.Reason.INVALID_KEY, e.reason());
    }

    @Test
    void overlongKeysAndSegmentsAreRefused() {
        assertEquals(StoreException.Reason.KEY_TOO_LONG,
                assertThrows(StoreException.class, () -> ObjectKey.parse("a/".repeat(513))).reason());
        assertEquals(StoreException.Reason.INVALID_KEY,
                assertThrows(StoreException.class, () -> ObjectKey.parse("x".repeat(256))).reason());
    }

    @Test
    void ordinaryKeysSplitIntoSegments() {
        var key = ObjectKey.parse("photos/2024/Grüße and spaces..txt");
        assertEquals(List.of("photos", "2024", "Grüße and spaces..txt"), key.segments());
        assertEquals("photos/2024/", key.parentFolderKey());
        var marker = ObjectKey.parse("a/b/");
        assertTrue(marker.folderMarker());
        assertEquals(List.of("a", "b"), marker.segments());
        assertEquals("a/", marker.parentFolderKey());
        assertEquals(List.of("...", "x.cubby", "..a"), ObjectKey.parse(".../x.cubby/..a").segments());
    }
}

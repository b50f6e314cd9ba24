package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectTagsTest {
    @TempDir
    Path root;
    StoreFixture fx;

    @BeforeEach
    void open() throws IOException {
        Files.createDirectories(root.resolve("bkt"));
        fx = new StoreFixture(root);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    void tagsAreKeptSortedAndReplacedWhole() {
        fx.put("bkt", "k", "x");
        fx.store.tags().put("bkt", "k", Map.of("b", "2", "a", "1"));
        assertEquals(Map.of("a", "1", "b", "2"), fx.store.tags().get("bkt", "k"));
        assertEquals("a", fx.store.tags().get("bkt", "k").firstKey());
        fx.store.tags().put("bkt", "k", Map.of("c", "3"));
        assertEquals(Map.of("c", "3"), fx.store.tags().get("bkt", "k"));
        fx.store.tags().delete("bkt", "k");
        assertTrue(fx.store.tags().get("bkt", "k").isEmpty());
    }

    @Test
    void overwritingOrDeletingAnObjectDropsItsTags() {
        fx.put("bkt", "k", "x");
        fx.store.tags().put("bkt", "k", Map.of("a", "1"));
        fx.put("bkt", "k", "y");
        assertTrue(fx.store.tags().get("bkt", "k").isEmpty(), "an overwrite is a new object");
        fx.store.tags().put("bkt", "k", Map.of("a", "1"));
        fx.store.delete("bkt", "k");
        fx.put("bkt", "k", "z");
        assertTrue(fx.store.tags().get("bkt", "k").isEmpty(), "a deleted object's tags do not come back");
    }

    @Test
    void deletingABucketClearsItsTags() throws IOException {
        fx.put("bkt", "k", "x");
        fx.store.tags().put("bkt", "k", Map.of("a", "1"));
        fx.store.delete("bkt", "k");
        fx.store.deleteBucket("bkt");
        fx.store.createBucket("bkt");
        fx.file("bkt/k", "outside");
        assertTrue(fx.store.tags().get("bkt", "k").isEmpty());
    }

    @Test
    void filesThatArrivedOutsideCubbyCanBeTaggedAndTagsSurviveARestart() throws IOException {
        fx.file("bkt/samba.txt", "hi");
        fx.store.tags().put("bkt", "samba.txt", Map.of("src", "samba"));
        fx.close();
        fx = new StoreFixture(root);
        assertEquals(Map.of("src", "samba"), fx.store.tags().get("bkt", "samba.txt"));
        assertEquals(1, fx.store.tags().count(fx.store.head("bkt", "samba.txt")));
    }

    @Test
    void taggingAMissingKeyIsNoSuchKey() {
        assertEquals(StoreException.Reason.NO_SUCH_KEY, assertThrows(StoreException.class,
                () -> fx.store.tags().put("bkt", "missing", Map.of("a", "1"))).reason());
        assertEquals(StoreException.Reason.NO_SUCH_KEY, assertThrows(StoreException.class,
                () -> fx.store.tags().get("bkt", "missing")).reason());
    }
}

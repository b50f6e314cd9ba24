package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeListerTest {
    @TempDir
    Path root;
    StoreFixture fx;

    @BeforeEach
    void tree() throws IOException {
        fx = new StoreFixture(root);
        fx.file("bkt/a-b", "1");
        fx.file("bkt/a/c", "2");
        fx.file("bkt/a/d/e", "3");
        fx.file("bkt/a0", "4");
        fx.file("bkt/z", "5");
        Files.createDirectories(root.resolve("bkt/empty"));
        Files.createDirectories(root.resolve(".cubby/tmp"));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private List<String> keys(ListPage page) {
        return page.objects().stream().map(ListPage.Entry::key).toList();
    }

    @Test
    void fullListingIsInUtf8KeyOrderWithEmptyFoldersAsMarkers() {
        ListPage page = fx.store.list("bkt", new ListQuery(null, null, null, 1000));
        assertEquals(List.of("a-b", "a/c", "a/d/e", "a0", "empty/", "z"), keys(page));
        assertFalse(page.truncated());
    }

    @Test
    void delimiterRollsFoldersUpWithoutListingTheirContents() {
        ListPage page = fx.store.list("bkt", new ListQuery("", "/", null, 1000));
        assertEquals(List.of("a-b", "a0", "z"), keys(page));
        assertEquals(List.of("a/", "empty/"), page.commonPrefixes());
    }

    @Test
    void prefixInsideAFolderNameFiltersItsEntries() {
        assertEquals(List.of("a/d/e"), keys(fx.store.list("bkt", new ListQuery("a/d", null, null, 1000))));
        ListPage page = fx.store.list("bkt", new ListQuery("a", "/", null, 1000));
        assertEquals(List.of("a-b", "a0"), keys(page));
        assertEquals(List.of("a/"), page.commonPrefixes());
        assertEquals(List.of("empty/"), keys(fx.store.list("bkt", new ListQuery("empty/", "/", null, 1000))));
    }

    @Test
    void everyPageSizeReturnsEachKeyExactlyOnceInOrder() {
        List<String> all = keys(fx.store.list("bkt", new ListQuery(null, null, null, 1000)));
        for (int size = 1; size <= all.size(); size++) {
            var collected = new ArrayList<String>();
            String after = null;
            ListPage page;
            do {
                page = fx.store.list("bkt", new ListQuery(null, null, after, size));
                collected.addAll(keys(page));
                after = page.lastReturned();
            } while (page.truncated());
            assertEquals(all, collected, "page size " + size);
        }
    }

    @Test
    void pagingWithADelimiterResumesAfterACommonPrefix() {
        var items = new ArrayList<String>();
        String after = null;
        ListPage page;
        do {
            page = fx.store.list("bkt", new ListQuery("", "/", after, 1));
            items.addAll(keys(page));
            items.addAll(page.commonPrefixes());
            after = page.lastReturned();
        } while (page.truncated());
        assertEquals(List.of("a-b", "a/", "a0", "empty/", "z"), items);
    }

    @Test
    void maxKeysZeroReturnsNothing() {
        ListPage page = fx.store.list("bkt", new ListQuery(null, null, null, 0));
        assertTrue(page.objects().isEmpty());
    }

    @Test
    void symlinkLeadingOutOfTheBucketIsNotListed() throws IOException {
        Path outside = Files.writeString(root.resolve("outside.txt"), "secret");
        Files.createSymbolicLink(root.resolve("bkt/link-out"), outside);
        Files.createSymbolicLink(root.resolve("bkt/link-in"), root.resolve("bkt/z"));
        List<String> listed = keys(fx.store.list("bkt", new ListQuery(null, null, null, 1000)));
        assertFalse(listed.contains("link-out"));
        assertTrue(listed.contains("link-in"));
    }
}

package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings limited to a key's readable prefixes: pruned walk, full pages, right resume points. */
class ScopedListingTest {
    @TempDir
    Path root;
    StoreFixture fx;

    @BeforeEach
    void tree() throws IOException {
        fx = new StoreFixture(root);
        fx.file("bkt/a/x", "1");
        fx.file("bkt/a/y", "2");
        fx.file("bkt/b/granted/1", "3");
        fx.file("bkt/b/granted/2", "4");
        fx.file("bkt/b/granted/3", "5");
        fx.file("bkt/b/other/1", "6");
        fx.file("bkt/b/grantedness", "7");
        fx.file("bkt/c", "8");
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<String> keys(ListPage page) {
        return page.objects().stream().map(ListPage.Entry::key).toList();
    }

    @Test
    void withoutDelimiterOnlyKeysUnderTheScopeAreListed() {
        ListPage page = fx.store.list("bkt", new ListQuery(null, null, null, 1000, List.of("b/granted/")));
        assertEquals(List.of("b/granted/1", "b/granted/2", "b/granted/3"), keys(page));
    }

    @Test
    void withDelimiterFoldersOnTheWayToTheScopeAreShownAndOthersHidden() {
        var scope = List.of("b/granted/");
        assertEquals(List.of("b/"), fx.store.list("bkt", new ListQuery("", "/", null, 1000, scope)).commonPrefixes());
        ListPage inside = fx.store.list("bkt", new ListQuery("b/", "/", null, 1000, scope));
        assertEquals(List.of("b/granted/"), inside.commonPrefixes());
        assertEquals(List.of(), keys(inside));
    }

    @Test
    void aScopeWithoutTrailingSlashMatchesKeysByPrefix() {
        ListPage page = fx.store.list("bkt", new ListQuery(null, null, null, 1000, List.of("b/granted")));
        assertEquals(List.of("b/granted/1", "b/granted/2", "b/granted/3", "b/grantedness"), keys(page));
    }

    @Test
    void pagesStayFullAndResumeRightUnderAScope() {
        var scope = List.of("a/", "b/granted/");
        var all = new ArrayList<String>();
        String after = null;
        boolean truncated = true;
        while (truncated) {
            ListPage page = fx.store.list("bkt", new ListQuery(null, null, after, 2, scope));
            assertTrue(page.truncated() ? page.objects().size() == 2 : page.objects().size() <= 2);
            all.addAll(keys(page));
            truncated = page.truncated();
            after = page.lastReturned();
        }
        assertEquals(List.of("a/x", "a/y", "b/granted/1", "b/granted/2", "b/granted/3"), all);
    }

    @Test
    void anEmptyScopeListsNothing() {
        ListPage page = fx.store.list("bkt", new ListQuery(null, "/", null, 1000, List.of()));
        assertEquals(List.of(), keys(page));
        assertEquals(List.of(), page.commonPrefixes());
        assertFalse(page.truncated());
    }
}

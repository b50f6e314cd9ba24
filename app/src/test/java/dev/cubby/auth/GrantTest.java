package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GrantTest {

    @Test
    void parsesEveryShape() {
        assertEquals(new Grant("photos", "", true, false), Grant.parse("photos:rw"));
        assertEquals(new Grant("photos", "", false, false), Grant.parse("photos:ro"));
        assertEquals(new Grant("backups", "laptop/", true, false), Grant.parse("backups/laptop/:rw"));
        assertEquals(new Grant("*", "", false, false), Grant.parse("*:ro"));
        assertEquals(new Grant("photos", "a:b/", true, false), Grant.parse("photos/a:b/:RW"));
    }

    @Test
    void refusesMalformedGrantsSayingHowToWriteThem() {
        for (String bad : new String[] {"photos", "photos:", ":rw", "photos:rx", "*/x:rw", ""}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Grant.parse(bad), bad);
            assertTrue(e.getMessage().contains("BUCKET:rw"), e.getMessage());
        }
    }

    @Test
    void coversKeysUnderItsPrefixOnly() {
        Grant grant = Grant.parse("backups/laptop/:rw");
        assertTrue(grant.covers("backups", "laptop/day1"));
        assertFalse(grant.covers("backups", "laptop"));
        assertFalse(grant.covers("backups", "desktop/day1"));
        assertFalse(grant.covers("photos", "laptop/day1"));
        assertTrue(Grant.parse("*:ro").covers("anything", "at/all"));
    }

    @Test
    void anExactGrantCoversOneObject() {
        Grant grant = Grant.oneObject("photos", "a.jpg");
        assertTrue(grant.covers("photos", "a.jpg"));
        assertFalse(grant.covers("photos", "a.jpg2"));
        assertEquals("photos/a.jpg:ro (this object only)", grant.text());
    }

    @Test
    void textRoundTrips() {
        for (String text : new String[] {"photos:rw", "backups/laptop/:ro", "*:rw"}) {
            assertEquals(text, Grant.parse(text).text());
        }
    }
}

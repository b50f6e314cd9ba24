package dev.cubby.store;

import java.util.Comparator;

/**
 * S3 lists keys in UTF-8 byte order. For valid strings that is code point order, which differs
 * from {@link String#compareTo} (UTF-16 units) for characters beyond the Basic Multilingual Plane.
 */
public final class KeyOrder {
    public static final Comparator<String> UTF8 = KeyOrder::compare;

    private KeyOrder() {
    }

    public static int compare(String a, String b) {
        // UTF-16 units compare like code points (and so like UTF-8 bytes) except that a surrogate
        // (half of a code point above U+FFFF) must rank above every other unit; this runs per
        // comparison of a listing sort, so it stays on chars.
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }
}

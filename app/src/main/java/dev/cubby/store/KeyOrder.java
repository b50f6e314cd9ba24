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
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

package dev.cubby.policy;

import java.util.Locale;

/**
 * A policy pattern: {@code *} stands for any run of characters (also none, also {@code /}),
 * {@code ?} for exactly one; everything else matches itself. Actions compare without case,
 * as IAM does; resources and condition values with it.
 */
record Wildcard(String pattern, boolean ignoreCase) {

    static Wildcard exact(String pattern) {
        return new Wildcard(pattern, false);
    }

    static Wildcard ignoringCase(String pattern) {
        return new Wildcard(pattern, true);
    }

    boolean matches(String text) {
        if (ignoreCase) {
            return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
        }
        return matches(pattern, text);
    }

    /** Greedy match with one backtrack point for the last {@code *}: linear for the patterns policies hold. */
    private static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int resume = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}

package dev.cubby.s3.cors;

import java.util.Locale;

/**
 * A CORS pattern with at most one {@code *}, which stands for any run of characters (also none):
 * {@code http://*.example.com} matches {@code http://www.example.com}, {@code *} matches
 * anything. {@link CorsConfigurationReader} refuses patterns with two.
 */
final class Wildcard {
    private Wildcard() {
    }

    static boolean hasAtMostOne(String pattern) {
        return pattern.indexOf('*') == pattern.lastIndexOf('*');
    }

    static boolean matches(String pattern, String value) {
        int star = pattern.indexOf('*');
        if (star < 0) {
            return pattern.equals(value);
        }
        String prefix = pattern.substring(0, star);
        String suffix = pattern.substring(star + 1);
        return value.length() >= prefix.length() + suffix.length()
                && value.startsWith(prefix) && value.endsWith(suffix);
    }

    /** Header names are compared without regard to case. */
    static boolean matchesIgnoringCase(String pattern, String value) {
        return matches(pattern.toLowerCase(Locale.ROOT), value.toLowerCase(Locale.ROOT));
    }
}

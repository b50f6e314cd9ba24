package dev.cubby.store;

/**
 * S3's bucket naming rules; a top-level folder whose name breaks them is not served as a bucket.
 * Every request checks its bucket's name, so the rules are a scan of the characters rather than
 * regular expressions (which were ~5% of a HEAD's server CPU in JFR).
 */
public final class BucketName {
    private static final int MIN_LENGTH = 3;
    private static final int MAX_LENGTH = 63;

    private BucketName() {
    }

    /**
     * 3 to 63 characters of lower-case letters, digits, dots and hyphens, starting and ending
     * with a letter or digit; no {@code ..}, {@code .-} or {@code -.}; not an IPv4 address
     * ({@code 192.168.5.4}); not starting with {@code xn--}, not ending with {@code -s3alias} or
     * {@code --ol-s3}.
     */
    public static boolean isValid(String name) {
        if (name == null || name.length() < MIN_LENGTH || name.length() > MAX_LENGTH) {
            return false;
        }
        int last = name.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = name.charAt(i);
            if (isLetterOrDigit(c)) {
                continue;
            }
            if (c != '.' && c != '-' || i == 0 || i == last) {
                return false;
            }
            char previous = name.charAt(i - 1);
            if (previous == '.' || c == '.' && previous == '-') {
                return false; // "..", ".-" or "-."
            }
        }
        return !isIpAddress(name) && !name.startsWith("xn--")
                && !name.endsWith("-s3alias") && !name.endsWith("--ol-s3");
    }

    public static String requireValid(String name) {
        if (!isValid(name)) {
            throw new StoreException(StoreException.Reason.INVALID_BUCKET_NAME, "'" + name
                    + "' is not a valid bucket name: use 3-63 lower-case letters, digits, dots and hyphens, "
                    + "starting and ending with a letter or digit");
        }
        return name;
    }

    private static boolean isLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Four groups of one to three digits joined by dots, and nothing else. */
    private static boolean isIpAddress(String name) {
        int dots = 0;
        int digits = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 3) {
                    return false;
                }
            } else if (c == '.' && digits > 0 && dots < 3) {
                dots++;
                digits = 0;
            } else {
                return false;
            }
        }
        return dots == 3 && digits > 0;
    }
}

package dev.cubby.store;

import java.util.regex.Pattern;

/** S3's bucket naming rules; a top-level folder whose name breaks them is not served as a bucket. */
public final class BucketName {
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private BucketName() {
    }

    public static boolean isValid(String name) {
        return name != null && ALLOWED.matcher(name).matches() && !name.contains("..")
                && !name.contains(".-") && !name.contains("-.")
                && !IP_ADDRESS.matcher(name).matches() && !name.startsWith("xn--")
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
}

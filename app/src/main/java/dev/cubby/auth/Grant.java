package dev.cubby.auth;

import java.util.Locale;

/**
 * One right of an access key: a bucket (or every bucket), an optional key prefix within it, and
 * read-only or read-write. Written {@code BUCKET[/PREFIX]:ro|rw}, or {@code *:ro|rw} for every
 * bucket. A share key holds an {@code exact} grant: the one object named, not a prefix.
 *
 * <p>Only the syntax is checked here; bucket-name and key rules live in the store and are
 * applied where keys are created.
 */
public record Grant(String bucket, String prefix, boolean write, boolean exact) {
    public static final String ALL_BUCKETS = "*";

    public Grant {
        prefix = prefix == null ? "" : prefix;
    }

    /**
     * Parses {@code photos:rw}, {@code backups/laptop/:rw}, {@code *:ro}.
     *
     * @throws IllegalArgumentException with a message that says how to write it
     */
    public static Grant parse(String text) {
        String value = text == null ? "" : text.trim();
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw invalid(value, "it needs ':ro' or ':rw' after the bucket");
        }
        String access = value.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (!access.equals("ro") && !access.equals("rw")) {
            throw invalid(value, "the access after ':' must be ro (read-only) or rw (read-write), not '" + access + "'");
        }
        String target = value.substring(0, colon);
        int slash = target.indexOf('/');
        String bucket = slash < 0 ? target : target.substring(0, slash);
        String prefix = slash < 0 ? "" : target.substring(slash + 1);
        if (bucket.isEmpty()) {
            throw invalid(value, "the bucket name is missing");
        }
        if (bucket.equals(ALL_BUCKETS) && !prefix.isEmpty()) {
            throw invalid(value, "'*' grants every bucket and takes no prefix");
        }
        return new Grant(bucket, prefix, access.equals("rw"), false);
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("grant '" + text + "' is not valid: " + why
                + " (write BUCKET:rw, BUCKET/PREFIX/:ro or *:rw)");
    }

    /** A share key's grant: read-only, on exactly {@code bucket/key}. */
    public static Grant oneObject(String bucket, String key) {
        return new Grant(bucket, key, false, true);
    }

    public boolean allBuckets() {
        return bucket.equals(ALL_BUCKETS);
    }

    public boolean inBucket(String name) {
        return allBuckets() || bucket.equals(name);
    }

    /** Whether this grant reaches the object {@code key} of bucket {@code name}. */
    public boolean covers(String name, String key) {
        return inBucket(name) && (exact ? key.equals(prefix) : key.startsWith(prefix));
    }

    /** As written on the command line; an exact grant is marked so it is not mistaken for a prefix. */
    public String text() {
        String target = allBuckets() || prefix.isEmpty() ? bucket : bucket + "/" + prefix;
        return target + ":" + (write ? "rw" : "ro") + (exact ? " (this object only)" : "");
    }

    @Override
    public String toString() {
        return text();
    }
}

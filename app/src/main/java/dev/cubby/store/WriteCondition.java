package dev.cubby.store;

/**
 * S3's conditional writes: {@code If-None-Match: *} (only if no object is at the key) and
 * {@code If-Match: <etag>} (only if the current object has that ETag). Null fields: no condition.
 */
public record WriteCondition(boolean onlyIfAbsent, String onlyIfEtag) {
    public static final WriteCondition NONE = new WriteCondition(false, null);
}

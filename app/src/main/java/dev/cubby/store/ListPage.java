package dev.cubby.store;

import java.time.Instant;
import java.util.List;

/**
 * One page of a listing in S3 order. {@code lastReturned} is the last key or common prefix on the
 * page, from which the next page resumes.
 */
public record ListPage(List<Entry> objects, List<String> commonPrefixes, boolean truncated, String lastReturned) {

    /** One object; {@code checksumAlgorithm} names its stored checksum's algorithm, null when it has none. */
    public record Entry(String key, long size, Instant lastModified, String etag, String checksumAlgorithm) {
    }
}

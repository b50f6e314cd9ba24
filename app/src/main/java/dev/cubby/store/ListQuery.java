package dev.cubby.store;

/**
 * One page request of a listing. {@code startAfter} is exclusive and may be a key or a common
 * prefix returned by an earlier page; null fields mean "not given".
 */
public record ListQuery(String prefix, String delimiter, String startAfter, int maxKeys) {
    public ListQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
    }
}

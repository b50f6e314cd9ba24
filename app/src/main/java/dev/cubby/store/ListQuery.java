package dev.cubby.store;

import java.util.List;

/**
 * One page request of a listing. {@code startAfter} is exclusive and may be a key or a common
 * prefix returned by an earlier page; null fields mean "not given".
 *
 * @param scope the key prefixes the caller may see, or null for the whole bucket. The walk skips
 *              folders that cannot hold such keys, so pages stay full and resume points stay
 *              right; an empty list shows nothing.
 */
public record ListQuery(String prefix, String delimiter, String startAfter, int maxKeys, List<String> scope) {
    public ListQuery {
        prefix = prefix == null ? "" : prefix;
        delimiter = delimiter == null || delimiter.isEmpty() ? null : delimiter;
        startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        scope = scope == null ? null : List.copyOf(scope);
    }

    /** A listing of the whole bucket. */
    public ListQuery(String prefix, String delimiter, String startAfter, int maxKeys) {
        this(prefix, delimiter, startAfter, maxKeys, null);
    }

    /** Whether the caller may see {@code key}. */
    boolean inScope(String key) {
        if (scope == null) {
            return true;
        }
        for (String allowed : scope) {
            if (key.startsWith(allowed)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the folder {@code folderKey} (ending in '/') may hold keys the caller may see. */
    boolean folderInScope(String folderKey) {
        if (scope == null) {
            return true;
        }
        for (String allowed : scope) {
            if (folderKey.startsWith(allowed) || allowed.startsWith(folderKey)) {
                return true;
            }
        }
        return false;
    }
}

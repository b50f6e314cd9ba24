package dev.cubby.meta;

import java.util.Map;
import java.util.SortedMap;

/**
 * The sidecar's record of object tags. Tags live apart from the object's row, so a file that
 * arrived outside Cubby can be tagged too; they belong to the object version the row describes,
 * so the sidecar forgets them whenever it replaces or deletes that row.
 */
public interface TagState {

    /** The object's tags, sorted by tag key; empty when it has none. */
    SortedMap<String, String> find(String bucket, String key);

    /** Replaces all of the object's tags (an empty map removes them). */
    void replace(String bucket, String key, Map<String, String> tags);
}

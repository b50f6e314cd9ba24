package dev.cubby.store;

import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import java.util.Map;

/**
 * The sidecar rows of one folder's objects, for a listing: loaded with one query for an ordinary
 * folder, looked up one by one in a huge one, where a page touches only a thousand of its rows.
 */
final class FolderRows {
    /** Above this many entries, point lookups for a page beat loading every row of the folder. */
    private static final int BULK_LIMIT = 2_000;

    private final Sidecar sidecar;
    private final String bucket;
    private final String folderKey;
    private final boolean bulk;
    private Map<String, ObjectRecord> all;

    FolderRows(Sidecar sidecar, String bucket, String folderKey, int entries) {
        this.sidecar = sidecar;
        this.bucket = bucket;
        this.folderKey = folderKey;
        this.bulk = entries <= BULK_LIMIT;
    }

    /** The row of {@code relativeKey} (a name, or a name with '/' for a folder marker), or null. */
    ObjectRecord get(String relativeKey) {
        if (!bulk) {
            return sidecar.find(bucket, folderKey + relativeKey).orElse(null);
        }
        if (all == null) {
            all = sidecar.findChildren(bucket, folderKey);
        }
        return all.get(relativeKey);
    }
}

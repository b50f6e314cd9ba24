package dev.cubby.store;

import dev.cubby.meta.ObjectRecord;
import dev.cubby.meta.Sidecar;
import dev.cubby.meta.StoredChecksum;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists a bucket in S3 order by walking its folders depth-first, each folder's names sorted with
 * a subfolder {@code d} placed as {@code d/}. It starts at the deepest folder the prefix names,
 * skips subtrees that lie before the resume point, does not descend into folders that roll up
 * into a common prefix, and stops one item past the page. Entries are statted only when reached
 * (see FolderEntries); ETags come from the sidecar (see FolderRows); file contents are never read.
 * A query with a scope skips, by name and before any stat, files outside it and folders that
 * cannot hold keys inside it.
 */
final class TreeLister {

    private final Bucket bucket;
    private final ListQuery query;
    private final Sidecar sidecar;
    private final EtagResolver etags;
    private final String skipPrefix;
    private final List<ListPage.Entry> objects = new ArrayList<>();
    private final List<String> commonPrefixes = new ArrayList<>();
    private String lastReturned;
    private boolean truncated;

    TreeLister(Bucket bucket, ListQuery query, Sidecar sidecar, EtagResolver etags) {
        this.bucket = bucket;
        this.query = query;
        this.sidecar = sidecar;
        this.etags = etags;
        this.skipPrefix = resumesAfterCommonPrefix(query) ? query.startAfter() : null;
    }

    /** Resuming after a common prefix means skipping every key under it, as it was already rolled up. */
    private static boolean resumesAfterCommonPrefix(ListQuery q) {
        if (q.delimiter() == null || q.startAfter() == null || !q.startAfter().startsWith(q.prefix())) {
            return false;
        }
        String rest = q.startAfter().substring(q.prefix().length());
        int at = rest.indexOf(q.delimiter());
        return at >= 0 && at + q.delimiter().length() == rest.length();
    }

    ListPage list() {
        if (query.maxKeys() > 0) {
            String prefix = query.prefix();
            String startFolderKey = prefix.substring(0, prefix.lastIndexOf('/') + 1);
            // Each folder on the walk is held open while its entries are used, and every
            // subfolder is opened from its parent without following links: a folder swapped
            // for a symlink meanwhile is never walked into.
            try (OpenFolder startFolder = folderOf(startFolderKey)) {
                if (startFolder != null) {
                    List<FolderEntries.Entry> children = FolderEntries.read(bucket, startFolder, startFolderKey);
                    if (children != null && offerStartFolderMarker(startFolder, startFolderKey, children)) {
                        walk(startFolderKey, children);
                    }
                }
            }
        }
        return new ListPage(List.copyOf(objects), List.copyOf(commonPrefixes), truncated, lastReturned);
    }

    /**
     * A prefix naming a folder ({@code dir/}) lists the folder's own marker first, as S3 lists
     * a {@code dir/} object under that prefix. Returns false once the page is full.
     */
    private boolean offerStartFolderMarker(OpenFolder folder, String folderKey, List<FolderEntries.Entry> children) {
        if (folderKey.isEmpty() || !folderKey.equals(query.prefix()) || !after(folderKey) || !query.inScope(folderKey)) {
            return true;
        }
        ObjectRecord marker = sidecar.find(bucket.name(), folderKey).orElse(null);
        if (!Folders.listedAsMarker(sidecar, bucket.name(), folderKey, marker, !FolderEntries.hasListable(children))) {
            return true;
        }
        return offerObject(new ListPage.Entry(folderKey, 0, FileState.of(folder.path()).lastModified(),
                FolderMarkers.etag(marker), null));
    }

    /**
     * The folder for a key prefix ending in '/' (links inside the bucket followed), opened; null
     * when no such folder can exist or be read.
     */
    private OpenFolder folderOf(String folderKey) {
        if (folderKey.isEmpty()) {
            return OpenFolder.ofBucket(bucket);
        }
        try (ResolvedPath folder = ResolvedPath.of(bucket, ObjectKey.parse(folderKey))) {
            return folder.openAsFolder();
        } catch (StoreException e) {
            return null;
        }
    }

    /** Returns false once the page is full. */
    private boolean walk(String folderKey, List<FolderEntries.Entry> entries) {
        FolderRows rows = new FolderRows(sidecar, bucket.name(), folderKey, entries.size());
        for (FolderEntries.Entry entry : entries) {
            if (outsideByName(folderKey + entry.name()) || !entry.isListable()) {
                continue;
            }
            FileState state = entry.state();
            String key = folderKey + entry.name() + (state.isFolder() ? "/" : "");
            if (!mayHoldListedKeys(key) || (skipPrefix != null && key.startsWith(skipPrefix))
                    || !(state.isFolder() ? query.folderInScope(key) : query.inScope(key))) {
                continue;
            }
            String rolledUp = commonPrefixOf(key);
            if (rolledUp != null) {
                if ((state.isFolder() || after(key)) && !offerCommonPrefix(rolledUp)) {
                    return false;
                }
                continue;
            }
            if (state.isFolder()) {
                try (OpenFolder child = entry.openFolder()) {
                    if (child != null && !walkFolder(key, entry, state, rows, child)) {
                        return false;
                    }
                }
            } else if (key.startsWith(query.prefix()) && after(key)) {
                ObjectRecord row = rows.get(entry.name());
                String etag = etags.forListing(bucket.name(), key, state, row);
                StoredChecksum checksum = EtagResolver.checksum(row, etag);
                if (!offerObject(new ListPage.Entry(key, state.size(), state.lastModified(), etag,
                        checksum == null ? null : checksum.algorithm()))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** A subfolder reached by the walk: its own marker where S3 would list one, then its keys. */
    private boolean walkFolder(String key, FolderEntries.Entry entry, FileState state, FolderRows rows,
                               OpenFolder folder) {
        List<FolderEntries.Entry> grandChildren = FolderEntries.read(bucket, folder, key);
        if (grandChildren == null) {
            return true;
        }
        if (key.startsWith(query.prefix()) && after(key) && query.inScope(key)) {
            ObjectRecord marker = rows.get(entry.name() + "/");
            if (Folders.listedAsMarker(sidecar, bucket.name(), key, marker, !FolderEntries.hasListable(grandChildren))
                    && !offerObject(new ListPage.Entry(key, 0, state.lastModified(),
                            FolderMarkers.etag(marker), null))) {
                return false;
            }
        }
        return walk(key, grandChildren);
    }

    /**
     * Whether an entry can be passed over before it is statted: neither as a file ({@code path})
     * nor as a folder ({@code path/}, and anything under it) can it be in this listing.
     */
    private boolean outsideByName(String path) {
        String asFolder = path + "/";
        String prefix = query.prefix();
        if (!path.startsWith(prefix) && !asFolder.startsWith(prefix) && !prefix.startsWith(asFolder)) {
            return true;
        }
        if (skipPrefix != null && path.startsWith(skipPrefix)) {
            return true;
        }
        if (!query.inScope(path) && !query.folderInScope(asFolder)) {
            return true;
        }
        String start = query.startAfter();
        return start != null && KeyOrder.compare(asFolder, start) <= 0 && !start.startsWith(asFolder);
    }

    /** Could this key, or for a folder anything under it, be part of the listing? */
    private boolean mayHoldListedKeys(String key) {
        String prefix = query.prefix();
        if (!key.startsWith(prefix) && !(key.endsWith("/") && prefix.startsWith(key))) {
            return false;
        }
        String start = query.startAfter();
        return start == null || KeyOrder.compare(key, start) > 0 || (key.endsWith("/") && start.startsWith(key));
    }

    private boolean after(String key) {
        return query.startAfter() == null || KeyOrder.compare(key, query.startAfter()) > 0;
    }

    private String commonPrefixOf(String key) {
        String delimiter = query.delimiter();
        if (delimiter == null || !key.startsWith(query.prefix())) {
            return null;
        }
        int at = key.indexOf(delimiter, query.prefix().length());
        return at < 0 ? null : key.substring(0, at + delimiter.length());
    }

    private boolean offerObject(ListPage.Entry entry) {
        if (isFull()) {
            return false;
        }
        objects.add(entry);
        lastReturned = entry.key();
        return true;
    }

    private boolean offerCommonPrefix(String prefix) {
        if (!commonPrefixes.isEmpty() && commonPrefixes.getLast().equals(prefix)) {
            return true;
        }
        if (query.startAfter() != null && prefix.equals(query.startAfter())) {
            return true;
        }
        if (isFull()) {
            return false;
        }
        commonPrefixes.add(prefix);
        lastReturned = prefix;
        return true;
    }

    private boolean isFull() {
        if (objects.size() + commonPrefixes.size() >= query.maxKeys()) {
            truncated = true;
            return true;
        }
        return false;
    }
}

package dev.cubby.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A folder's entries in S3 order, read by name and statted only when the lister reaches them, so
 * the first page of a folder of 100,000 files costs one directory read and a sort, not 100,000 stats.
 *
 * <p>S3 orders a subfolder {@code d} as {@code d/}. That places it differently from the plain name
 * only relative to siblings that start with {@code d} followed by a character below {@code '/'}
 * (as {@code d.txt} or {@code d-2}); only entries with such siblings are statted while sorting.
 */
final class FolderEntries {
    /** One entry: the name at once, the kind and fingerprint on the first question. */
    static final class Entry {
        private final String name;
        private final OpenFolder folder;
        private final String folderKey;
        private final Bucket bucket;
        private FileState state;
        /** The name as S3 sorts it: with a trailing '/' once it is known to be a folder. */
        private String sortName;

        private Entry(String name, OpenFolder folder, String folderKey, Bucket bucket) {
            this.name = name;
            this.folder = folder;
            this.folderKey = folderKey;
            this.bucket = bucket;
            this.sortName = name;
        }

        String name() {
            return name;
        }

        /**
         * The subfolder this entry is, opened without following a link (one swapped in since the
         * stat is not descended into); null when it is no longer a folder. The caller closes it.
         */
        OpenFolder openFolder() {
            return folder.child(name);
        }

        boolean isStatted() {
            return state != null;
        }

        /** The entry's state; symlinks count only when they lead to a file inside the bucket. */
        FileState state() {
            if (state == null) {
                FileState own = FileState.of(folder.entry(name), LinkOption.NOFOLLOW_LINKS);
                state = own.kind() == FileState.Kind.SYMLINK ? followedFileInside() : own;
            }
            return state;
        }

        /** A file or folder the listing shows (not a socket, a dangling or escaping link). */
        boolean isListable() {
            return state().isFile() || state().isFolder();
        }

        /** Stats the entry; returns whether it is a folder, whose place in the order is then {@code name/}. */
        private boolean statForOrder() {
            if (state().isFolder()) {
                sortName = name + "/";
                return true;
            }
            return false;
        }

        /**
         * Symlinks are listed only when they lead to a file inside the bucket; linked folders are
         * not descended into, so a link cannot create a cycle or an escape. A link out of the
         * bucket, to nothing, or in a loop is skipped.
         */
        private FileState followedFileInside() {
            var segments = new ArrayList<>(ObjectKey.parse(folderKey + name).segments());
            try (ResolvedPath target = ResolvedPath.of(bucket, segments)) {
                FileState state = target.state();
                return state.isFile() ? state : FileState.MISSING;
            } catch (StoreException | UncheckedIOException unfollowable) {
                return FileState.MISSING;
            }
        }
    }

    private FolderEntries() {
    }

    /**
     * The entries of an open folder (the one {@code folderKey} names) in S3 order, or null if it is
     * not a readable folder. The entries use {@code folder}: keep it open while they are used.
     */
    static List<Entry> read(Bucket bucket, OpenFolder folder, String folderKey) {
        boolean bucketRoot = folderKey.isEmpty();
        List<Entry> entries = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(folder.path())) {
            for (Path path : stream) {
                String name = path.getFileName().toString();
                if (!(bucketRoot && name.equals(ObjectKey.INTERNAL_FOLDER))) {
                    entries.add(new Entry(name, folder, folderKey, bucket));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + (folderKey.isEmpty() ? "the bucket " + bucket.name()
                    : folderKey + " in bucket " + bucket.name()), e);
        }
        Comparator<Entry> order = (a, b) -> KeyOrder.compare(a.sortName, b.sortName);
        entries.sort(order);
        if (statAmbiguous(entries)) {
            entries.sort(order);
        }
        return entries;
    }

    /**
     * Stats every entry whose place depends on whether it is a folder: one whose successor in
     * name order extends its name with a character below '/' (the names extending it follow it
     * as a run, ordered by that next character, so the successor is the one to look at).
     * Returns whether any of them is a folder, so the order must be redone.
     */
    private static boolean statAmbiguous(List<Entry> sortedByName) {
        boolean moved = false;
        for (int i = 0; i + 1 < sortedByName.size(); i++) {
            String name = sortedByName.get(i).name();
            String next = sortedByName.get(i + 1).name();
            if (next.length() > name.length() && next.startsWith(name) && next.charAt(name.length()) < '/') {
                moved |= sortedByName.get(i).statForOrder();
            }
        }
        return moved;
    }

    /** Whether the folder has any entry the listing shows (stats entries until one does). */
    static boolean hasListable(List<Entry> entries) {
        for (Entry entry : entries) {
            if (entry.isListable()) {
                return true;
            }
        }
        return false;
    }
}

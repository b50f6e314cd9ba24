package dev.cubby.fuse;

import dev.cubby.store.ObjectKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Folder listings for readdir with offsets: opendir takes one sorted snapshot of the names, and
 * each readdir call resumes at an index into it, so a large folder is read once however many
 * calls the kernel's buffer needs, and entries added meanwhile do not shift the ones to come.
 */
final class FolderListings {
    private final AtomicLong next = new AtomicLong(1);
    private final Map<Long, List<String>> open = new ConcurrentHashMap<>();

    /** Snapshots a folder of a bucket; the internal folder's name is never shown. */
    long open(Path folder) throws IOException {
        var names = new ArrayList<String>();
        try (var entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.equals(ObjectKey.INTERNAL_FOLDER)) {
                    names.add(name);
                }
            }
        }
        return open(names);
    }

    long open(List<String> names) {
        var sorted = new ArrayList<String>(names.size() + 2);
        sorted.add(".");
        sorted.add("..");
        names.stream().sorted().forEach(sorted::add);
        long handle = next.getAndIncrement();
        open.put(handle, List.copyOf(sorted));
        return handle;
    }

    List<String> names(long handle) {
        return open.get(handle);
    }

    void close(long handle) {
        open.remove(handle);
    }
}

package dev.cubby.fuse;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The files open through the mount, by the handle number FUSE passes back, and the writers by
 * FUSE path, so that stat and truncate of a file being written see the writer's copy.
 */
final class OpenFiles {
    private static final Logger LOG = Logger.getLogger(OpenFiles.class.getName());

    private final AtomicLong next = new AtomicLong(1);
    private final Map<Long, OpenFile> byHandle = new ConcurrentHashMap<>();
    private final Map<String, WriteHandle> writerByPath = new ConcurrentHashMap<>();

    long add(String path, OpenFile file) {
        long handle = next.getAndIncrement();
        byHandle.put(handle, file);
        if (file instanceof WriteHandle writer) {
            writerByPath.put(path, writer);
        }
        return handle;
    }

    OpenFile get(long handle) {
        return byHandle.get(handle);
    }

    /** The newest writer of the path, or null. */
    WriteHandle writer(String path) {
        return writerByPath.get(path);
    }

    /**
     * Every writer of the file renamed through the mount, or of a file anywhere below the folder
     * renamed, publishes to its new name from now on (else its bytes would be dropped as if the
     * file had been removed).
     */
    void renamed(String from, String to, String bucket, String key) {
        String below = from + "/";
        for (var entry : java.util.List.copyOf(writerByPath.entrySet())) {
            String path = entry.getKey();
            if (path.equals(from) || path.startsWith(below)) {
                writerByPath.remove(path, entry.getValue());
                writerByPath.put(to + path.substring(from.length()), entry.getValue());
            }
        }
        MountPath old = MountPath.parse(from);
        String oldBelow = old.key() + "/";
        for (OpenFile file : byHandle.values()) {
            if (file instanceof WriteHandle writer && writer.name().bucket().equals(old.bucket())) {
                String k = writer.name().key();
                if (k.equals(old.key()) || k.startsWith(oldBelow)) {
                    writer.renamed(bucket, key + k.substring(old.key().length()));
                }
            }
        }
    }

    /** No writer of a file removed through the mount brings it back when it closes. */
    void removed(String path) {
        WriteHandle newest = writerByPath.remove(path);
        writersOf(path, newest).forEach(WriteHandle::discard);
    }

    /** Every writer of the FUSE path. */
    java.util.List<WriteHandle> writers(String path) {
        return writersOf(path, writerByPath.get(path));
    }

    /** The writers of the FUSE path: the newest, and any older ones open on the same bucket and key. */
    private java.util.List<WriteHandle> writersOf(String path, WriteHandle newest) {
        MountPath p = MountPath.parse(path);
        var writers = new java.util.ArrayList<WriteHandle>();
        for (OpenFile file : byHandle.values()) {
            if (file instanceof WriteHandle writer && (writer == newest
                    || writer.name().equals(new WriteHandle.Name(p.bucket(), p.key())))) {
                writers.add(writer);
            }
        }
        return writers;
    }

    /** Closes (a writer: publishes) and forgets the handle. */
    void close(long handle) throws IOException {
        OpenFile file = byHandle.remove(handle);
        if (file == null) {
            return;
        }
        if (file instanceof WriteHandle writer) {
            writerByPath.values().remove(writer);
        }
        file.close();
    }

    /** At unmount: publishes what writers still hold, so a stop loses no closed-over data. */
    void closeAll() {
        for (Long handle : byHandle.keySet()) {
            try {
                close(handle);
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "cannot close a file still open at unmount", e);
            }
        }
    }
}

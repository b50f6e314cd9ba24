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

    void renamed(String from, String to, String bucket, String key) {
        WriteHandle writer = writerByPath.remove(from);
        if (writer != null) {
            writer.renamed(bucket, key);
            writerByPath.put(to, writer);
        }
    }

    void removed(String path) {
        WriteHandle writer = writerByPath.remove(path);
        if (writer != null) {
            writer.discard();
        }
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

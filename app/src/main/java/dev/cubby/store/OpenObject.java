package dev.cubby.store;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * An object opened for reading, with a channel on exactly the file version its ETag describes
 * (null for folder markers, which have no bytes). The caller closes it.
 */
public record OpenObject(StoredObject object, FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        }
    }
}

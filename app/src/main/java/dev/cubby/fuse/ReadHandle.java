package dev.cubby.fuse;

import java.io.IOException;
import java.nio.channels.FileChannel;
import jnr.ffi.Pointer;

/**
 * A file opened for reading only. It keeps the file it opened: a publish (S3 PUT or a writer
 * through the mount) renames a new file into place, so this reader goes on seeing the old bytes
 * whole, as a reader on disk would.
 */
final class ReadHandle implements OpenFile {
    private final FileChannel channel;

    ReadHandle(FileChannel channel) {
        this.channel = channel;
    }

    @Override
    public int read(Pointer buffer, long size, long offset) throws IOException {
        return OpenFile.read(channel, buffer, size, offset);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}

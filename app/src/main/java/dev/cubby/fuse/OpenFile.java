package dev.cubby.fuse;

import java.io.IOException;
import jnr.ffi.Pointer;

/** A file opened through the mount, named by the handle number FUSE hands back on each call. */
sealed interface OpenFile permits ReadHandle, WriteHandle {

    /** Copies up to {@code size} bytes at {@code offset} into {@code buffer}; returns the count (0 at the end). */
    int read(Pointer buffer, long size, long offset) throws IOException;

    /** On the last close of the file: a writer publishes what it wrote. */
    void close() throws IOException;

    /** Reads into the FUSE buffer through a bounded heap buffer. */
    static int read(java.nio.channels.FileChannel channel, Pointer buffer, long size, long offset) throws IOException {
        byte[] bytes = new byte[(int) Math.min(size, 1 << 20)];
        var wrapped = java.nio.ByteBuffer.wrap(bytes);
        while (wrapped.hasRemaining()) {
            int n = channel.read(wrapped, offset + wrapped.position());
            if (n < 0) {
                break;
            }
        }
        buffer.put(0, bytes, 0, wrapped.position());
        return wrapped.position();
    }
}

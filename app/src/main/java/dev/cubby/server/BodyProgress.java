package dev.cubby.server;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts how much of a request body the handler read, so that a failure can decide between
 * draining the rest (keeping the connection) and closing it.
 */
final class BodyProgress extends FilterInputStream {
    private long read;

    BodyProgress(InputStream in) {
        super(in);
    }

    long bytesRead() {
        return read;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            read++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            read += n;
        }
        return n;
    }
}

package dev.cubby.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;

/** Request bodies: a fixed small payload, or a long stream cut from one random buffer (no big arrays). */
final class Bodies {
    private static final byte[] NOISE = new byte[1024 * 1024 + 4096];

    static {
        new Random(42).nextBytes(NOISE);
    }

    private Bodies() {
    }

    static HttpConnection.Body of(byte[] bytes) {
        return new HttpConnection.Body() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    /** {@code length} bytes of noise; {@code seed} shifts the pattern so two objects differ. */
    static HttpConnection.Body noise(long length, int seed) {
        return new HttpConnection.Body() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                int shift = Math.floorMod(seed * 257, 4096);
                int block = 1024 * 1024;
                for (long left = length; left > 0; left -= block) {
                    out.write(NOISE, shift, (int) Math.min(block, left));
                }
            }
        };
    }

    static byte[] small(int size, int seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}

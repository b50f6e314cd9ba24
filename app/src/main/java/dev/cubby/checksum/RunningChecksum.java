package dev.cubby.checksum;

import java.util.Base64;

/**
 * A checksum being computed over a stream of bytes, fed one buffer at a time so an upload never
 * has to be held in memory.
 *
 * <p>Instances are single-use and not thread-safe: feed the bytes with {@link #update}, then call
 * {@link #finish()} (or {@link #finishBase64()}) exactly once.
 */
public interface RunningChecksum {

    /** Adds {@code len} bytes of {@code b}, starting at {@code off}, to the checksum. */
    void update(byte[] b, int off, int len);

    /**
     * Completes the computation and returns the result in its wire byte order: the big-endian
     * bytes of a CRC (4 for CRC32/CRC32C, 8 for CRC64NVME) or the digest bytes of a SHA.
     */
    byte[] finish();

    /** Completes the computation and returns the result base64 encoded, as S3 sends it in headers. */
    default String finishBase64() {
        return Base64.getEncoder().encodeToString(finish());
    }
}

package dev.cubby.checksum;

import java.util.zip.Checksum;

/** CRC32 or CRC32C through the JDK's intrinsic-backed implementations, emitted as 4 big-endian bytes. */
final class Crc32RunningChecksum implements RunningChecksum {
    private final Checksum crc;

    Crc32RunningChecksum(Checksum crc) {
        this.crc = crc;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        crc.update(b, off, len);
    }

    @Override
    public byte[] finish() {
        long value = crc.getValue();
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }
}

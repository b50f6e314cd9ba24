package dev.cubby.checksum;

import java.security.MessageDigest;

/** SHA-1 or SHA-256 through {@link MessageDigest}; the result is the digest bytes as they are. */
final class DigestRunningChecksum implements RunningChecksum {
    private final MessageDigest digest;

    DigestRunningChecksum(MessageDigest digest) {
        this.digest = digest;
    }

    @Override
    public void update(byte[] b, int off, int len) {
        digest.update(b, off, len);
    }

    @Override
    public byte[] finish() {
        return digest.digest();
    }
}

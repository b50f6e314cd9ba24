package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * Passes a body through while hashing it, and at its end checks the SHA-256 the client declared
 * in {@code x-amz-content-sha256}.
 *
 * <p>A mismatch throws {@code XAmzContentSHA256Mismatch} instead of returning end-of-stream, so a
 * caller that commits only after reading {@code -1} never commits a body that differs from the
 * signed one. Extends {@link InputStream} rather than {@code FilterInputStream} so that no
 * method (skip, mark, transferTo) can reach the raw stream around the digest.
 */
final class Sha256CheckingInputStream extends InputStream {
    private final InputStream in;
    private final String expectedHex;
    private final MessageDigest digest = Sha256.newDigest();
    private final byte[] single = new byte[1];
    private boolean verified;

    /** @param expectedHex the declared hash, 64 hex digits in any case */
    Sha256CheckingInputStream(InputStream raw, String expectedHex) {
        this.in = Objects.requireNonNull(raw, "raw");
        this.expectedHex = expectedHex.toLowerCase(Locale.ROOT);
    }

    @Override
    public int read() throws IOException {
        int n = read(single, 0, 1);
        return n < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (verified) {
            return -1;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            verify();
            return -1;
        }
        digest.update(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void verify() {
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                expectedHex.getBytes(StandardCharsets.US_ASCII))) {
            throw S3Exception.of(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH, "The provided 'x-amz-content-sha256' "
                    + "header does not match what was computed: the client declared " + expectedHex
                    + " but the body received hashes to " + actual + ".");
        }
        verified = true;
    }
}

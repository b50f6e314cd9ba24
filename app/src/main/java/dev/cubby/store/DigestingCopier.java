package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.RunningChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** Streams a body into a file through one bounded buffer, computing MD5 and checksums on the way. */
final class DigestingCopier {
    /** The buffer starts small and grows while reads fill it, so a 4 KiB PUT does not allocate 256 KiB. */
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;
    private static final int BUFFER_BYTES = 256 * 1024;

    private DigestingCopier() {
    }

    /**
     * Streams a body into a new file, fsyncs it, and lets the verifier refuse it: the first half
     * of every durable write (PUT and UploadPart). The caller owns and removes the file.
     */
    static BodyDigests stage(InputStream body, java.nio.file.Path file, Set<ChecksumAlgorithm> algorithms,
                             PutRequest.BodyVerifier verifier) throws IOException {
        BodyDigests digests;
        try (FileChannel out = FileChannel.open(file, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            digests = copy(body, out, algorithms);
            out.force(true);
        }
        verifier.verify(digests);
        return digests;
    }

    static BodyDigests copy(InputStream body, FileChannel out, Set<ChecksumAlgorithm> algorithms) throws IOException {
        MessageDigest md5 = md5();
        var running = new EnumMap<ChecksumAlgorithm, RunningChecksum>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm algorithm : algorithms) {
            running.put(algorithm, algorithm.start());
        }
        byte[] buffer = new byte[FIRST_BUFFER_BYTES];
        ByteBuffer wrapper = ByteBuffer.wrap(buffer);
        long total = 0;
        int n;
        while ((n = body.readNBytes(buffer, 0, buffer.length)) > 0) {
            md5.update(buffer, 0, n);
            for (RunningChecksum checksum : running.values()) {
                checksum.update(buffer, 0, n);
            }
            wrapper.clear().limit(n);
            while (wrapper.hasRemaining()) {
                out.write(wrapper);
            }
            total += n;
            if (n == buffer.length && buffer.length < BUFFER_BYTES) {
                buffer = new byte[buffer.length * 4];
                wrapper = ByteBuffer.wrap(buffer);
            }
        }
        Map<ChecksumAlgorithm, String> values = new EnumMap<>(ChecksumAlgorithm.class);
        running.forEach((algorithm, checksum) ->
                values.put(algorithm, Base64.getEncoder().encodeToString(checksum.finish())));
        return new BodyDigests(md5.digest(), total, values);
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}

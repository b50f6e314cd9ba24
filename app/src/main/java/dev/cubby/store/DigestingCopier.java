package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.Digests;
import dev.cubby.checksum.RunningChecksum;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/** Streams a body into a file through bounded buffers, computing MD5 and checksums on the way. */
final class DigestingCopier {
    /** The buffer starts small and grows once a read fills it, so a 4 KiB PUT does not allocate 256 KiB. */
    private static final int FIRST_BUFFER_BYTES = 16 * 1024;
    /** A large body uses two of these, one being hashed while the other is filled. */
    private static final int BUFFER_BYTES = 128 * 1024;
    private static final CompletableFuture<?> DONE = CompletableFuture.completedFuture(null);
    private static final Executor HASHING = Executors.newVirtualThreadPerTaskExecutor();

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
        MessageDigest md5 = Digests.md5();
        var running = new EnumMap<ChecksumAlgorithm, RunningChecksum>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm algorithm : algorithms) {
            running.put(algorithm, algorithm.start());
        }
        byte[] buffer = new byte[FIRST_BUFFER_BYTES];
        long total = 0;
        int n;
        while ((n = body.readNBytes(buffer, 0, buffer.length)) > 0) {
            md5.update(buffer, 0, n);
            checksumAndWrite(running.values(), out, buffer, n);
            total += n;
            if (n == buffer.length) {
                if (buffer.length == BUFFER_BYTES) {
                    total += copyHashingAside(body, out, running.values(), md5, buffer);
                    break;
                }
                buffer = new byte[BUFFER_BYTES];
            }
        }
        Map<ChecksumAlgorithm, String> values = new EnumMap<>(ChecksumAlgorithm.class);
        running.forEach((algorithm, checksum) ->
                values.put(algorithm, Base64.getEncoder().encodeToString(checksum.finish())));
        return new BodyDigests(md5.digest(), total, values);
    }

    /**
     * The rest of a large body: MD5, the costliest step, runs on a second thread while this one
     * reads, feeds the other checksums and writes, so one upload can use two cores. Two buffers
     * take turns; a buffer is refilled only once MD5 is done with it, and MD5 sees them in order.
     */
    private static long copyHashingAside(InputStream body, FileChannel out, Collection<RunningChecksum> checksums,
                                         MessageDigest md5, byte[] free) throws IOException {
        byte[][] buffers = {free, new byte[free.length]};
        CompletableFuture<?>[] hashed = {DONE, DONE};
        CompletableFuture<?> lastHashed = DONE;
        long total = 0;
        for (int turn = 0; ; turn ^= 1) {
            byte[] buffer = buffers[turn];
            hashed[turn].join();
            int n = body.readNBytes(buffer, 0, buffer.length);
            if (n <= 0) {
                break;
            }
            lastHashed = lastHashed.thenRunAsync(() -> md5.update(buffer, 0, n), HASHING);
            hashed[turn] = lastHashed;
            checksumAndWrite(checksums, out, buffer, n);
            total += n;
        }
        lastHashed.join();
        return total;
    }

    private static void checksumAndWrite(Collection<RunningChecksum> checksums, FileChannel out, byte[] buffer, int n)
            throws IOException {
        for (RunningChecksum checksum : checksums) {
            checksum.update(buffer, 0, n);
        }
        ByteBuffer wrapper = ByteBuffer.wrap(buffer, 0, n);
        while (wrapper.hasRemaining()) {
            out.write(wrapper);
        }
    }
}

package dev.cubby.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cubby.checksum.ChecksumAlgorithm;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bodies of every size around the buffer steps (16 KiB, then 128 KiB buffers hashed on a second
 * thread) must land byte for byte, with the MD5 and checksums of exactly those bytes.
 */
class DigestingCopierTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16 * 1024 - 1, 16 * 1024, 16 * 1024 + 1, 144 * 1024, 144 * 1024 + 1,
            272 * 1024 + 5, 5 * 1024 * 1024 + 3})
    void theFileTheMd5AndTheChecksumsAreThoseOfTheBody(int size) throws Exception {
        byte[] body = new byte[size];
        new Random(size).nextBytes(body);
        Path file = dir.resolve("out");
        BodyDigests digests;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            digests = DigestingCopier.copy(new TricklingStream(body), out,
                    Set.of(ChecksumAlgorithm.CRC32, ChecksumAlgorithm.SHA256));
        }
        assertArrayEquals(body, Files.readAllBytes(file));
        assertEquals(size, digests.length());
        assertArrayEquals(MessageDigest.getInstance("MD5").digest(body), digests.md5());
        var crc = new java.util.zip.CRC32();
        crc.update(body);
        byte[] crcBytes = java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
        assertEquals(Base64.getEncoder().encodeToString(crcBytes), digests.checksums().get(ChecksumAlgorithm.CRC32));
        assertEquals(Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body)),
                digests.checksums().get(ChecksumAlgorithm.SHA256));
    }

    /** Hands out the body in uneven pieces, as a socket does, so buffers are filled by several reads. */
    private static final class TricklingStream extends InputStream {
        private final ByteArrayInputStream in;
        private int turn;

        TricklingStream(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int[] pieces = {1, 7000, 65536, 333};
            return in.read(b, off, Math.min(len, pieces[turn++ % pieces.length]));
        }
    }
}

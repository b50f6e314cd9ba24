package dev.cubby.checksum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Known vectors. The CRC check values for "123456789" are the published catalogue values; the
 * other constants were computed independently with python3 (zlib.crc32, hashlib, and a bitwise
 * reflected-CRC reference for CRC32C/CRC64NVME), see the comments. The CRC32C of 66560 'a' bytes
 * ("sOO8/Q==") is also the value in the AWS trailing-checksum documentation example.
 */
class ChecksumAlgorithmTest {

    @ParameterizedTest
    @CsvSource({
        // algorithm, input, expected base64 (python3: base64 of big-endian CRC / digest)
        "CRC32,     123456789,   y/Q5Jg==",
        "CRC32C,    123456789,   4waSgw==",
        "CRC64NVME, 123456789,   rosUhgp5mIg=",
        "SHA1,      123456789,   98O8HYCOBHMq32eZZczDTKeuNEE=",
        "SHA256,    123456789,   FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU=",
        "CRC32,     Hello world, i9aeUg==",
        "CRC32C,    Hello world, crUfeA==",
        "CRC64NVME, Hello world, OOJZ0D8xKts=",
        "SHA1,      Hello world, e1AsOh9IyGCa4hLN+2Od7jlnP14=",
        "SHA256,    Hello world, ZOyIygCyaOW6GjVnihtTFtIS9PNmskdyMlNKiuyjfzw=",
    })
    void knownVectors(ChecksumAlgorithm algorithm, String input, String expected) {
        assertEquals(expected, oneShot(algorithm, input.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource({
        "CRC32,     AAAAAA==",
        "CRC32C,    AAAAAA==",
        "CRC64NVME, AAAAAAAAAAA=",
        "SHA1,      2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
        "SHA256,    47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    })
    void emptyInput(ChecksumAlgorithm algorithm, String expected) {
        assertEquals(expected, oneShot(algorithm, new byte[0]));
    }

    @Test
    void crcCheckValuesAsBigEndianBytes() {
        HexFormat hex = HexFormat.of();
        byte[] input = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(hex.parseHex("cbf43926"), finish(ChecksumAlgorithm.CRC32, input));
        assertArrayEquals(hex.parseHex("e3069283"), finish(ChecksumAlgorithm.CRC32C, input));
        assertArrayEquals(hex.parseHex("ae8b14860a799888"), finish(ChecksumAlgorithm.CRC64NVME, input));
    }

    @Test
    void largeInputMatchesAwsTrailerExample() {
        byte[] a = "a".repeat(66560).getBytes(StandardCharsets.US_ASCII);
        assertEquals("sOO8/Q==", oneShot(ChecksumAlgorithm.CRC32C, a));
        assertEquals("sK4Y7A==", oneShot(ChecksumAlgorithm.CRC32, a)); // python3 zlib.crc32
        assertEquals("pRf+emrnL+A=", oneShot(ChecksumAlgorithm.CRC64NVME, a)); // python3 bitwise reference
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void incrementalUpdateEqualsOneShot(ChecksumAlgorithm algorithm) {
        byte[] data = new byte[100_003];
        Random random = new Random(42);
        random.nextBytes(data);
        String expected = oneShot(algorithm, data);
        RunningChecksum running = algorithm.start();
        int off = 0;
        while (off < data.length) {
            int len = Math.min(data.length - off, random.nextInt(20));
            running.update(data, off, len);
            off += len;
        }
        assertEquals(expected, running.finishBase64());
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void resultHasDeclaredLength(ChecksumAlgorithm algorithm) {
        assertEquals(algorithm.byteLength(), algorithm.start().finish().length);
    }

    @Test
    void namesOnTheWire() {
        assertEquals("x-amz-checksum-crc32c", ChecksumAlgorithm.CRC32C.headerName());
        assertEquals("x-amz-checksum-crc64nvme", ChecksumAlgorithm.CRC64NVME.headerName());
        assertEquals("CRC64NVME", ChecksumAlgorithm.CRC64NVME.wireName());
        assertEquals(Optional.of(ChecksumAlgorithm.SHA256), ChecksumAlgorithm.fromWireName("sha256"));
        assertEquals(Optional.of(ChecksumAlgorithm.CRC32C), ChecksumAlgorithm.fromWireName("CRC32C"));
        assertEquals(Optional.empty(), ChecksumAlgorithm.fromWireName("MD5"));
        assertEquals(Optional.empty(), ChecksumAlgorithm.fromWireName(null));
        assertEquals(Optional.of(ChecksumAlgorithm.SHA1), ChecksumAlgorithm.fromHeaderName("X-Amz-Checksum-Sha1"));
        assertEquals(Optional.empty(), ChecksumAlgorithm.fromHeaderName("x-amz-checksum-md5"));
    }

    private static String oneShot(ChecksumAlgorithm algorithm, byte[] data) {
        RunningChecksum running = algorithm.start();
        running.update(data, 0, data.length);
        return running.finishBase64();
    }

    private static byte[] finish(ChecksumAlgorithm algorithm, byte[] data) {
        RunningChecksum running = algorithm.start();
        running.update(data, 0, data.length);
        return running.finish();
    }
}

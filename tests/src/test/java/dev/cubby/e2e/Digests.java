package dev.cubby.e2e;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/** The digests the tests expect, computed on the test's side from the bytes themselves. */
public final class Digests {
    public static final String EMPTY_MD5 = "d41d8cd98f00b204e9800998ecf8427e";

    private Digests() {
    }

    public static String md5Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("MD5", bytes));
    }

    /** The ETag S3 gives a single-part object: the hex MD5 in double quotes. */
    public static String etag(byte[] bytes) {
        return "\"" + md5Hex(bytes) + "\"";
    }

    public static String md5Base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(digest("MD5", bytes));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-256", bytes));
    }

    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The base64 value S3 reports in {@code x-amz-checksum-<algorithm>} for these bytes. */
    public static String checksumBase64(ChecksumAlgorithm algorithm, byte[] bytes) {
        byte[] value = switch (algorithm) {
            case CRC32 -> crc(new CRC32(), bytes);
            case CRC32_C -> crc(new CRC32C(), bytes);
            case SHA1 -> digest("SHA-1", bytes);
            case SHA256 -> digest("SHA-256", bytes);
            case CRC64_NVME -> crc64Nvme(bytes);
            default -> throw new IllegalArgumentException("no expectation for " + algorithm);
        };
        return Base64.getEncoder().encodeToString(value);
    }

    private static byte[] crc(Checksum checksum, byte[] bytes) {
        checksum.update(bytes, 0, bytes.length);
        return ByteBuffer.allocate(4).putInt((int) checksum.getValue()).array();
    }

    /** CRC-64/NVME has no JDK implementation; the SDK's (backed by the CRT) is independent of the server's. */
    private static byte[] crc64Nvme(byte[] bytes) {
        SdkChecksum checksum = SdkChecksum.forAlgorithm(DefaultChecksumAlgorithm.CRC64NVME);
        checksum.update(bytes, 0, bytes.length);
        return checksum.getChecksumBytes();
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cubby.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;

/**
 * What S3 answers for an object assembled from parts, computed on the test's side: the multipart
 * ETag (MD5 of the concatenated binary part MD5s, then {@code -N}) and the composite checksum
 * (the algorithm over the concatenated binary part checksums, then {@code -N}).
 */
public final class MultipartParts {
    public static final int MIB = 1024 * 1024;
    /** The smallest size S3 allows for any part but the last. */
    public static final int MIN_PART = 5 * MIB;

    private MultipartParts() {
    }

    /** The quoted ETag of an object completed from these parts, in order. */
    public static String etag(List<byte[]> parts) {
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            md5s.writeBytes(md5(part));
        }
        return "\"" + HexFormat.of().formatHex(md5(md5s.toByteArray())) + "-" + parts.size() + "\"";
    }

    /** The composite checksum S3 reports for an object completed from these parts, e.g. {@code "AbCd==-3"}. */
    public static String compositeChecksum(ChecksumAlgorithm algorithm, List<byte[]> parts) {
        ByteArrayOutputStream checksums = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            checksums.writeBytes(Base64.getDecoder().decode(Digests.checksumBase64(algorithm, part)));
        }
        return Digests.checksumBase64(algorithm, checksums.toByteArray()) + "-" + parts.size();
    }

    public static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    /**
     * Files under the server's internal folder that hold exactly these bytes: a staged part that
     * should have been removed shows up here.
     */
    public static List<Path> stagedCopies(Path root, byte[] bytes) {
        Path internal = root.resolve(".cubby");
        if (!Files.isDirectory(internal)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(internal)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> sameBytes(path, bytes))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean sameBytes(Path path, byte[] bytes) {
        try {
            return Files.size(path) == bytes.length && Arrays.equals(Files.readAllBytes(path), bytes);
        } catch (IOException vanished) {
            return false;
        }
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

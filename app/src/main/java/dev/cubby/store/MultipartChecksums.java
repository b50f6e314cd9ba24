package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.Digests;
import dev.cubby.checksum.RunningChecksum;
import dev.cubby.meta.UploadedPart;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** The S3 rules for what a multipart object's ETag and composite checksum are. */
final class MultipartChecksums {
    private MultipartChecksums() {
    }

    /** MD5 of the concatenated binary part MD5s, then {@code -N}. */
    static String etag(List<UploadedPart> parts) {
        MessageDigest md5 = Digests.md5();
        for (UploadedPart part : parts) {
            md5.update(HexFormat.of().parseHex(part.etag()));
        }
        return Digests.hex(md5.digest()) + "-" + parts.size();
    }

    /** The N of an ETag in multipart form ({@code <hex>-N}), or null when it is not in that form. */
    static Integer partsCount(String etag) {
        int dash = etag.lastIndexOf('-');
        if (dash < 1 || dash == etag.length() - 1) {
            return null;
        }
        try {
            int count = Integer.parseInt(etag.substring(dash + 1));
            return count > 0 ? count : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The algorithm over the concatenated binary part checksums, base64, then {@code -N}; null
     * when a part has no checksum of the algorithm.
     */
    static String composite(ChecksumAlgorithm algorithm, List<UploadedPart> parts) {
        RunningChecksum running = algorithm.start();
        for (UploadedPart part : parts) {
            if (part.checksum() == null) {
                return null;
            }
            byte[] value = Base64.getDecoder().decode(part.checksum());
            running.update(value, 0, value.length);
        }
        return Base64.getEncoder().encodeToString(running.finish()) + "-" + parts.size();
    }
}

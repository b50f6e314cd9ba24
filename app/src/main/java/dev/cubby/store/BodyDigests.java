package dev.cubby.store;

import dev.cubby.checksum.ChecksumAlgorithm;
import dev.cubby.checksum.Digests;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * What was computed over a body while it streamed to disk: the MD5 (the ETag of a single PUT)
 * and the additional checksums, base64 as S3 sends them.
 */
public record BodyDigests(byte[] md5, long length, Map<ChecksumAlgorithm, String> checksums) {

    public BodyDigests {
        checksums = checksums.isEmpty() ? Map.of() : new EnumMap<>(checksums);
    }

    /** The S3 ETag of a single-part object: hex MD5, without quotes. */
    public String etag() {
        return Digests.hex(md5);
    }

    public String md5Base64() {
        return Base64.getEncoder().encodeToString(md5);
    }
}

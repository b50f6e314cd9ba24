package dev.cubby.s3.handler;

import dev.cubby.s3.error.S3ErrorCode;
import dev.cubby.s3.error.S3Exception;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The object named by {@code x-amz-copy-source}: {@code /bucket/key} or {@code bucket/key},
 * URL-encoded, optionally followed by {@code ?versionId=...} (ignored: Cubby keeps one version).
 * A {@code +} stays a plus sign: the header is percent-encoded, not form-encoded.
 */
record CopySource(String bucket, String key) {

    static CopySource parse(String header) {
        String raw = header == null ? "" : header.trim();
        int query = raw.indexOf('?');
        if (query >= 0) {
            raw = raw.substring(0, query);
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Invalid copy source encoding: x-amz-copy-source must be "
                    + "URL-encoded (" + e.getMessage() + ").");
        }
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT,
                    "Copy Source must mention the source bucket and key: sourcebucket/sourcekey.");
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1));
    }
}

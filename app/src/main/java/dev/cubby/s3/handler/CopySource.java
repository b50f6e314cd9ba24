package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.VersionId;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The object named by {@code x-amz-copy-source}: {@code /bucket/key} or {@code bucket/key},
 * URL-encoded, optionally followed by {@code ?versionId=...}. The version must be
 * {@link VersionId#NULL} (the one version Cubby keeps); any other is refused here, for CopyObject
 * and UploadPartCopy alike, before anything is read or written. {@code versionId} is null when
 * the header names no version. A {@code +} stays a plus sign: the header is percent-encoded, not
 * form-encoded.
 */
record CopySource(String bucket, String key, String versionId) {
    private static final String HEADER = "x-amz-copy-source";
    private static final String VERSION_PARAMETER = "versionId=";

    static CopySource parse(String header) {
        String raw = header == null ? "" : header.trim();
        String versionId = null;
        int query = raw.indexOf('?');
        if (query >= 0) {
            versionId = versionId(raw.substring(query + 1));
            raw = raw.substring(0, query);
        }
        String decoded = decode(raw);
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT,
                    "Copy Source must mention the source bucket and key: sourcebucket/sourcekey.");
        }
        return new CopySource(decoded.substring(0, slash), decoded.substring(slash + 1), versionId);
    }

    /**
     * The version named after the {@code ?}. Nothing but {@code versionId} may follow it: a key
     * with an unencoded {@code ?} would otherwise be cut short and another object copied.
     */
    private static String versionId(String query) {
        if (!query.startsWith(VERSION_PARAMETER)) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, HEADER + " may end only in ?" + VERSION_PARAMETER
                    + "...; a '?' in the source key must be sent as %3F.");
        }
        String versionId = decode(query.substring(VERSION_PARAMETER.length()));
        VersionId.requireNull(versionId, HEADER);
        return versionId;
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.of(S3ErrorCode.INVALID_ARGUMENT, "Invalid copy source encoding: " + HEADER + " must be "
                    + "URL-encoded (each '%' followed by two hex digits of a UTF-8 byte).");
        }
    }
}

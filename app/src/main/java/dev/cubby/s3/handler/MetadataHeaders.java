package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.ObjectMetadata;
import dev.cubby.s3.S3Request;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the metadata an upload sets: standard headers and {@code x-amz-meta-*}. */
final class MetadataHeaders {
    private static final String USER_PREFIX = "x-amz-meta-";
    /** S3 limits user metadata to 2 KiB (names and values in UTF-8). */
    private static final int MAX_USER_METADATA_BYTES = 2048;

    private MetadataHeaders() {
    }

    static ObjectMetadata read(S3Request request) {
        var user = new TreeMap<String, String>();
        int bytes = 0;
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            if (header.getKey().startsWith(USER_PREFIX) && header.getKey().length() > USER_PREFIX.length()) {
                String name = header.getKey().substring(USER_PREFIX.length());
                String value = String.join(",", header.getValue());
                user.put(name, value);
                bytes += name.getBytes(StandardCharsets.UTF_8).length + value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        if (bytes > MAX_USER_METADATA_BYTES) {
            throw S3Exception.of(S3ErrorCode.METADATA_TOO_LARGE, "The x-amz-meta-* headers hold " + bytes
                    + " bytes; S3 allows at most " + MAX_USER_METADATA_BYTES + ".");
        }
        return new ObjectMetadata(request.header("content-type"), request.header("cache-control"),
                request.header("content-disposition"), storedContentEncoding(request.header("content-encoding")),
                request.header("content-language"), request.header("expires"), user);
    }

    /**
     * aws-chunked describes the transfer, not the object, so S3 does not store it; the other
     * codings stay as the client wrote them, spacing included ({@code deflate, gzip}).
     */
    static String storedContentEncoding(String header) {
        if (header == null) {
            return null;
        }
        String kept = Arrays.stream(header.split(",", -1))
                .filter(token -> !token.isBlank() && !token.trim().equalsIgnoreCase("aws-chunked"))
                .collect(Collectors.joining(",")).strip();
        return kept.isEmpty() ? null : kept;
    }
}

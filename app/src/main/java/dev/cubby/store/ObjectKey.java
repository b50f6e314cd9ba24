package dev.cubby.store;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A validated S3 key and its path segments. The one place where the rules for turning a key
 * into a relative path live: a key is split on {@code /}; empty segments (but a trailing
 * slash), {@code .}, {@code ..}, NUL, segments over 255 bytes, keys over 1024 bytes and keys
 * under the internal folder name are refused, so no key can climb out of its bucket.
 */
public record ObjectKey(String value, List<String> segments, boolean folderMarker) {
    public static final String INTERNAL_FOLDER = ".cubby";
    private static final int MAX_KEY_BYTES = 1024;
    private static final int MAX_SEGMENT_BYTES = 255;

    public static ObjectKey parse(String key) {
        if (key == null || key.isEmpty()) {
            throw invalid(key, "the key is empty");
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new StoreException(StoreException.Reason.KEY_TOO_LONG,
                    "the key is longer than " + MAX_KEY_BYTES + " bytes in UTF-8");
        }
        boolean marker = key.endsWith("/");
        String body = marker ? key.substring(0, key.length() - 1) : key;
        List<String> segments = List.of(body.split("/", -1));
        for (String segment : segments) {
            if (segment.isEmpty()) {
                throw invalid(key, "it has an empty path segment ('//' or a leading '/')");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw invalid(key, "'" + segment + "' cannot be a path segment");
            }
            if (segment.indexOf('\0') >= 0) {
                throw invalid(key, "it contains a NUL character");
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw invalid(key, "a path segment is longer than " + MAX_SEGMENT_BYTES + " bytes");
            }
        }
        if (segments.getFirst().equals(INTERNAL_FOLDER)) {
            throw invalid(key, "'" + INTERNAL_FOLDER + "' is reserved for Cubby's internal folder");
        }
        return new ObjectKey(key, segments, marker);
    }

    private static StoreException invalid(String key, String why) {
        return new StoreException(StoreException.Reason.INVALID_KEY,
                "The key '" + key + "' cannot be stored as a file path: " + why + ".");
    }

    /** The key of the folder holding this object, with trailing slash; "" at the bucket's top. */
    public String parentFolderKey() {
        String body = folderMarker ? value.substring(0, value.length() - 1) : value;
        return body.substring(0, body.lastIndexOf('/') + 1);
    }
}

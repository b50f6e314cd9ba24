package dev.cubby.meta;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The descriptive metadata S3 keeps for an object and a plain file cannot: standard headers
 * (null when not set) and user metadata ({@code x-amz-meta-*} names without the prefix,
 * lower-case).
 */
public record ObjectMetadata(String contentType, String cacheControl, String contentDisposition,
                             String contentEncoding, String contentLanguage, String expires,
                             SortedMap<String, String> userMetadata) {

    public static final ObjectMetadata NONE = new ObjectMetadata(null, null, null, null, null, null, new TreeMap<>());

    public ObjectMetadata {
        userMetadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(userMetadata));
    }

    public ObjectMetadata withUserMetadata(Map<String, String> replacement) {
        return new ObjectMetadata(contentType, cacheControl, contentDisposition, contentEncoding,
                contentLanguage, expires, new TreeMap<>(replacement));
    }
}

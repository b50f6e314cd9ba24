package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.xml.SafeXmlReader;
import dev.cubby.s3.xml.XmlElement;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated set of object tags, as S3 limits them: at most 10, keys of 1 to 128 characters,
 * values of at most 256, no key twice, none under the reserved {@code aws:} prefix. Comes from
 * a {@code <Tagging>} body or from the {@code x-amz-tagging} header ({@code k1=v1&k2=v2},
 * URL query-encoded).
 */
record TagSet(Map<String, String> tags) {
    static final int MAX_TAGS = 10;
    /** A bucket may have more tags than an object. */
    static final int MAX_BUCKET_TAGS = 50;
    static final int MAX_KEY_CHARS = 128;
    static final int MAX_VALUE_CHARS = 256;
    private static final int MAX_BODY_BYTES = 64 * 1024;

    static final TagSet EMPTY = new TagSet(Map.of());

    TagSet {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /** Validates object tags given as (key, value) pairs in the client's order. */
    static TagSet of(List<Map.Entry<String, String>> pairs) {
        return of(pairs, MAX_TAGS, "Object");
    }

    private static TagSet of(List<Map.Entry<String, String>> pairs, int maxTags, String owner) {
        if (pairs.size() > maxTags) {
            throw invalid(owner + " tags cannot be greater than " + maxTags + "; " + pairs.size() + " were given.");
        }
        var tags = new LinkedHashMap<String, String>();
        for (Map.Entry<String, String> pair : pairs) {
            String key = pair.getKey();
            String value = pair.getValue();
            if (key.isEmpty() || chars(key) > MAX_KEY_CHARS) {
                throw invalid("The TagKey '" + key + "' is invalid: a tag key has 1 to " + MAX_KEY_CHARS + " characters.");
            }
            if (key.startsWith("aws:")) {
                throw invalid("The TagKey '" + key + "' is invalid: the prefix 'aws:' is reserved.");
            }
            if (chars(value) > MAX_VALUE_CHARS) {
                throw invalid("The TagValue of '" + key + "' is invalid: a tag value has at most " + MAX_VALUE_CHARS
                        + " characters.");
            }
            if (tags.putIfAbsent(key, value) != null) {
                throw invalid("Cannot provide multiple Tags with the same key: '" + key + "'.");
            }
        }
        return new TagSet(tags);
    }

    /** The {@code x-amz-tagging} header of PutObject and CopyObject; null or empty: no tags. */
    static TagSet fromHeader(String header) {
        if (header == null || header.isBlank()) {
            return EMPTY;
        }
        var pairs = new java.util.ArrayList<Map.Entry<String, String>>();
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            pairs.add(Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return of(pairs);
    }

    /** A {@code <Tagging>} body of PutObjectTagging. */
    static TagSet fromXml(byte[] body) {
        return of(pairsOf(body));
    }

    /** A {@code <Tagging>} body of PutBucketTagging: up to {@link #MAX_BUCKET_TAGS} tags. */
    static TagSet bucketTagsFromXml(byte[] body) {
        return of(pairsOf(body), MAX_BUCKET_TAGS, "Bucket");
    }

    /** The tags as stored: the {@code x-amz-tagging} form, read back by {@link #fromStored}. */
    String toStored() {
        var out = new StringBuilder();
        tags.forEach((key, value) -> out.append(out.isEmpty() ? "" : "&").append(encode(key)).append('=')
                .append(encode(value)));
        return out.toString();
    }

    /** Tags written by {@link #toStored}; validated when they were put, so read as they are. */
    static TagSet fromStored(String stored) {
        var tags = new LinkedHashMap<String, String>();
        for (String pair : stored.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                tags.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return new TagSet(tags);
    }

    /** The (key, value) pairs of a {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>} body. */
    private static List<Map.Entry<String, String>> pairsOf(byte[] body) {
        XmlElement root = SafeXmlReader.parse(new ByteArrayInputStream(body), MAX_BODY_BYTES);
        if (!root.name().equals("Tagging")) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_XML, "Expected <Tagging>, found <" + root.name() + ">.");
        }
        XmlElement set = root.child("TagSet").orElseThrow(() ->
                S3Exception.of(S3ErrorCode.MALFORMED_XML, "<Tagging> needs a <TagSet>."));
        var pairs = new java.util.ArrayList<Map.Entry<String, String>>();
        for (XmlElement tag : set.childrenNamed("Tag")) {
            String key = tag.childRawText("Key").orElseThrow(() ->
                    S3Exception.of(S3ErrorCode.MALFORMED_XML, "Each <Tag> needs a <Key>."));
            String value = tag.childRawText("Value").orElseThrow(() ->
                    S3Exception.of(S3ErrorCode.MALFORMED_XML, "Each <Tag> needs a <Value>."));
            pairs.add(Map.entry(key, value));
        }
        return pairs;
    }

    static int maxBodyBytes() {
        return MAX_BODY_BYTES;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("x-amz-tagging must be URL query-encoded (k1=v1&k2=v2, each '%' followed by two hex "
                    + "digits of a UTF-8 byte).");
        }
    }

    private static String encode(String raw) {
        return java.net.URLEncoder.encode(raw, StandardCharsets.UTF_8);
    }

    /** S3 counts characters (code points), not bytes. */
    private static int chars(String s) {
        return s.codePointCount(0, s.length());
    }

    private static S3Exception invalid(String message) {
        return S3Exception.of(S3ErrorCode.INVALID_TAG, message);
    }
}

package dev.cubby.policy;

import dev.cubby.auth.Principal;
import dev.cubby.auth.RequestContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The values a request gives the condition keys (names compared without case, tag keys with
 * it). An empty list means the request does not carry the key. Known keys:
 * {@code aws:SourceIp}, {@code aws:SecureTransport}, {@code aws:CurrentTime},
 * {@code aws:EpochTime}, {@code aws:username} (the key's name), {@code aws:userid} (its access
 * key id), {@code aws:Referer}, {@code aws:UserAgent}, {@code s3:prefix}, {@code s3:delimiter},
 * {@code s3:max-keys}, every {@code s3:x-amz-...} request header ({@code s3:x-amz-acl},
 * {@code s3:x-amz-grant-read}, {@code s3:x-amz-copy-source}, {@code s3:x-amz-metadata-directive},
 * {@code s3:x-amz-server-side-encryption}...), {@code s3:ExistingObjectTag/KEY},
 * {@code s3:RequestObjectTag/KEY} and {@code s3:RequestObjectTagKeys} (from {@code x-amz-tagging}).
 * Any other key is absent.
 */
final class ConditionKeys {
    private static final String EXISTING_TAG = "s3:existingobjecttag/";
    private static final String REQUEST_TAG = "s3:requestobjecttag/";

    private final Principal principal;
    private final RequestContext context;
    private final Supplier<Map<String, String>> existingTags;
    private Map<String, String> loadedTags;

    /** @param existingTags the object's tags, read only when a condition asks for them */
    ConditionKeys(Principal principal, RequestContext context, Supplier<Map<String, String>> existingTags) {
        this.principal = principal;
        this.context = context;
        this.existingTags = existingTags;
    }

    List<String> values(String key) {
        String name = key.toLowerCase(Locale.ROOT);
        if (name.startsWith(EXISTING_TAG)) {
            return one(existingTags().get(key.substring(EXISTING_TAG.length())));
        }
        if (name.startsWith(REQUEST_TAG)) {
            return one(requestTags().get(key.substring(REQUEST_TAG.length())));
        }
        return switch (name) {
            case "aws:sourceip" -> one(context.sourceIp());
            case "aws:securetransport" -> List.of(Boolean.toString(context.secureTransport()));
            case "aws:currenttime" -> List.of(context.now().toString());
            case "aws:epochtime" -> List.of(Long.toString(context.now().getEpochSecond()));
            case "aws:username" -> one(principal.name());
            case "aws:userid" -> one(principal.accessKeyId());
            case "aws:referer" -> one(context.header().apply("referer"));
            case "aws:useragent" -> one(context.header().apply("user-agent"));
            case "s3:prefix", "s3:delimiter", "s3:max-keys" -> one(context.query().apply(name.substring(3)));
            case "s3:requestobjecttagkeys" -> List.copyOf(requestTags().keySet());
            case "s3:x-amz-copy-source" -> one(copySource(context.header().apply("x-amz-copy-source")));
            default -> name.startsWith("s3:x-amz-") ? one(context.header().apply(name.substring(3))) : List.of();
        };
    }

    private Map<String, String> existingTags() {
        if (loadedTags == null) {
            loadedTags = existingTags.get();
        }
        return loadedTags;
    }

    /** The {@code x-amz-tagging} header of a PUT or copy: {@code k1=v1&k2=v2}, URL-encoded. */
    private Map<String, String> requestTags() {
        String header = context.header().apply("x-amz-tagging");
        var tags = new LinkedHashMap<String, String>();
        if (header != null) {
            for (String pair : header.split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    tags.putIfAbsent(decodeForm(eq < 0 ? pair : pair.substring(0, eq)),
                            eq < 0 ? "" : decodeForm(pair.substring(eq + 1)));
                }
            }
        }
        return tags;
    }

    /** {@code /bucket/key?versionId=...} as policies name it: {@code bucket/key}, decoded. */
    private static String copySource(String header) {
        if (header == null) {
            return null;
        }
        String source = header;
        int query = source.indexOf('?');
        if (query >= 0) {
            source = source.substring(0, query);
        }
        source = decode(source);
        return source.startsWith("/") ? source.substring(1) : source;
    }

    /** Query encoding, as PutObject reads the header: '+' is a space. */
    private static String decodeForm(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    /** Path encoding, as a copy source is written: '+' is itself. */
    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static List<String> one(String value) {
        if (value == null) {
            return List.of();
        }
        var list = new ArrayList<String>(1);
        list.add(value);
        return list;
    }
}

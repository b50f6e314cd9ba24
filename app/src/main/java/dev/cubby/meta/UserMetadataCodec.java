package dev.cubby.meta;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Stores a map of names to values (user metadata, an upload's tags) in one text column as
 * {@code name=value&...}, each part URL-encoded.
 */
final class UserMetadataCodec {
    private UserMetadataCodec() {
    }

    static String encode(SortedMap<String, String> metadata) {
        if (metadata.isEmpty()) {
            return null;
        }
        var out = new StringBuilder();
        metadata.forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return out.toString();
    }

    static SortedMap<String, String> decode(String column) {
        var metadata = new TreeMap<String, String>();
        if (column == null || column.isEmpty()) {
            return metadata;
        }
        for (String pair : column.split("&")) {
            int eq = pair.indexOf('=');
            metadata.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return metadata;
    }
}

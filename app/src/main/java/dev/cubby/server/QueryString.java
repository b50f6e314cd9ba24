package dev.cubby.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a raw query string into parameters (first value wins). Unlike form decoding, '+' is
 * kept as '+' only when it was sent as %2B; a literal '+' in a query means a space, as S3 reads it.
 */
final class QueryString {
    private QueryString() {
    }

    static Map<String, String> decode(String raw) {
        var params = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = component(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : component(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String component(String raw) {
        return RequestTarget.decode(raw.replace("+", "%20"));
    }
}

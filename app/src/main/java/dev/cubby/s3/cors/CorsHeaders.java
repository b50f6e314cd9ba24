package dev.cubby.s3.cors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response headers S3 sends for a request a CORS rule matched. A rule that allows every
 * origin ({@code *}) is answered with {@code *} and without credentials, since browsers refuse
 * the two together; any other match echoes the origin and allows credentials.
 */
final class CorsHeaders {
    /** Caches must keep one answer per origin (and per preflight question). */
    static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

    private CorsHeaders() {
    }

    /** For an actual request (and the base of a preflight's answer). */
    static Map<String, String> matched(CorsRule rule, String origin) {
        var headers = new LinkedHashMap<String, String>();
        if (rule.allowsAnyOrigin()) {
            headers.put("Access-Control-Allow-Origin", "*");
        } else {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        headers.put("Access-Control-Allow-Methods", String.join(", ", rule.allowedMethods()));
        if (!rule.exposeHeaders().isEmpty()) {
            headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposeHeaders()));
        }
        if (rule.maxAgeSeconds() != null) {
            headers.put("Access-Control-Max-Age", rule.maxAgeSeconds().toString());
        }
        headers.put("Vary", VARY);
        return headers;
    }

    /** A preflight's answer: the matched headers, and the request headers it asked for, allowed. */
    static Map<String, String> preflight(CorsRule rule, String origin, List<String> requestHeaders) {
        var headers = new LinkedHashMap<>(matched(rule, origin));
        if (!requestHeaders.isEmpty()) {
            headers.put("Access-Control-Allow-Headers", String.join(", ", requestHeaders));
        }
        return headers;
    }
}

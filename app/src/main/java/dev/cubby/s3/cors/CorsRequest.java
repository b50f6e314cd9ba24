package dev.cubby.s3.cors;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request tells about its CORS context: the page's {@code Origin}, and for a preflight the
 * method and headers the page means to send ({@code Access-Control-Request-Method} and
 * {@code -Headers}, the latter split on commas and lower-cased).
 *
 * @param origin          null when the request carries none (then it is no CORS request)
 * @param requestMethod   null when absent
 * @param requestHeaders  empty when absent
 */
public record CorsRequest(String origin, String requestMethod, List<String> requestHeaders) {
    public CorsRequest {
        requestHeaders = List.copyOf(requestHeaders);
    }

    /** @param headers the request's headers by lower-case name */
    public static CorsRequest of(Map<String, List<String>> headers) {
        String requested = String.join(",", headers.getOrDefault("access-control-request-headers", List.of()));
        List<String> names = Arrays.stream(requested.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .toList();
        return new CorsRequest(first(headers, "origin"), first(headers, "access-control-request-method"), names);
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst().strip();
    }
}

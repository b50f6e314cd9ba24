package dev.cubby.e2e;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP request exactly as it goes on the wire: the request target is sent unchanged (no
 * normalisation of {@code ..}, {@code //} or percent-escapes), headers in their given order.
 *
 * @param target path and optional {@code ?query}, already percent-encoded as it should be sent
 * @param body   the bytes to send, or {@code null} for none
 */
public record RawRequest(String method, String target, Map<String, String> headers, byte[] body) {

    public RawRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    public static RawRequest of(String method, String target) {
        return new RawRequest(method, target, Map.of(), null);
    }

    /** Adds or replaces a header (names compare case-insensitively). */
    public RawRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
        copy.put(name, value);
        return new RawRequest(method, target, copy, body);
    }

    public RawRequest withBody(byte[] newBody) {
        return new RawRequest(method, target, headers, newBody);
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    public String path() {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    public String query() {
        int query = target.indexOf('?');
        return query < 0 ? "" : target.substring(query + 1);
    }
}

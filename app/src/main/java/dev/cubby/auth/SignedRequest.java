package dev.cubby.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parts of an HTTP request a Signature Version 4 signature covers, built by the server from
 * its HTTP request.
 *
 * @param method   the request method, e.g. {@code PUT}
 * @param rawPath  the path exactly as on the request line, still percent-encoded, e.g.
 *                 {@code /bucket/my%20key}
 * @param rawQuery the raw query string without the {@code ?}, or {@code ""} when there is none
 * @param headers  every request header with all its values in arrival order; names are
 *                 lower-cased here whatever the caller passes (values of names that differ only in
 *                 case are merged), and the map is immutable. On HTTP/2 the server must supply
 *                 {@code host} from {@code :authority}.
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers) {

    public SignedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(rawPath, "rawPath");
        rawQuery = rawQuery == null ? "" : rawQuery;
        Map<String, List<String>> lowerCased = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> header : Objects.requireNonNull(headers, "headers").entrySet()) {
            lowerCased.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .addAll(header.getValue());
        }
        lowerCased.replaceAll((name, values) -> List.copyOf(values));
        headers = Map.copyOf(lowerCased);
    }

    /** The first value of header {@code name} (any case), if the request has it. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All values of header {@code name} (any case), empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}

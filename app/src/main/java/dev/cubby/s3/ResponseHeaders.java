package dev.cubby.s3;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a response's header map, skipping absent values. */
public final class ResponseHeaders {
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ResponseHeaders put(String name, Object value) {
        if (value != null) {
            headers.put(name, value.toString());
        }
        return this;
    }

    public Map<String, String> build() {
        return headers;
    }

    /** An ETag as a client sent it, with surrounding quotes (if any) removed. */
    public static String unquoted(String etag) {
        return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")
                ? etag.substring(1, etag.length() - 1) : etag;
    }

    /** ETags travel quoted in headers and XML. */
    public static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}

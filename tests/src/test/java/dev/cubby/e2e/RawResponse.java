package dev.cubby.e2e;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;

/** A response read off the socket; header names are lower-case. */
public record RawResponse(int status, Map<String, List<String>> headers, byte[] body) {

    /** The same view of a response received through {@code java.net.http}. */
    public static RawResponse of(java.net.http.HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        response.headers().map().forEach((name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return new RawResponse(response.statusCode(), headers, response.body());
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Document xml() {
        return Xml.parse(body);
    }

    /** The {@code <Code>} of an S3 error document, or {@code null} when the body has none. */
    public String errorCode() {
        if (body.length == 0) {
            return null;
        }
        try {
            return Xml.text(xml(), "Code");
        } catch (IllegalArgumentException notXml) {
            return null;
        }
    }

    @Override
    public String toString() {
        String shown = body.length > 2_000 ? text().substring(0, 2_000) + "..." : text();
        return "HTTP " + status + " " + headers + "\n" + shown;
    }
}

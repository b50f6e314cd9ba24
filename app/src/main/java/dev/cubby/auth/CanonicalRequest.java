package dev.cubby.auth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one place that knows how S3 canonicalises a request for SigV4:
 *
 * <pre>
 * METHOD
 * canonical URI
 * canonical query
 * name:value\n for each signed header
 *
 * signed;header;names
 * payload hash
 * </pre>
 *
 * <p>S3 differs from other AWS services in that it does not normalise the path (no removal of
 * {@code .} segments or repeated slashes) and encodes it only once. Because clients differ in
 * which characters they escape on the wire, the path and query are decoded and re-encoded
 * canonically rather than used verbatim; see {@link UriEncoding}.
 *
 * @param text the canonical request, whose SHA-256 goes into the string to sign
 */
record CanonicalRequest(String text) {

    /**
     * Builds the canonical request.
     *
     * @param query       the query parameters the signature covers (for presigned URLs, all but
     *                    {@code X-Amz-Signature})
     * @param payloadHash the last line: a hex SHA-256, {@code UNSIGNED-PAYLOAD} or a
     *                    {@code STREAMING-*} marker, as the client declared it
     */
    static CanonicalRequest of(SignedRequest request, List<QueryParameter> query, SignedHeaders signedHeaders,
            String payloadHash) {
        StringBuilder text = new StringBuilder(256);
        text.append(request.method()).append('\n');
        text.append(uri(request.rawPath())).append('\n');
        text.append(query(query)).append('\n');
        for (String name : signedHeaders.names()) {
            text.append(name).append(':').append(headerValue(request.headerValues(name))).append('\n');
        }
        text.append('\n');
        text.append(signedHeaders.text()).append('\n');
        text.append(payloadHash);
        return new CanonicalRequest(text.toString());
    }

    /**
     * The canonical URI: the raw path decoded and re-encoded byte by byte, {@code '/'} kept;
     * {@code "/"} for an empty path. A {@code '+'} in a path is a literal plus.
     */
    static String uri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        return UriEncoding.encode(PercentDecoding.lenient(rawPath, false), true);
    }

    /**
     * The canonical query: every parameter as {@code name=value} in canonical encoding (a
     * parameter without {@code '='} gets an empty value), sorted by name then value, joined with
     * {@code '&'}.
     */
    static String query(List<QueryParameter> parameters) {
        List<String[]> pairs = new ArrayList<>(parameters.size());
        for (QueryParameter parameter : parameters) {
            pairs.add(new String[] {parameter.canonicalName(), parameter.canonicalValue()});
        }
        pairs.sort(Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]));
        StringBuilder text = new StringBuilder();
        for (String[] pair : pairs) {
            if (!text.isEmpty()) {
                text.append('&');
            }
            text.append(pair[0]).append('=').append(pair[1]);
        }
        return text.toString();
    }

    /**
     * A canonical header value: each value trimmed with runs of spaces and tabs collapsed to one
     * space, multiple values joined with {@code ','}. An absent header canonicalises to empty.
     */
    static String headerValue(List<String> values) {
        if (values.size() == 1) {
            return collapsed(values.get(0));
        }
        List<String> canonical = new ArrayList<>(values.size());
        for (String value : values) {
            canonical.add(collapsed(value));
        }
        return String.join(",", canonical);
    }

    /** Trimmed, with runs of spaces and tabs made one space; by hand, as it runs for every signed header. */
    private static String collapsed(String value) {
        String trimmed = value.trim();
        if (trimmed.indexOf('\t') < 0 && !trimmed.contains("  ")) {
            return trimmed;
        }
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean inRun = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            boolean blank = c == ' ' || c == '\t';
            if (!blank) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = blank;
        }
        return out.toString();
    }
}

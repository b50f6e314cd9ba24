package dev.cubby.auth;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Signature Version 2 string to sign:
 * {@code VERB\nContent-MD5\nContent-Type\nDate\nCanonicalizedAmzHeaders CanonicalizedResource}.
 *
 * <p>The caller chooses the date line, because it differs by form: the {@code Date} header for
 * header authentication (empty when {@code x-amz-date} is present, which is then signed among the
 * amz headers), the {@code Expires} value for a presigned URL.
 */
final class SigV2StringToSign {

    private SigV2StringToSign() {
    }

    /** The string to sign for {@code request} with the given date line and canonicalized resource. */
    static String of(SignedRequest request, String dateLine, String canonicalResource) {
        return request.method() + "\n"
                + request.header("content-md5").map(String::trim).orElse("") + "\n"
                + request.header("content-type").map(String::trim).orElse("") + "\n"
                + dateLine + "\n"
                + canonicalAmzHeaders(request)
                + canonicalResource;
    }

    /**
     * Every {@code x-amz-*} header as {@code name:value\n}, names lower-case and sorted, the values
     * of a repeated header joined with {@code ','}, each value unfolded and trimmed. Internal runs
     * of spaces are kept: SigV2, unlike SigV4, does not collapse them.
     */
    static String canonicalAmzHeaders(SignedRequest request) {
        Map<String, String> amzHeaders = new TreeMap<>();
        for (Map.Entry<String, List<String>> header : request.headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!name.startsWith("x-amz-")) {
                continue;
            }
            amzHeaders.put(name, String.join(",",
                    header.getValue().stream().map(value -> unfold(value).trim()).toList()));
        }
        StringBuilder out = new StringBuilder();
        amzHeaders.forEach((name, value) -> out.append(name).append(':').append(value).append('\n'));
        return out.toString();
    }

    /** Replaces RFC 2616 line folding (a line break followed by whitespace) with one space. */
    private static String unfold(String value) {
        return value.replaceAll("\\r?\\n[ \\t]+", " ");
    }
}

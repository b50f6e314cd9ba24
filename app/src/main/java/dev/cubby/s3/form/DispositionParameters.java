package dev.cubby.s3.form;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a {@code Content-Disposition: form-data; name="key"; filename="a.txt"} header,
 * by lower-case name. Values are tokens or quoted strings; in a quoted string a backslash escapes
 * the next character (curl and browsers escape {@code "} and {@code \} so, or as {@code %22}, which
 * is left as sent).
 */
final class DispositionParameters {
    private DispositionParameters() {
    }

    static Map<String, String> parse(String header) {
        var parameters = new LinkedHashMap<String, String>();
        int i = header.indexOf(';');
        while (i >= 0 && i < header.length()) {
            i++; // past ';'
            while (i < header.length() && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            int eq = header.indexOf('=', i);
            int semi = header.indexOf(';', i);
            if (eq < 0 || (semi >= 0 && semi < eq)) {
                i = semi;
                continue;
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            while (i < header.length() && Character.isWhitespace(header.charAt(i))) {
                i++;
            }
            var value = new StringBuilder();
            if (i < header.length() && header.charAt(i) == '"') {
                i++;
                while (i < header.length() && header.charAt(i) != '"') {
                    char c = header.charAt(i);
                    if (c == '\\' && i + 1 < header.length()) {
                        c = header.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                if (i >= header.length()) {
                    throw FormReader.malformed("a quoted Content-Disposition parameter has no closing quote.");
                }
                i = header.indexOf(';', i);
            } else {
                int end = header.indexOf(';', i);
                value.append(header, i, end < 0 ? header.length() : end);
                i = end;
                value = new StringBuilder(value.toString().trim());
            }
            parameters.putIfAbsent(name, value.toString());
        }
        return parameters;
    }
}

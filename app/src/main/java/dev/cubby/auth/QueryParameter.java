package dev.cubby.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code name=value} pair of a raw query string, kept as it arrived so it can be both read
 * (decoded) and canonicalised (decoded, then re-encoded) without losing bytes.
 *
 * @param rawName  the name as sent, still percent-encoded
 * @param rawValue the value as sent, still percent-encoded; {@code ""} for a parameter without
 *                 {@code '='}, which SigV4 treats as an empty value
 */
record QueryParameter(String rawName, String rawValue) {

    /** Splits a raw query (without {@code '?'}) on {@code '&'}; empty segments are skipped. */
    static List<QueryParameter> parse(String rawQuery) {
        List<QueryParameter> parameters = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String segment : rawQuery.split("&", -1)) {
            if (segment.isEmpty()) {
                continue;
            }
            int equals = segment.indexOf('=');
            parameters.add(equals < 0
                    ? new QueryParameter(segment, "")
                    : new QueryParameter(segment.substring(0, equals), segment.substring(equals + 1)));
        }
        return parameters;
    }

    /** The decoded name ({@code '+'} read as a space, as S3 does for query strings). */
    String name() {
        return PercentDecoding.lenientToString(rawName, true);
    }

    /** The decoded value. */
    String value() {
        return PercentDecoding.lenientToString(rawValue, true);
    }

    /** The name in SigV4 canonical encoding. */
    String canonicalName() {
        return UriEncoding.encode(PercentDecoding.lenient(rawName, true), false);
    }

    /** The value in SigV4 canonical encoding ({@code '/'} becomes {@code %2F}). */
    String canonicalValue() {
        return UriEncoding.encode(PercentDecoding.lenient(rawValue, true), false);
    }
}

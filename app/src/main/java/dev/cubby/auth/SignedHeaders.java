package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code SignedHeaders} list: which request headers the signature covers, in the order the
 * client canonicalised them.
 *
 * <p>Besides the list itself this holds S3's rules about it: {@code host} must be signed, and
 * every {@code x-amz-*} header present on the request must be signed too, otherwise a
 * man-in-the-middle could add one (say {@code x-amz-copy-source}) to a validly signed request.
 */
record SignedHeaders(List<String> names) {
    /** Covered by the payload-hash line of the canonical request even when not listed. */
    private static final String CONTENT_SHA256 = "x-amz-content-sha256";

    SignedHeaders {
        names = List.copyOf(names);
    }

    /** Parses {@code host;range;x-amz-date}; names are trimmed and lower-cased. */
    static SignedHeaders parse(String text, SignatureLocation location) {
        List<String> names = new ArrayList<>();
        for (String name : text.split(";", -1)) {
            String trimmed = name.trim().toLowerCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                throw location.malformed("SignedHeaders \"" + text + "\" has an empty header name.");
            }
            names.add(trimmed);
        }
        if (!names.contains("host")) {
            throw location.malformed("SignedHeaders must include \"host\".");
        }
        return new SignedHeaders(names);
    }

    /** The list as it appears in the canonical request: {@code host;range;x-amz-date}. */
    String text() {
        return String.join(";", names);
    }

    /** Rejects the request if it carries an {@code x-amz-*} header the signature does not cover. */
    void requireAmzHeadersSigned(SignedRequest request) {
        Set<String> unsigned = new TreeSet<>();
        for (String header : request.headers().keySet()) {
            if (header.startsWith("x-amz-") && !header.equals(CONTENT_SHA256) && !names.contains(header)) {
                unsigned.add(header);
            }
        }
        if (!unsigned.isEmpty()) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED,
                    "There were headers present in the request which were not signed: " + String.join(", ", unsigned)
                            + ". Add them to SignedHeaders.");
        }
    }
}

package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trailing headers after the final 0-size chunk of an aws-chunked body, e.g.
 * {@code x-amz-checksum-crc32:<base64>} and, for signed trailers, a last
 * {@code x-amz-trailer-signature:<sig>} line.
 *
 * <p>Everything up to the end of the body is read: blank lines anywhere are skipped (clients
 * differ on whether an empty line precedes or separates the trailers), so the section ends at
 * end of stream rather than at the first blank line.
 *
 * <p>When the request announced trailers in {@code x-amz-trailer} exactly those must arrive, so a
 * stripped checksum trailer is noticed; the values themselves are the caller's to verify.
 */
final class TrailerSection {
    private static final String SIGNATURE = "x-amz-trailer-signature";
    private static final int MAX_LINE = 4096;
    private static final int MAX_SECTION = 16 * 1024;

    private final PayloadMode mode;
    private final Set<String> declared;
    private final Map<String, String> received = new LinkedHashMap<>();
    private volatile Map<String, String> complete = Map.of();

    TrailerSection(PayloadMode mode, Set<String> declared) {
        this.mode = mode;
        this.declared = Set.copyOf(declared);
    }

    /** The lower-cased trailer names announced in the {@code x-amz-trailer} header(s). */
    static Set<String> declaredBy(SignedRequest request) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : request.headerValues("x-amz-trailer")) {
            for (String name : value.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** The trailers, once {@link #read} has checked them; empty before. */
    Map<String, String> received() {
        return complete;
    }

    /** Reads and checks the section; {@code chain} is {@code null} when trailers are unsigned. */
    void read(ChunkLineReader lines, ChunkSignatureChain chain) throws IOException {
        String signature = null;
        int total = 0;
        String line;
        while ((line = lines.readLine(MAX_LINE, "trailer")) != null) {
            total += line.length() + 2;
            if (total > MAX_SECTION) {
                throw malformed("the trailing headers exceed " + MAX_SECTION + " bytes.");
            }
            if (line.isBlank()) {
                continue;
            }
            if (signature != null) {
                throw malformed("x-amz-trailer-signature must be the last trailing header.");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("trailing header line \"" + shorten(line) + "\" is not name:value.");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals(SIGNATURE)) {
                signature = value;
            } else if (received.putIfAbsent(name, value) != null) {
                throw malformed("trailing header " + name + " appears twice.");
            }
        }
        check(chain, signature);
        complete = Collections.unmodifiableMap(received);
    }

    private void check(ChunkSignatureChain chain, String signature) {
        if (!mode.hasTrailer()) {
            if (!received.isEmpty() || signature != null) {
                throw malformed("trailing headers were sent, but x-amz-content-sha256 does not announce any; use "
                        + "STREAMING-UNSIGNED-PAYLOAD-TRAILER or STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER.");
            }
            return;
        }
        for (String name : declared) {
            if (!received.containsKey(name)) {
                throw S3Exception.of(S3ErrorCode.INCOMPLETE_BODY, "The trailing header " + name
                        + " announced in x-amz-trailer was not sent after the final chunk.");
            }
        }
        if (!declared.isEmpty()) {
            for (String name : received.keySet()) {
                if (!declared.contains(name)) {
                    throw malformed("trailing header " + name + " was not announced in x-amz-trailer ("
                            + String.join(",", declared) + ").");
                }
            }
        }
        if (chain != null && (signature != null || !received.isEmpty())) {
            chain.verifyTrailer(Sha256.hex(canonicalTrailers()), signature);
        }
    }

    /**
     * What the trailer signature covers: {@code name:value\n} per trailer, sorted by name as the
     * SDKs canonicalise headers (in practice there is a single checksum trailer).
     */
    private String canonicalTrailers() {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> trailer : new TreeMap<>(received).entrySet()) {
            canonical.append(trailer.getKey()).append(':').append(trailer.getValue()).append('\n');
        }
        return canonical.toString();
    }

    private static S3Exception malformed(String problem) {
        return S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The aws-chunked body is malformed: " + problem);
    }

    private static String shorten(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
    }
}

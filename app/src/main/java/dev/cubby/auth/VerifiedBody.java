package dev.cubby.auth;

import java.io.InputStream;
import java.util.Map;

/**
 * A request body as the application must read it: framing removed and every signature and
 * payload hash checked while it streams.
 *
 * <p>Reading {@link #stream()} throws {@link dev.cubby.error.S3Exception} (unchecked) as soon
 * as something does not verify, and always before returning end-of-stream, so a caller that
 * commits an object only after reading {@code -1} never commits unverified data.
 */
public interface VerifiedBody {

    /** The decoded body. */
    InputStream stream();

    /**
     * The trailing headers (lower-case names, such as {@code x-amz-checksum-crc32}) of an
     * aws-chunked body; empty for other bodies, and complete once {@link #stream()} returned
     * end-of-stream. Trailer signatures are already checked; checksum values are not (that is the
     * caller's job, with {@code dev.cubby.checksum}).
     */
    Map<String, String> trailers();

    /** A body without trailers. */
    static VerifiedBody of(InputStream stream) {
        return new StreamBody(stream, Map::of);
    }
}

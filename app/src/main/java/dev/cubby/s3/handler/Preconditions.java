package dev.cubby.s3.handler;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.HttpDates;
import dev.cubby.s3.ResponseHeaders;
import dev.cubby.s3.S3Request;
import java.time.Instant;
import java.util.Optional;

/**
 * S3's read preconditions (RFC 9110 order): If-Match, else If-Unmodified-Since, may fail with
 * 412; then If-None-Match, else If-Modified-Since, may answer 304. So a true If-Match overrides a
 * false If-Unmodified-Since, and a failed If-None-Match (the ETag matches) means 304 whatever
 * If-Modified-Since says.
 */
final class Preconditions {
    private Preconditions() {
    }

    /** Throws PreconditionFailed or NotModified; returns normally when the read may go on. */
    static void checkRead(S3Request request, String etag, Instant lastModified) {
        check(request.header("if-match"), request.header("if-none-match"), request.header("if-unmodified-since"),
                request.header("if-modified-since"), etag, lastModified, true);
    }

    static void check(String ifMatch, String ifNoneMatch, String ifUnmodifiedSince, String ifModifiedSince,
                      String etag, Instant lastModified, boolean notModifiedAllowed) {
        Instant modified = HttpDates.toSeconds(lastModified);
        if (ifMatch != null) {
            if (!anyMatches(ifMatch, etag)) {
                throw S3Exception.of(S3ErrorCode.PRECONDITION_FAILED, "If-Match: the object's ETag is \"" + etag + "\".");
            }
        } else {
            Optional<Instant> since = HttpDates.parseHeader(ifUnmodifiedSince);
            if (since.isPresent() && modified.isAfter(since.get())) {
                throw S3Exception.of(S3ErrorCode.PRECONDITION_FAILED,
                        "If-Unmodified-Since: the object was modified at " + HttpDates.header(modified) + ".");
            }
        }
        if (ifNoneMatch != null) {
            if (anyMatches(ifNoneMatch, etag)) {
                throw notModified(notModifiedAllowed, "If-None-Match", etag, modified);
            }
        } else {
            Optional<Instant> since = HttpDates.parseHeader(ifModifiedSince);
            if (since.isPresent() && !modified.isAfter(since.get())) {
                throw notModified(notModifiedAllowed, "If-Modified-Since", etag, modified);
            }
        }
    }

    /** A 304 still names the current version (RFC 9110), so caches can revalidate. */
    private static S3Exception notModified(boolean allowed, String header, String etag, Instant modified) {
        return allowed
                ? S3Exception.of(S3ErrorCode.NOT_MODIFIED).withHeaders(java.util.Map.of(
                        "ETag", ResponseHeaders.quoted(etag), "Last-Modified", HttpDates.header(modified)))
                : S3Exception.of(S3ErrorCode.PRECONDITION_FAILED, header + " did not hold.");
    }

    /** True when the header lists {@code *} or the ETag (quoted or not, weak or strong). */
    static boolean anyMatches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || ResponseHeaders.unquoted(c).equals(etag)) {
                return true;
            }
        }
        return false;
    }

}

package dev.cubby.server;

import dev.cubby.auth.PercentDecoding;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.Operation;
import java.util.Locale;

/**
 * The bucket and key a request addresses, from its Host header (virtual-host style, when the
 * host is a subdomain of the configured domain) or its path (path style). Key bytes are
 * percent-decoded as UTF-8 and otherwise left exactly as sent; validation is the store's job.
 */
record RequestTarget(Operation.Target kind, String bucket, String key) {

    static RequestTarget parse(String host, String rawPath, String domain) {
        String path = rawPath.isEmpty() ? "/" : rawPath;
        if (!path.startsWith("/")) {
            throw S3Exception.of(S3ErrorCode.INVALID_REQUEST, "The request path must start with '/'.");
        }
        requireUriCharacters(path);
        String virtualBucket = virtualHostBucket(host, domain);
        if (virtualBucket != null) {
            String key = decode(path.substring(1));
            return key.isEmpty() ? new RequestTarget(Operation.Target.BUCKET, virtualBucket, null)
                    : new RequestTarget(Operation.Target.OBJECT, virtualBucket, key);
        }
        int slash = path.indexOf('/', 1);
        if (path.length() == 1) {
            return new RequestTarget(Operation.Target.SERVICE, null, null);
        }
        if (slash < 0 || slash == path.length() - 1) {
            String bucket = decode(path.substring(1, slash < 0 ? path.length() : slash));
            return new RequestTarget(Operation.Target.BUCKET, bucket, null);
        }
        return new RequestTarget(Operation.Target.OBJECT, decode(path.substring(1, slash)), decode(path.substring(slash + 1)));
    }

    /**
     * A URI path holds no control characters and none of {@code "<>\^`{|}} (RFC 3986): they must be
     * percent-encoded, and every S3 client does so; a raw one means a broken or hostile client.
     */
    private static void requireUriCharacters(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c == 0x7f || "\"<>\\^`{|}".indexOf(c) >= 0) {
                throw S3Exception.of(S3ErrorCode.INVALID_URI, String.format("The request path holds the character "
                        + "U+%04X, which must be percent-encoded (as %%%02X).", (int) c, (int) c));
            }
        }
    }

    /** The bucket a virtual-hosted request's Host names, or null for a path-style request. */
    static String virtualHostBucket(String host, String domain) {
        if (domain == null || host == null) {
            return null;
        }
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && !name.endsWith("]")) {
            name = name.substring(0, colon);
        }
        String suffix = "." + domain.toLowerCase(Locale.ROOT);
        return name.endsWith(suffix) && name.length() > suffix.length()
                ? name.substring(0, name.length() - suffix.length()) : null;
    }

    /**
     * Percent-decoding as S3 does it for paths: '+' stays '+', the bytes must be UTF-8, and they
     * must not decode to a C1 control character (U+0080 to U+009F): S3 cannot read such a path
     * (InvalidURI, in its words), and such a character is the trace of text decoded with the wrong
     * charset, not a name anyone typed.
     */
    static String decode(String raw) {
        String decoded = PercentDecoding.strictUtf8(raw, false).orElseThrow(RequestTarget::badEncoding);
        for (int i = 0; i < decoded.length(); i++) {
            if (decoded.charAt(i) >= 0x80 && decoded.charAt(i) <= 0x9f) {
                throw S3Exception.of(S3ErrorCode.INVALID_URI);
            }
        }
        return decoded;
    }

    private static S3Exception badEncoding() {
        return S3Exception.of(S3ErrorCode.INVALID_URI, "The request path is not valid percent-encoded UTF-8.");
    }
}

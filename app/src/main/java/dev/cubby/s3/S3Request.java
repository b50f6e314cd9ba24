package dev.cubby.s3;

import dev.cubby.auth.Access;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One authenticated S3 request as a handler sees it: the operation, bucket and key (decoded;
 * null where absent), decoded query parameters, lower-case headers, the verified body (its
 * payload signature, chunk signatures and hash are checked as it is read) and the trailers that
 * followed an aws-chunked body (complete once the body is read to its end), and what the caller
 * may do ({@code access}, already checked for this operation on {@code bucket} and {@code key}).
 */
public record S3Request(Operation operation, String bucket, String key, Map<String, String> query,
                        Map<String, List<String>> headers, InputStream body,
                        Supplier<Map<String, String>> trailers, String accessKeyId, String requestId,
                        Access access) {

    /** First value of a header, or null. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    public String param(String name) {
        return query.get(name);
    }

    public boolean hasParam(String name) {
        return query.containsKey(name);
    }
}

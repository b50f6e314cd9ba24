package dev.cubby.s3.cors;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.BucketSettings;
import dev.cubby.s3.xml.XmlWriter;
import dev.cubby.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Each bucket's CORS rules, kept in the sidecar's bucket settings (forgotten with the bucket),
 * and the one place that decides what a request from a page of another origin is answered:
 * {@link #preflight} for a browser's OPTIONS question, {@link #responseHeaders} for every other
 * request that names an {@code Origin}. Pages served by Cubby itself are same-origin and never ask.
 */
public final class BucketCors {
    private static final String NOT_ALLOWED = "CORSResponse: This CORS request is not allowed. This is usually "
            + "because the evaluation of Origin, request method / Access-Control-Request-Method or "
            + "Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

    private final BucketSettings settings;

    BucketCors(BucketSettings settings) {
        this.settings = settings;
    }

    public static BucketCors over(ObjectStore store) {
        return new BucketCors(store.bucketSettings());
    }

    public Optional<CorsConfiguration> find(String bucket) {
        // Stored only after validation, in Cubby's own rendering: it reads back as it was put.
        return settings.find(bucket, BucketSettings.CORS)
                .map(text -> CorsConfigurationReader.parse(text.getBytes(StandardCharsets.UTF_8)));
    }

    public void put(String bucket, CorsConfiguration configuration) {
        settings.put(bucket, BucketSettings.CORS, new String(XmlWriter.render(configuration), StandardCharsets.UTF_8));
    }

    public void delete(String bucket) {
        settings.delete(bucket, BucketSettings.CORS);
    }

    /**
     * The CORS headers for a request that is not a preflight: those of the first rule matching its
     * Origin and method (the {@code Access-Control-Request-Method} it names, else its own), none
     * when it names no Origin, the bucket has no rules or none matches.
     *
     * @param bucket  null for a request to the service
     * @param headers the request's headers by lower-case name
     */
    public Map<String, String> responseHeaders(String bucket, String method, Map<String, java.util.List<String>> headers) {
        CorsRequest request = CorsRequest.of(headers);
        if (bucket == null || request.origin() == null) {
            return Map.of();
        }
        String asked = request.requestMethod() != null ? request.requestMethod() : method;
        return find(bucket)
                .flatMap(configuration -> configuration.firstMatch(request.origin(), asked, java.util.List.of()))
                .map(rule -> CorsHeaders.matched(rule, request.origin()))
                .orElse(Map.of());
    }

    /**
     * The answer to a preflight ({@code OPTIONS}) on the bucket or one of its keys: the first
     * matching rule's headers. A preflight without Origin or Access-Control-Request-Method is
     * BadRequest; a bucket without rules, or a question no rule allows, is AccessForbidden.
     */
    public Map<String, String> preflight(String bucket, Map<String, java.util.List<String>> headers) {
        CorsRequest request = CorsRequest.of(headers);
        if (request.origin() == null) {
            throw S3Exception.of(S3ErrorCode.BAD_REQUEST, "Insufficient information. Origin request header needed.");
        }
        if (request.requestMethod() == null) {
            throw S3Exception.of(S3ErrorCode.BAD_REQUEST, "Insufficient information. A CORS preflight needs an "
                    + "Access-Control-Request-Method header naming the method the page will send.");
        }
        CorsConfiguration configuration = find(bucket).orElseThrow(() ->
                S3Exception.of(S3ErrorCode.ACCESS_FORBIDDEN, "CORSResponse: CORS is not enabled for this bucket."));
        return configuration.firstMatch(request.origin(), request.requestMethod(), request.requestHeaders())
                .map(rule -> CorsHeaders.preflight(rule, request.origin(), request.requestHeaders()))
                .orElseThrow(() -> S3Exception.of(S3ErrorCode.ACCESS_FORBIDDEN, NOT_ALLOWED));
    }
}

package dev.cubby.s3.cors;

import java.util.List;

/**
 * One {@code <CORSRule>} of a bucket: which origins may use which methods, which request headers
 * a preflight may ask for, which response headers the browser may show the page, and how long
 * the browser may cache a preflight's answer.
 *
 * @param id             the rule's optional name, or null
 * @param maxAgeSeconds  null when the rule names none
 */
public record CorsRule(String id, List<String> allowedOrigins, List<String> allowedMethods,
                       List<String> allowedHeaders, List<String> exposeHeaders, Integer maxAgeSeconds) {
    /** The methods a rule may allow, as S3 has them. */
    public static final List<String> METHODS = List.of("GET", "PUT", "POST", "DELETE", "HEAD");

    public CorsRule {
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = List.copyOf(allowedMethods);
        allowedHeaders = List.copyOf(allowedHeaders);
        exposeHeaders = List.copyOf(exposeHeaders);
    }

    boolean allowsOrigin(String origin) {
        return allowedOrigins.stream().anyMatch(pattern -> Wildcard.matches(pattern, origin));
    }

    /** True when the origin matched only because the rule allows every origin: the answer then names {@code *}. */
    boolean allowsAnyOrigin() {
        return allowedOrigins.contains("*");
    }

    boolean allowsMethod(String method) {
        return allowedMethods.contains(method);
    }

    /** Every header a preflight asks for (lower case) must match one AllowedHeader. */
    boolean allowsHeaders(List<String> requested) {
        return requested.stream().allMatch(header ->
                allowedHeaders.stream().anyMatch(pattern -> Wildcard.matchesIgnoringCase(pattern, header)));
    }
}

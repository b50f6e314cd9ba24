package dev.cubby.auth;

import java.time.Instant;
import java.util.function.Function;

/**
 * What a policy condition may look at besides the principal, action and resource: where the
 * request came from, whether it came over TLS, its headers and query parameters, and when.
 *
 * @param sourceIp        the client's address as text (IPv4 or IPv6)
 * @param secureTransport true when the request came over HTTPS
 * @param header          a request header by lower-case name, or null when absent
 * @param query           a query parameter by name, or null when absent
 * @param now             the time the request is decided at
 */
public record RequestContext(String sourceIp, boolean secureTransport, Function<String, String> header,
        Function<String, String> query, Instant now) {
    /** A context with no request behind it (tests, internal calls): no headers, no parameters. */
    public static RequestContext none() {
        return new RequestContext("127.0.0.1", false, name -> null, name -> null, Instant.now());
    }
}

package dev.cubby.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rule matcher: origins with one wildcard, methods, requested headers, first match wins. */
class CorsMatchingTest {
    private static CorsRule rule(String id, List<String> origins, List<String> methods, List<String> headers) {
        return new CorsRule(id, origins, methods, headers, List.of(), null);
    }

    private static Optional<String> match(CorsConfiguration configuration, String origin, String method,
                                          String... headers) {
        return configuration.firstMatch(origin, method, List.of(headers)).map(CorsRule::id);
    }

    @Test
    void anOriginWildcardStandsForAnyRunOfCharacters() {
        assertTrue(Wildcard.matches("*suffix", "foo.suffix"));
        assertTrue(Wildcard.matches("*suffix", "suffix"));
        assertFalse(Wildcard.matches("*suffix", "foo.suffix.get"));
        assertTrue(Wildcard.matches("start*end", "startend"));
        assertTrue(Wildcard.matches("start*end", "start12end"));
        assertFalse(Wildcard.matches("start*end", "0start12end"));
        assertFalse(Wildcard.matches("start*end", "startend0"));
        // prefix and suffix may not share characters
        assertFalse(Wildcard.matches("ab*ba", "aba"));
        assertTrue(Wildcard.matches("prefix*", "prefix"));
        assertFalse(Wildcard.matches("prefix*", "bla.prefix"));
        assertTrue(Wildcard.matches("*", ""));
        assertTrue(Wildcard.matches("http://localhost:3000", "http://localhost:3000"));
        assertFalse(Wildcard.matches("http://localhost:3000", "http://localhost:30000"));
    }

    @Test
    void originsCompareExactlyHeadersWithoutCase() {
        assertFalse(Wildcard.matches("http://Example.com", "http://example.com"));
        assertTrue(Wildcard.matchesIgnoringCase("X-Amz-*", "x-amz-date"));
        assertTrue(Wildcard.matchesIgnoringCase("content-type", "Content-Type"));
        assertFalse(Wildcard.matchesIgnoringCase("x-amz-meta-header1", "x-amz-meta-header2"));
    }

    @Test
    void theFirstRuleThatMatchesOriginMethodAndHeadersDecides() {
        var configuration = new CorsConfiguration(List.of(
                rule("get", List.of("*suffix"), List.of("GET"), List.of()),
                rule("put", List.of("*.put", "*suffix"), List.of("PUT"), List.of("content-type", "x-amz-*")),
                rule("any", List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"))));

        assertEquals(Optional.of("get"), match(configuration, "foo.suffix", "GET"));
        assertEquals(Optional.of("put"), match(configuration, "foo.suffix", "PUT", "content-type", "x-amz-date"));
        // a header the put rule does not name falls through to the next rule that allows it
        assertEquals(Optional.of("any"), match(configuration, "foo.suffix", "PUT", "authorization"));
        assertEquals(Optional.of("any"), match(configuration, "elsewhere", "HEAD"));
        assertEquals(Optional.empty(), match(configuration, "elsewhere", "DELETE"));
        // a request method is compared as sent: S3's methods are upper case
        assertEquals(Optional.empty(), match(configuration, "foo.put", "put"));
    }

    @Test
    void aRuleWithoutAllowedHeadersAllowsOnlyPreflightsThatAskForNone() {
        var configuration = new CorsConfiguration(List.of(rule("r", List.of("*"), List.of("GET"), List.of())));

        assertEquals(Optional.of("r"), match(configuration, "example.origin", "GET"));
        assertEquals(Optional.empty(), match(configuration, "example.origin", "GET", "x-amz-meta-header2"));
    }
}

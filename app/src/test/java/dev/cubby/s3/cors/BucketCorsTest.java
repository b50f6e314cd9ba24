package dev.cubby.s3.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3Exception;
import dev.cubby.meta.SqliteSidecar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What requests are answered, over rules kept in a real sidecar. */
class BucketCorsTest {
    private static final String ORIGIN = "http://app.example.com";

    @TempDir
    Path dir;
    private SqliteSidecar sidecar;
    private BucketCors cors;

    @BeforeEach
    void open() {
        sidecar = SqliteSidecar.open(dir.resolve("sidecar.db"));
        cors = new BucketCors(sidecar.bucketSettings());
        cors.put("web", new CorsConfiguration(List.of(
                new CorsRule("app", List.of("http://*.example.com"), List.of("GET", "PUT"), List.of("*"),
                        List.of("ETag", "x-amz-version-id"), 600),
                new CorsRule("public", List.of("*"), List.of("GET"), List.of(), List.of(), null))));
    }

    @AfterEach
    void close() {
        sidecar.close();
    }

    private static Map<String, List<String>> headers(String... namesAndValues) {
        var headers = new LinkedHashMap<String, List<String>>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return headers;
    }

    @Test
    void anActualRequestGetsTheMatchingRulesHeaders() {
        assertEquals(Map.of(
                        "Access-Control-Allow-Origin", ORIGIN,
                        "Access-Control-Allow-Credentials", "true",
                        "Access-Control-Allow-Methods", "GET, PUT",
                        "Access-Control-Expose-Headers", "ETag, x-amz-version-id",
                        "Access-Control-Max-Age", "600",
                        "Vary", CorsHeaders.VARY),
                cors.responseHeaders("web", "PUT", headers("origin", ORIGIN)));
    }

    @Test
    void aRuleForEveryOriginAnswersStarWithoutCredentials() {
        assertEquals(Map.of(
                        "Access-Control-Allow-Origin", "*",
                        "Access-Control-Allow-Methods", "GET",
                        "Vary", CorsHeaders.VARY),
                cors.responseHeaders("web", "GET", headers("origin", "http://other.org")));
    }

    @Test
    void noHeadersWithoutOriginRulesOrMatch() {
        assertEquals(Map.of(), cors.responseHeaders("web", "GET", headers()));
        assertEquals(Map.of(), cors.responseHeaders("other-bucket", "GET", headers("origin", ORIGIN)));
        assertEquals(Map.of(), cors.responseHeaders(null, "GET", headers("origin", ORIGIN)));
        assertEquals(Map.of(), cors.responseHeaders("web", "DELETE", headers("origin", ORIGIN)));
        assertEquals(Map.of(), cors.responseHeaders("web", "PUT", headers("origin", "http://other.org")));
    }

    @Test
    void anActualRequestNamingAPreflightMethodIsMatchedOnThatMethod() {
        // As S3 (and the ceph suite) do: Access-Control-Request-Method stands for the method.
        assertEquals("*", cors.responseHeaders("web", "PUT",
                headers("origin", "http://other.org", "access-control-request-method", "GET"))
                .get("Access-Control-Allow-Origin"));
        assertEquals(Map.of(), cors.responseHeaders("web", "GET",
                headers("origin", "http://other.org", "access-control-request-method", "PUT")));
    }

    @Test
    void aPreflightIsAllowedTheHeadersItAskedFor() {
        Map<String, String> answer = cors.preflight("web", headers("origin", ORIGIN,
                "access-control-request-method", "PUT",
                "access-control-request-headers", "Authorization, x-amz-date,content-type"));

        assertEquals(ORIGIN, answer.get("Access-Control-Allow-Origin"));
        assertEquals("GET, PUT", answer.get("Access-Control-Allow-Methods"));
        assertEquals("authorization, x-amz-date, content-type", answer.get("Access-Control-Allow-Headers"));
        assertEquals("600", answer.get("Access-Control-Max-Age"));
    }

    @Test
    void aPreflightNoRuleAllowsIsAccessForbidden() {
        S3Exception header = assertThrows(S3Exception.class, () -> cors.preflight("web", headers(
                "origin", "http://other.org", "access-control-request-method", "GET",
                "access-control-request-headers", "x-amz-meta-colour")));
        assertEquals("AccessForbidden", header.code().wireCode());
        assertEquals(403, header.code().httpStatus());
        assertTrue(header.getMessage().startsWith("CORSResponse: This CORS request is not allowed."));

        S3Exception none = assertThrows(S3Exception.class, () -> cors.preflight("other-bucket", headers(
                "origin", ORIGIN, "access-control-request-method", "GET")));
        assertEquals("CORSResponse: CORS is not enabled for this bucket.", none.getMessage());
    }

    @Test
    void aPreflightWithoutOriginOrMethodIsBadRequest() {
        for (var incomplete : List.of(headers(), headers("origin", ORIGIN),
                headers("access-control-request-method", "GET"))) {
            S3Exception e = assertThrows(S3Exception.class, () -> cors.preflight("web", incomplete));
            assertEquals("BadRequest", e.code().wireCode());
            assertEquals(400, e.code().httpStatus());
        }
    }

    @Test
    void deletedRulesAreGone() {
        cors.delete("web");
        assertEquals(Optional.empty(), cors.find("web"));
        assertEquals(Map.of(), cors.responseHeaders("web", "GET", headers("origin", ORIGIN)));
    }
}

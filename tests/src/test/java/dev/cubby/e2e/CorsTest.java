package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;

/**
 * Bucket CORS over the wire: Put/Get/DeleteBucketCors (the AWS SDK for Java), preflights and the
 * headers of actual answers (raw HTTP, as a browser sends them), kept over a restart and
 * forgotten with the bucket.
 */
class CorsTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty().args("--public-read", "website")
            .tree(root -> Files.createDirectories(root.resolve("website")));

    private static final String APP = "http://app.example.com";
    private static final String VARY = "Origin, Access-Control-Request-Headers, Access-Control-Request-Method";

    private final S3Client s3 = server.client();

    /** An app origin may read and upload (any header, ETag exposed); everyone else may only read. */
    private void allowApp(String bucket) {
        s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().id("app").allowedOrigins("http://*.example.com").allowedMethods("GET", "PUT", "HEAD")
                        .allowedHeaders("*").exposeHeaders("ETag", "x-amz-request-id").maxAgeSeconds(600).build(),
                CORSRule.builder().allowedOrigins("*").allowedMethods("GET").build())));
    }

    private RawResponse preflight(String target, String origin, String method, String headers) throws IOException {
        RawRequest request = server.request("OPTIONS", target);
        if (origin != null) {
            request = request.withHeader("Origin", origin);
        }
        if (method != null) {
            request = request.withHeader("Access-Control-Request-Method", method);
        }
        if (headers != null) {
            request = request.withHeader("Access-Control-Request-Headers", headers);
        }
        return server.send(request);
    }

    private static void assertNoCorsHeaders(RawResponse response) {
        for (String name : response.headers().keySet()) {
            assertTrue(!name.startsWith("access-control-"), () -> name + " in " + response);
        }
    }

    @Test
    void putGetAndDeleteBucketCors() throws IOException {
        String bucket = server.newBucket("cors");
        assertS3Error(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(b -> b.bucket(bucket)));

        allowApp(bucket);
        List<CORSRule> rules = s3.getBucketCors(b -> b.bucket(bucket)).corsRules();

        assertEquals(2, rules.size());
        assertEquals("app", rules.get(0).id());
        assertEquals(List.of("http://*.example.com"), rules.get(0).allowedOrigins());
        assertEquals(List.of("GET", "PUT", "HEAD"), rules.get(0).allowedMethods());
        assertEquals(List.of("*"), rules.get(0).allowedHeaders());
        assertEquals(List.of("ETag", "x-amz-request-id"), rules.get(0).exposeHeaders());
        assertEquals(600, rules.get(0).maxAgeSeconds());
        assertEquals(List.of("*"), rules.get(1).allowedOrigins());

        assertEquals(204, s3.deleteBucketCors(b -> b.bucket(bucket)).sdkHttpResponse().statusCode());
        assertS3Error(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(b -> b.bucket(bucket)));
        assertS3Error(404, "NoSuchBucket", () -> s3.getBucketCors(b -> b.bucket("no-such-bucket")));
    }

    @Test
    void anAllowedPreflightIsAnsweredWithTheRulesHeadersWithoutASignature() throws IOException {
        String bucket = server.newBucket("cors");
        allowApp(bucket);

        RawResponse answer = preflight("/" + bucket + "/photos/new%20one.jpg", APP, "PUT",
                "Authorization, X-Amz-Date, x-amz-content-sha256, content-type");

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(APP, answer.header("access-control-allow-origin"));
        assertEquals("true", answer.header("access-control-allow-credentials"));
        assertEquals("GET, PUT, HEAD", answer.header("access-control-allow-methods"));
        assertEquals("authorization, x-amz-date, x-amz-content-sha256, content-type",
                answer.header("access-control-allow-headers"));
        assertEquals("ETag, x-amz-request-id", answer.header("access-control-expose-headers"));
        assertEquals("600", answer.header("access-control-max-age"));
        assertEquals(VARY, answer.header("vary"));
        // The bucket preflight too, and one for a rule that allows every origin.
        assertEquals(200, preflight("/" + bucket, APP, "HEAD", null).status());
        RawResponse anyone = preflight("/" + bucket + "/a", "http://elsewhere.org", "GET", null);
        assertEquals("*", anyone.header("access-control-allow-origin"));
        assertNull(anyone.header("access-control-allow-credentials"));
    }

    @Test
    void aPreflightNoRuleAllowsIsAccessForbidden() throws IOException {
        String bucket = server.newBucket("cors");
        allowApp(bucket);

        for (RawResponse refused : List.of(
                preflight("/" + bucket + "/a", "http://elsewhere.org", "PUT", null),
                preflight("/" + bucket + "/a", APP, "DELETE", null),
                preflight("/" + bucket + "/a", "http://elsewhere.org", "GET", "x-amz-meta-colour"),
                preflight("/" + bucket + "/a", "https://app.example.com", "PUT", null))) {
            assertS3Error(refused, 403, "AccessForbidden");
            assertTrue(refused.text().contains("CORSResponse: This CORS request is not allowed."), refused::toString);
            assertNoCorsHeaders(refused);
        }
        String plain = server.newBucket("plain");
        RawResponse notEnabled = preflight("/" + plain + "/a", APP, "GET", null);
        assertS3Error(notEnabled, 403, "AccessForbidden");
        assertTrue(notEnabled.text().contains("CORS is not enabled for this bucket"), notEnabled::toString);
    }

    @Test
    void aPreflightWithoutOriginOrRequestMethodIsBadRequest() throws IOException {
        String bucket = server.newBucket("cors");
        allowApp(bucket);

        assertS3Error(preflight("/" + bucket + "/a", null, "GET", null), 400, "BadRequest");
        assertS3Error(preflight("/" + bucket + "/a", APP, null, null), 400, "BadRequest");
        assertS3Error(preflight("/" + bucket, null, null, null), 400, "BadRequest");
        assertS3Error(preflight("/no-such-bucket/a", APP, "GET", null), 404, "NoSuchBucket");
    }

    @Test
    void aPreflightOnAPresignedUrlIsNotCheckedAsASignature() throws IOException {
        String bucket = server.newBucket("cors");
        allowApp(bucket);
        RawRequest presigned = server.signer().presign(server.request("GET", "/" + bucket + "/a.txt"),
                java.time.Instant.now(), 600);

        RawResponse answer = preflight(presigned.target(), APP, "GET", null);

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(APP, answer.header("access-control-allow-origin"));
    }

    @Test
    void signedGetPutAndTheirErrorsCarryTheMatchingRulesHeaders() throws IOException {
        String bucket = server.newBucket("cors");
        allowApp(bucket);
        byte[] body = "from a page".getBytes(StandardCharsets.UTF_8);

        RawResponse put = server.sendSigned(server.request("PUT", "/" + bucket + "/page.txt")
                .withHeader("Origin", APP).withBody(body));
        RawResponse get = server.sendSigned(server.request("GET", "/" + bucket + "/page.txt").withHeader("Origin", APP));
        RawResponse missing = server.sendSigned(server.request("GET", "/" + bucket + "/missing.txt")
                .withHeader("Origin", APP));
        RawResponse badSignature = server.send(new SigV4(TestServer.ACCESS_KEY, "not the secret", "us-east-1")
                .sign(server.request("GET", "/" + bucket + "/page.txt").withHeader("Origin", APP)));

        assertEquals(200, put.status(), put::toString);
        assertEquals(200, get.status(), get::toString);
        assertEquals("from a page", get.text());
        assertS3Error(missing, 404, "NoSuchKey");
        assertS3Error(badSignature, 403, "SignatureDoesNotMatch");
        for (RawResponse answer : List.of(put, get, missing, badSignature)) {
            assertEquals(APP, answer.header("access-control-allow-origin"), answer::toString);
            assertEquals("true", answer.header("access-control-allow-credentials"));
            assertEquals("GET, PUT, HEAD", answer.header("access-control-allow-methods"));
            assertEquals("ETag, x-amz-request-id", answer.header("access-control-expose-headers"));
            assertEquals("600", answer.header("access-control-max-age"));
            assertEquals(VARY, answer.header("vary"));
        }
    }

    @Test
    void anonymousReadsOfAPublicBucketCarryTheHeadersToo() throws IOException {
        allowApp("website");
        Files.writeString(server.root().resolve("website/index.html"), "<p>hello</p>");
        try {
            RawResponse page = server.send(server.request("GET", "/website/index.html")
                    .withHeader("Origin", "http://elsewhere.org"));
            RawResponse listing = server.send(server.request("GET", "/website").withHeader("Origin", "http://a.example.com"));

            assertEquals(200, page.status(), page::toString);
            assertEquals("*", page.header("access-control-allow-origin"));
            assertEquals("GET", page.header("access-control-allow-methods"));
            assertEquals(200, listing.status(), listing::toString);
            assertEquals("http://a.example.com", listing.header("access-control-allow-origin"));
            // An anonymous PUT is refused, and no rule lets "elsewhere" PUT: no CORS headers.
            RawResponse put = server.send(server.request("PUT", "/website/x").withHeader("Origin", "http://elsewhere.org")
                    .withBody(new byte[0]));
            assertEquals(403, put.status());
            assertNoCorsHeaders(put);
        } finally {
            s3.deleteBucketCors(b -> b.bucket("website"));
        }
    }

    @Test
    void noCorsHeadersWithoutAMatchingRuleOrOrigin() throws IOException {
        String bucket = server.newBucket("cors");
        String plain = server.newBucket("plain");
        s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(
                CORSRule.builder().allowedOrigins(APP).allowedMethods("GET").build())));
        s3.putObject(b -> b.bucket(bucket).key("a.txt"), RequestBody.fromString("a"));
        s3.putObject(b -> b.bucket(plain).key("a.txt"), RequestBody.fromString("a"));

        for (RawRequest request : List.of(
                server.request("GET", "/" + bucket + "/a.txt"),
                server.request("GET", "/" + bucket + "/a.txt").withHeader("Origin", "http://elsewhere.org"),
                server.request("DELETE", "/" + bucket + "/missing.txt").withHeader("Origin", APP),
                server.request("GET", "/" + plain + "/a.txt").withHeader("Origin", APP),
                server.request("GET", "/").withHeader("Origin", APP))) {
            RawResponse answer = server.sendSigned(request);
            assertTrue(answer.status() < 300, answer::toString);
            assertNoCorsHeaders(answer);
        }
    }

    @Test
    void theRulesOutliveARestartAndDieWithTheBucket() throws Exception {
        String bucket = server.newBucket("cors-kept");
        allowApp(bucket);

        server.restart();
        assertEquals(2, s3.getBucketCors(b -> b.bucket(bucket)).corsRules().size());
        assertEquals(200, preflight("/" + bucket + "/a", APP, "PUT", null).status());

        s3.deleteBucket(b -> b.bucket(bucket));
        s3.createBucket(b -> b.bucket(bucket));
        assertS3Error(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(b -> b.bucket(bucket)));
        assertS3Error(preflight("/" + bucket + "/a", APP, "PUT", null), 403, "AccessForbidden");
    }

    @Test
    void malformedConfigurationsAreRefusedAndStoreNothing() throws IOException {
        String bucket = server.newBucket("cors");
        String rule = "<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod></CORSRule>";

        assertPutRefused(bucket, "not xml at all", 400, "MalformedXML", null);
        assertPutRefused(bucket, configuration(""), 400, "MalformedXML", null);
        assertPutRefused(bucket, configuration(rule.repeat(101)), 400, "MalformedXML", "100");
        assertPutRefused(bucket, configuration("<CORSRule><AllowedOrigin>*</AllowedOrigin></CORSRule>"), 400,
                "MalformedXML", null);
        assertPutRefused(bucket, configuration("<CORSRule><AllowedOrigin>*</AllowedOrigin>"
                + "<AllowedMethod>PATCH</AllowedMethod></CORSRule>"), 400, "InvalidRequest", "PATCH");
        assertPutRefused(bucket, configuration("<CORSRule><AllowedOrigin>http://*.*.example.com</AllowedOrigin>"
                + "<AllowedMethod>GET</AllowedMethod></CORSRule>"), 400, "InvalidRequest", "http://*.*.example.com");

        byte[] good = configuration(rule).getBytes(StandardCharsets.UTF_8);
        RawResponse noDigest = server.sendSigned(server.request("PUT", "/" + bucket + "?cors").withBody(good));
        assertS3Error(noDigest, 400, "InvalidRequest");
        assertTrue(noDigest.text().contains("Content-MD5"), noDigest::toString);
        RawResponse wrongDigest = server.sendSigned(server.request("PUT", "/" + bucket + "?cors")
                .withHeader("Content-MD5", Digests.md5Base64("other".getBytes(StandardCharsets.UTF_8))).withBody(good));
        assertS3Error(wrongDigest, 400, "BadDigest");

        assertS3Error(404, "NoSuchCORSConfiguration", () -> s3.getBucketCors(b -> b.bucket(bucket)));
        RawResponse stored = server.sendSigned(server.request("PUT", "/" + bucket + "?cors")
                .withHeader("Content-MD5", Digests.md5Base64(good)).withBody(good));
        assertEquals(200, stored.status(), stored::toString);
    }

    private void assertPutRefused(String bucket, String xml, int status, String code, String quoted) throws IOException {
        byte[] body = xml.getBytes(StandardCharsets.UTF_8);
        RawResponse answer = server.sendSigned(server.request("PUT", "/" + bucket + "?cors")
                .withHeader("Content-MD5", Digests.md5Base64(body)).withBody(body));
        assertS3Error(answer, status, code);
        if (quoted != null) {
            assertTrue(answer.text().contains(quoted), answer::toString);
        }
    }

    private static String configuration(String rules) {
        return "<CORSConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">" + rules + "</CORSConfiguration>";
    }
}

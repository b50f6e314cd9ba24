package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.Principal;
import dev.cubby.auth.RequestContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Each operator, through the parser, against a request whose keys the test sets. */
class ConditionTest {
    private static final Principal KEY = new Principal("CUBKLAPTOP", "c0ffee", "laptop");

    /** A request: source address, TLS or not, headers and query parameters, at a fixed time. */
    private static final class Request {
        String ip = "192.0.2.10";
        boolean tls;
        final Map<String, String> headers = new HashMap<>();
        final Map<String, String> query = new HashMap<>();
        Instant now = Instant.parse("2026-06-01T12:00:00Z");
        Map<String, String> tags = Map.of();
        Principal principal = KEY;

        ConditionKeys keys() {
            return new ConditionKeys(principal, new RequestContext(ip, tls, headers::get, query::get, now), () -> tags);
        }
    }

    private static boolean holds(String condition, Request request) {
        PolicyDocument document = PolicyParser.parse(PolicyParserTest.policy(PolicyParserTest.ALLOW_GET
                + ",\"Condition\":" + condition), "photos");
        return document.statements().getFirst().conditionsHold(request.keys());
    }

    @Test
    void stringEqualsAndNotEquals() {
        var r = new Request();
        r.query.put("prefix", "home/");
        assertTrue(holds("{\"StringEquals\":{\"s3:prefix\":[\"x\",\"home/\"]}}", r));
        assertFalse(holds("{\"StringEquals\":{\"s3:prefix\":\"Home/\"}}", r));
        assertTrue(holds("{\"StringEqualsIgnoreCase\":{\"s3:prefix\":\"HOME/\"}}", r));
        assertFalse(holds("{\"StringNotEquals\":{\"s3:prefix\":\"home/\"}}", r));
        assertTrue(holds("{\"StringNotEquals\":{\"s3:prefix\":\"other/\"}}", r));
        assertFalse(holds("{\"StringNotEqualsIgnoreCase\":{\"s3:prefix\":\"HOME/\"}}", r));
        assertTrue(holds("{\"stringequals\":{\"S3:Prefix\":\"home/\"}}", r), "operator and key names ignore case");
    }

    @Test
    void stringLikeAndNotLike() {
        var r = new Request();
        r.query.put("prefix", "home/alice/");
        assertTrue(holds("{\"StringLike\":{\"s3:prefix\":\"home/*\"}}", r));
        assertTrue(holds("{\"StringLike\":{\"s3:prefix\":\"home/alic?/\"}}", r));
        assertFalse(holds("{\"StringLike\":{\"s3:prefix\":\"work/*\"}}", r));
        assertTrue(holds("{\"StringNotLike\":{\"s3:prefix\":\"work/*\"}}", r));
        assertFalse(holds("{\"StringNotLike\":{\"s3:prefix\":\"home/*\"}}", r));
    }

    @Test
    void anAbsentKeyFailsPositiveOperatorsAndPassesNegatedAndIfExists() {
        var r = new Request();
        assertFalse(holds("{\"StringEquals\":{\"s3:prefix\":\"home/\"}}", r));
        assertFalse(holds("{\"StringLike\":{\"aws:Referer\":\"http://www.example.com/*\"}}", r));
        assertTrue(holds("{\"StringLikeIfExists\":{\"aws:Referer\":\"http://www.example.com/*\"}}", r));
        assertTrue(holds("{\"StringNotEquals\":{\"s3:prefix\":\"home/\"}}", r));
        r.headers.put("referer", "http://example.com");
        assertFalse(holds("{\"StringLikeIfExists\":{\"aws:Referer\":\"http://www.example.com/*\"}}", r));
        r.headers.put("referer", "http://www.example.com/index.html");
        assertTrue(holds("{\"StringLikeIfExists\":{\"aws:Referer\":\"http://www.example.com/*\"}}", r));
    }

    @Test
    void nullAsksWhetherTheKeyIsAbsent() {
        var r = new Request();
        assertTrue(holds("{\"Null\":{\"s3:x-amz-server-side-encryption\":\"true\"}}", r));
        assertFalse(holds("{\"Null\":{\"s3:x-amz-server-side-encryption\":\"false\"}}", r));
        r.headers.put("x-amz-server-side-encryption", "AES256");
        assertFalse(holds("{\"Null\":{\"s3:x-amz-server-side-encryption\":true}}", r));
        assertTrue(holds("{\"Null\":{\"s3:x-amz-server-side-encryption\":false}}", r));
    }

    @Test
    void numericOperatorsOnMaxKeys() {
        var r = new Request();
        r.query.put("max-keys", "10");
        assertTrue(holds("{\"NumericEquals\":{\"s3:max-keys\":\"10\"}}", r));
        assertFalse(holds("{\"NumericNotEquals\":{\"s3:max-keys\":10}}", r));
        assertTrue(holds("{\"NumericLessThanEquals\":{\"s3:max-keys\":\"10\"}}", r));
        assertFalse(holds("{\"NumericLessThan\":{\"s3:max-keys\":\"10\"}}", r));
        assertTrue(holds("{\"NumericLessThan\":{\"s3:max-keys\":\"11\"}}", r));
        assertTrue(holds("{\"NumericGreaterThan\":{\"s3:max-keys\":\"9\"}}", r));
        assertTrue(holds("{\"NumericGreaterThanEquals\":{\"s3:max-keys\":\"10\"}}", r));
        assertFalse(holds("{\"NumericGreaterThan\":{\"s3:max-keys\":\"10\"}}", r));
        r.query.put("max-keys", "lots");
        assertFalse(holds("{\"NumericLessThan\":{\"s3:max-keys\":\"11\"}}", r), "a request value that is no number matches nothing");
    }

    @Test
    void dateOperatorsOnCurrentTime() {
        var r = new Request();
        assertTrue(holds("{\"DateLessThan\":{\"aws:CurrentTime\":\"2026-12-31T23:59:59Z\"}}", r));
        assertFalse(holds("{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2026-12-31\"}}", r));
        assertTrue(holds("{\"DateGreaterThanEquals\":{\"aws:CurrentTime\":\"2026-06-01T12:00:00Z\"}}", r));
        assertTrue(holds("{\"DateLessThanEquals\":{\"aws:CurrentTime\":\"2026-06-01T12:00:00Z\"}}", r));
        assertTrue(holds("{\"DateEquals\":{\"aws:CurrentTime\":\"" + r.now.getEpochSecond() + "\"}}", r));
        assertTrue(holds("{\"DateNotEquals\":{\"aws:CurrentTime\":\"2020-01-01\"}}", r));
        assertTrue(holds("{\"NumericGreaterThan\":{\"aws:EpochTime\":1}}", r));
    }

    @Test
    void boolOnSecureTransport() {
        var r = new Request();
        assertTrue(holds("{\"Bool\":{\"aws:SecureTransport\":\"false\"}}", r));
        assertFalse(holds("{\"Bool\":{\"aws:SecureTransport\":true}}", r));
        r.tls = true;
        assertTrue(holds("{\"Bool\":{\"aws:SecureTransport\":\"TRUE\"}}", r));
    }

    @Test
    void ipAddressAndNotIpAddressV4AndV6() {
        var r = new Request();
        assertTrue(holds("{\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.0/24\"}}", r));
        assertTrue(holds("{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"192.0.2.10\"]}}", r));
        assertFalse(holds("{\"IpAddress\":{\"aws:SourceIp\":\"192.0.3.0/24\"}}", r));
        assertTrue(holds("{\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.8/29\"}}", r));
        assertFalse(holds("{\"IpAddress\":{\"aws:SourceIp\":\"192.0.2.0/29\"}}", r));
        assertTrue(holds("{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}", r));
        assertFalse(holds("{\"NotIpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}", r));
        assertFalse(holds("{\"IpAddress\":{\"aws:SourceIp\":\"::/0\"}}", r), "an IPv4 caller is in no IPv6 block");
        r.ip = "2001:db8::5";
        assertTrue(holds("{\"IpAddress\":{\"aws:SourceIp\":\"2001:db8::/32\"}}", r));
        assertFalse(holds("{\"IpAddress\":{\"aws:SourceIp\":\"2001:db9::/32\"}}", r));
        assertFalse(holds("{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}", r));
    }

    @Test
    void requestHeadersAsS3Keys() {
        var r = new Request();
        r.headers.put("x-amz-acl", "public-read");
        r.headers.put("x-amz-grant-full-control", "id=abc");
        r.headers.put("x-amz-metadata-directive", "COPY");
        r.headers.put("x-amz-copy-source", "/photos/public/a%20b.jpg?versionId=1");
        assertTrue(holds("{\"StringLike\":{\"s3:x-amz-acl\":\"public*\"}}", r));
        assertTrue(holds("{\"StringEquals\":{\"s3:x-amz-grant-full-control\":\"id=abc\"}}", r));
        assertTrue(holds("{\"StringEquals\":{\"s3:x-amz-metadata-directive\":\"COPY\"}}", r));
        assertTrue(holds("{\"StringLike\":{\"s3:x-amz-copy-source\":\"photos/public/*\"}}", r));
        assertTrue(holds("{\"StringEquals\":{\"s3:x-amz-copy-source\":\"photos/public/a b.jpg\"}}", r));
    }

    @Test
    void requestObjectTagsFromTheTaggingHeader() {
        var r = new Request();
        r.headers.put("x-amz-tagging", "security=public&team=a%20b&note=c+d");
        assertTrue(holds("{\"StringEquals\":{\"s3:RequestObjectTag/security\":\"public\"}}", r));
        assertTrue(holds("{\"StringEquals\":{\"s3:RequestObjectTag/team\":\"a b\"}}", r));
        assertFalse(holds("{\"StringEquals\":{\"s3:RequestObjectTag/Security\":\"public\"}}", r), "tag keys keep case");
        assertTrue(holds("{\"StringEquals\":{\"s3:RequestObjectTag/note\":\"c d\"}}", r), "'+' is a space, as PutObject reads it");
        assertTrue(holds("{\"ForAnyValue:StringEquals\":{\"s3:RequestObjectTagKeys\":\"team\"}}", r));
        assertFalse(holds("{\"ForAllValues:StringEquals\":{\"s3:RequestObjectTagKeys\":\"team\"}}", r));
        assertTrue(holds("{\"ForAllValues:StringEquals\":{\"s3:RequestObjectTagKeys\":[\"team\",\"security\",\"note\"]}}", r));
        var none = new Request();
        assertTrue(holds("{\"ForAllValues:StringEquals\":{\"s3:RequestObjectTagKeys\":\"team\"}}", none),
                "every one of no values holds");
        assertFalse(holds("{\"ForAnyValue:StringEquals\":{\"s3:RequestObjectTagKeys\":\"team\"}}", none));
    }

    @Test
    void existingObjectTagsAreReadOnlyWhenAsked() {
        var r = new Request();
        var reads = new AtomicInteger();
        var keys = new ConditionKeys(KEY, new RequestContext("1.2.3.4", false, n -> null, n -> null, r.now), () -> {
            reads.incrementAndGet();
            return Map.of("security", "public");
        });
        assertEquals(java.util.List.of("public"), keys.values("s3:ExistingObjectTag/security"));
        assertEquals(java.util.List.of(), keys.values("s3:ExistingObjectTag/other"));
        assertEquals(java.util.List.of(), keys.values("aws:Referer"));
        assertEquals(1, reads.get());
        r.tags = Map.of("security", "private");
        assertFalse(holds("{\"StringEquals\":{\"s3:ExistingObjectTag/security\":\"public\"}}", r));
    }

    @Test
    void principalKeys() {
        var r = new Request();
        assertTrue(holds("{\"StringEquals\":{\"aws:username\":\"laptop\"}}", r));
        assertTrue(holds("{\"StringEquals\":{\"aws:userid\":\"CUBKLAPTOP\"}}", r));
        r.principal = Principal.ANONYMOUS;
        assertFalse(holds("{\"StringEquals\":{\"aws:username\":\"laptop\"}}", r));
    }

    @Test
    void arnOperators() {
        var r = new Request();
        r.headers.put("x-amz-copy-source", "photos/a");
        assertTrue(holds("{\"ArnLike\":{\"s3:x-amz-copy-source\":\"photos/*\"}}", r));
        assertTrue(holds("{\"ArnNotLike\":{\"s3:x-amz-copy-source\":\"videos/*\"}}", r));
    }
}

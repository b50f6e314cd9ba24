package dev.cubby.s3.form;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostPolicyTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    private static PostPolicy policy(String conditions) {
        return policy("\"expiration\": \"2026-12-05T00:00:00.000Z\"", conditions);
    }

    private static PostPolicy policy(String expiration, String conditions) {
        String json = "{" + expiration + (conditions == null ? "" : ", \"conditions\": [" + conditions + "]") + "}";
        return PostPolicy.parse(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
    }

    /** A form's fields as the handler checks them: bucket and key always there. */
    private static Map<String, String> form(String... namesAndValues) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("bucket", "photos");
        fields.put("key", "in/a.txt");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static final String BASE = "{\"bucket\": \"photos\"}, [\"starts-with\", \"$key\", \"in/\"]";

    private static String denial(PostPolicy policy, Map<String, String> fields) {
        var e = assertThrows(S3Exception.class, () -> policy.check(fields, NOW));
        assertEquals(S3ErrorCode.ACCESS_DENIED, e.code());
        return e.getMessage();
    }

    private static S3ErrorCode parseFailure(String expiration, String conditions) {
        return assertThrows(S3Exception.class, () -> policy(expiration, conditions)).code();
    }

    @Test
    void theObjectFormIsAnExactMatch() {
        policy(BASE).check(form(), NOW);
        String message = denial(policy("{\"bucket\": \"other\"}, [\"starts-with\", \"$key\", \"\"]"), form());
        assertTrue(message.contains("Policy Condition failed: [\"eq\", \"$bucket\", \"other\"]"), message);
    }

    @Test
    void eqMatchesExactlyAndFailsOnAnotherOrAMissingValue() {
        var policy = policy(BASE + ", [\"eq\", \"$x-amz-meta-owner\", \"anna\"]");
        policy.check(form("x-amz-meta-owner", "anna"), NOW);
        denial(policy, form("x-amz-meta-owner", "annabel"));
        denial(policy, form());
    }

    @Test
    void startsWithMatchesAPrefixAndAnEmptyPrefixAnyValue() {
        policy(BASE).check(form(), NOW);
        String message = denial(policy("{\"bucket\": \"photos\"}, [\"starts-with\", \"$key\", \"out/\"]"), form());
        assertTrue(message.contains("[\"starts-with\", \"$key\", \"out/\"]"), message);
        var anyType = policy(BASE + ", [\"starts-with\", \"$Content-Type\", \"\"]");
        anyType.check(form("content-type", "image/jpeg"), NOW);
        denial(anyType, form());
    }

    @Test
    void fieldNamesAndOperatorsMatchWithoutRegardToCaseButValuesExactly() {
        var policy = policy("{\"bUcKeT\": \"photos\"}, [\"StArTs-WiTh\", \"$KeY\", \"in/\"], [\"EQ\", \"$AcL\", \"private\"]");
        policy.check(form("acl", "private"), NOW);
        denial(policy, form("acl", "PRIVATE"));
    }

    @Test
    void everyFieldButTheExemptOnesMustBeNamedByACondition() {
        var policy = policy(BASE);
        String message = denial(policy, form("x-amz-meta-extra", "1"));
        assertTrue(message.contains("Extra input fields: x-amz-meta-extra"), message);
        policy.check(form("policy", "p", "signature", "s", "awsaccesskeyid", "a", "x-amz-signature", "s4",
                "x-ignore-note", "n", "x-amz-checksum-sha256", "c"), NOW);
        denial(policy("[\"starts-with\", \"$key\", \"\"]"), form());
    }

    @Test
    void anExpiredPolicyIsDenied() {
        var policy = policy("\"expiration\": \"2026-12-04T11:59:59Z\"", BASE);
        String message = denial(policy, form());
        assertTrue(message.contains("Invalid according to Policy: Policy expired."), message);
    }

    @Test
    void contentLengthRangeIsTheIntersectionOfItsConditions() {
        var policy = policy(BASE + ", [\"content-length-range\", 10, 100], [\"content-length-range\", 0, 50]");
        assertEquals(new PolicyCondition.ContentLengthRange(10, 50), policy.lengthRange());
        assertEquals(new PolicyCondition.ContentLengthRange(0, Long.MAX_VALUE), policy(BASE).lengthRange());
    }

    @Test
    void theFileIsHeldToTheRangeAsItStreams() throws Exception {
        var range = new PolicyCondition.ContentLengthRange(2, 4);
        assertEquals(4, new LengthRangeInputStream(new ByteArrayInputStream(new byte[4]), range).readAllBytes().length);
        var large = assertThrows(S3Exception.class,
                () -> new LengthRangeInputStream(new ByteArrayInputStream(new byte[5]), range).readAllBytes());
        assertEquals(S3ErrorCode.ENTITY_TOO_LARGE, large.code());
        var small = assertThrows(S3Exception.class,
                () -> new LengthRangeInputStream(new ByteArrayInputStream(new byte[1]), range).readAllBytes());
        assertEquals(S3ErrorCode.ENTITY_TOO_SMALL, small.code());
    }

    @Test
    void malformedPoliciesAreInvalidPolicyDocuments() {
        String ok = "\"expiration\": \"2026-12-05T00:00:00Z\"";
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure("\"EXPIRATION\": \"2026-12-05T00:00:00Z\"", BASE));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure("\"expiration\": \"2026-12-05 00:00:00+00:00\"", BASE));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, null));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok + ", \"CONDITIONS\": []", null));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "{}"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"content-length-range\", 0]"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"content-length-range\", -1, 0]"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"content-length-range\", 9, 1]"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"eq\", \"key\", \"a\"]"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"matches\", \"$key\", \"a\"]"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"eq\", \"$key\"]"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "{\"bucket\": 7}"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, parseFailure(ok, "[\"eq\", \"$key\", \"a\"],"));
        var garbage = assertThrows(S3Exception.class, () -> PostPolicy.parse("not base64 at all!"));
        assertEquals(S3ErrorCode.INVALID_POLICY_DOCUMENT, garbage.code());
    }

    @Test
    void jsonEscapesAreDecoded() {
        var policy = policy("{\"bucket\": \"photos\"}, [\"starts-with\", \"$key\", \"\\\\$in\\u002f\"]");
        policy.check(form("key", "\\$in/a.txt"), NOW);
    }
}

package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.PolicyVerdict;
import dev.cubby.auth.Principal;
import dev.cubby.auth.RequestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDocumentTest {
    private static final Principal LAPTOP = new Principal("CUBKLAPTOP", "c0ffee", "laptop");
    private static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::photos/public/*\"},"
            + "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::cubby:user/laptop\"},\"Action\":\"s3:*\","
            + "\"Resource\":[\"arn:aws:s3:::photos\",\"arn:aws:s3:::photos/*\"]},"
            + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"arn:aws:s3:::photos/keep/*\"}]}";

    private static PolicyVerdict verdict(String json, Principal who, String action, String resource) {
        var keys = new ConditionKeys(who, RequestContext.none(), Map::of);
        return PolicyParser.parse(json, "photos").evaluate(who, action, resource, keys, false);
    }

    @Test
    void anExplicitDenyWinsOverEveryAllow() {
        assertEquals(PolicyVerdict.DENY, verdict(DOC, LAPTOP, "s3:DeleteObject", "arn:aws:s3:::photos/keep/a"));
        assertEquals(PolicyVerdict.ALLOW, verdict(DOC, LAPTOP, "s3:DeleteObject", "arn:aws:s3:::photos/other"));
    }

    @Test
    void principalActionAndResourceMustAllMatch() {
        assertEquals(PolicyVerdict.ALLOW, verdict(DOC, Principal.ANONYMOUS, "s3:GetObject", "arn:aws:s3:::photos/public/a"));
        assertEquals(PolicyVerdict.NONE, verdict(DOC, Principal.ANONYMOUS, "s3:GetObject", "arn:aws:s3:::photos/private/a"));
        assertEquals(PolicyVerdict.NONE, verdict(DOC, Principal.ANONYMOUS, "s3:PutObject", "arn:aws:s3:::photos/public/a"));
        assertEquals(PolicyVerdict.ALLOW, verdict(DOC, LAPTOP, "s3:ListBucket", "arn:aws:s3:::photos"));
        var desktop = new Principal("CUBKDESKTOP", "beef", "desktop");
        assertEquals(PolicyVerdict.NONE, verdict(DOC, desktop, "s3:ListBucket", "arn:aws:s3:::photos"));
    }

    @Test
    void notActionAndNotResourceApplyToEverythingElse() {
        String json = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"NotAction\":\"s3:Get*\",\"NotResource\":\"arn:aws:s3:::photos/inbox/*\"}}";
        assertEquals(PolicyVerdict.DENY, verdict(json, LAPTOP, "s3:PutObject", "arn:aws:s3:::photos/a"));
        assertEquals(PolicyVerdict.NONE, verdict(json, LAPTOP, "s3:GetObject", "arn:aws:s3:::photos/a"));
        assertEquals(PolicyVerdict.NONE, verdict(json, LAPTOP, "s3:PutObject", "arn:aws:s3:::photos/inbox/a"));
    }

    @Test
    void restrictedPublicStatementsDoNotCount() {
        var keys = new ConditionKeys(Principal.ANONYMOUS, RequestContext.none(), Map::of);
        PolicyDocument document = PolicyParser.parse(DOC, "photos");
        assertEquals(PolicyVerdict.NONE, document.evaluate(Principal.ANONYMOUS, "s3:GetObject",
                "arn:aws:s3:::photos/public/a", keys, true));
    }

    @Test
    void publicMeansAllowEveryoneWithoutANarrowingCondition() {
        assertTrue(PolicyParser.parse(DOC, "photos").isPublic());
        String base = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":\"s3:ListBucket\",\"Resource\":\"arn:aws:s3:::photos\"";
        assertTrue(PolicyParser.parse(base + "}}", "photos").isPublic());
        assertFalse(PolicyParser.parse(base + ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/32\"}}}}",
                "photos").isPublic());
        assertTrue(PolicyParser.parse(base + ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":true}}}}",
                "photos").isPublic(), "TLS does not narrow who may");
        assertFalse(PolicyParser.parse(base.replace("{\"AWS\":\"*\"}", "{\"AWS\":\"arn:aws:iam::s3tenant1:root\"}")
                + "}}", "photos").isPublic());
        assertFalse(PolicyParser.parse(base.replace("Allow", "Deny") + "}}", "photos").isPublic());
    }
}

package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import org.junit.jupiter.api.Test;

class PolicyParserTest {
    private static final String BUCKET = "photos";

    /** A one-statement policy around the given statement fields. */
    static String policy(String statementFields) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{" + statementFields + "}]}";
    }

    static final String ALLOW_GET = "\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\","
            + "\"Resource\":\"arn:aws:s3:::photos/*\"";

    private static void refused(String json, String expectedMessagePart) {
        var e = assertThrows(S3Exception.class, () -> PolicyParser.parse(json, BUCKET));
        assertEquals(S3ErrorCode.MALFORMED_POLICY, e.code());
        assertEquals(400, e.code().httpStatus());
        assertTrue(e.getMessage().contains(expectedMessagePart), e.getMessage());
    }

    @Test
    void aWellFormedPolicyParsesWithEachStatement() {
        PolicyDocument document = PolicyParser.parse("{\"Version\":\"2012-10-17\",\"Id\":\"x\",\"Statement\":["
                + "{" + ALLOW_GET + "},{\"Sid\":\"no-delete\",\"Effect\":\"Deny\",\"Principal\":{\"AWS\":["
                + "\"arn:aws:iam::cubby:user/laptop\",\"CUBKABC\"]},\"NotAction\":[\"s3:Get*\",\"s3:List*\"],"
                + "\"NotResource\":\"arn:aws:s3:::photos/public/*\"}]}", BUCKET);
        assertEquals(2, document.statements().size());
        Statement deny = document.statements().get(1);
        assertFalse(deny.allow());
        assertTrue(deny.notAction());
        assertTrue(deny.notResource());
        assertEquals("no-delete", deny.sid());
    }

    @Test
    void aSingleStatementObjectAndTheOlderVersionAreTaken() {
        PolicyDocument document = PolicyParser.parse("{\"Version\":\"2008-10-17\",\"Statement\":{" + ALLOW_GET + "}}",
                BUCKET);
        assertEquals(1, document.statements().size());
    }

    @Test
    void notJsonSaysWhere() {
        refused("{\"Version\":\"2012-10-17\",", "not valid JSON (line 1");
        refused("", "empty");
        refused("[1]", "must be a JSON object");
    }

    @Test
    void aFieldGivenTwiceIsRefused() {
        refused("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\",\"Statement\":{" + ALLOW_GET + "}}",
                "names a field twice");
    }

    @Test
    void versionMustBeOneOfTheTwo() {
        refused("{\"Version\":\"2020-01-01\",\"Statement\":{" + ALLOW_GET + "}}", "Version must be \"2012-10-17\"");
        refused("{\"Version\":2012,\"Statement\":{" + ALLOW_GET + "}}", "Version must be a string");
    }

    @Test
    void unknownTopFieldsAndStatementFieldsAreNamed() {
        refused("{\"Version\":\"2012-10-17\",\"Statements\":[]}", "unknown field \"Statements\"");
        refused(policy(ALLOW_GET + ",\"Condtion\":{}"), "Statement 1 has an unknown field \"Condtion\"");
    }

    @Test
    void statementMustBeThereAndHoldObjects() {
        refused("{\"Version\":\"2012-10-17\"}", "no Statement");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":[]}", "Statement array is empty");
        refused("{\"Version\":\"2012-10-17\",\"Statement\":[\"x\"]}", "Statement 1 must be a JSON object");
    }

    @Test
    void effectIsAllowOrDeny() {
        refused(policy("\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::photos/*\""),
                "Statement 1 has no Effect");
        refused(policy(ALLOW_GET.replace("Allow", "Permit")), "Effect must be \"Allow\" or \"Deny\", not \"Permit\"");
    }

    @Test
    void theSecondStatementIsNamedWithItsSid() {
        refused("{\"Version\":\"2012-10-17\",\"Statement\":[{" + ALLOW_GET + "},{\"Sid\":\"two\","
                + ALLOW_GET.replace("s3:GetObject", "GetObject") + "}]}", "Statement 2 (Sid \"two\"): Action \"GetObject\"");
    }

    @Test
    void principalForms() {
        refused(policy(ALLOW_GET.replace("\"Principal\":\"*\",", "")), "has no Principal");
        refused(policy(ALLOW_GET.replace("\"Principal\":\"*\"", "\"Principal\":\"someone\"")),
                "Principal must be \"*\" or an object");
        refused(policy(ALLOW_GET.replace("\"Principal\":\"*\"", "\"Principal\":{\"Service\":\"s3.amazonaws.com\"}")),
                "Principal type \"Service\" is not supported");
        refused(policy(ALLOW_GET.replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":\"not an arn\"}")),
                "value \"not an arn\" is not a principal");
        refused(policy(ALLOW_GET.replace("\"Principal\":\"*\"", "\"Principal\":{\"AWS\":[]}")),
                "must be a string or a non-empty array");
        PolicyParser.parse(policy(ALLOW_GET.replace("\"Principal\":\"*\"",
                "\"Principal\":{\"CanonicalUser\":\"abc123\"}")), BUCKET);
        PolicyParser.parse(policy(ALLOW_GET.replace("\"Principal\":\"*\"",
                "\"Principal\":{\"AWS\":\"arn:aws:iam::s3tenant1:root\"}")), BUCKET);
    }

    @Test
    void notPrincipalIsRefusedClearly() {
        refused(policy(ALLOW_GET.replace("\"Principal\":\"*\"", "\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::x:root\"}")),
                "NotPrincipal is not supported");
    }

    @Test
    void actionAndNotActionExactlyOne() {
        refused(policy(ALLOW_GET + ",\"NotAction\":\"s3:PutObject\""), "has both Action and NotAction");
        refused(policy(ALLOW_GET.replace("\"Action\":\"s3:GetObject\",", "")), "has no Action (or NotAction)");
        refused(policy(ALLOW_GET.replace("\"s3:GetObject\"", "\"iam:CreateUser\"")), "Action \"iam:CreateUser\" is not valid");
        refused(policy(ALLOW_GET.replace("\"s3:GetObject\"", "\"s3:\"")), "Action \"s3:\" is not valid");
        refused(policy(ALLOW_GET.replace("\"s3:GetObject\"", "[\"s3:GetObject\",7]")), "Action's values each must be a string");
    }

    @Test
    void resourcesMustNameThisBucket() {
        refused(policy(ALLOW_GET.replace("arn:aws:s3:::photos/*", "arn:aws:s3:::videos/*")),
                "Resource \"arn:aws:s3:::videos/*\" lies outside bucket photos");
        refused(policy(ALLOW_GET.replace("arn:aws:s3:::photos/*", "photos/*")), "Resource \"photos/*\" is not valid");
        refused(policy(ALLOW_GET.replace("arn:aws:s3:::photos/*", "arn:aws:s3:::")), "is not valid");
        refused(policy(ALLOW_GET + ",\"NotResource\":\"arn:aws:s3:::photos\""), "has both Resource and NotResource");
        PolicyParser.parse(policy(ALLOW_GET.replace("\"arn:aws:s3:::photos/*\"",
                "[\"arn:aws:s3:::*\",\"arn:aws:s3:::*/*\",\"arn:aws:s3:::ph?tos/a*\"]")), BUCKET);
    }

    @Test
    void conditionShapesAndValues() {
        refused(policy(ALLOW_GET + ",\"Condition\":[]"), "Condition must be an object");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"StringSortOf\":{\"s3:prefix\":\"a\"}}"),
                "the operator \"StringSortOf\" is not supported");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"NullIfExists\":{\"s3:prefix\":\"true\"}}"),
                "the operator \"NullIfExists\" is not supported");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"StringEquals\":\"a\"}"), "must be an object of condition keys");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"StringEquals\":{\"s3:prefix\":[]}}"), "on s3:prefix has no value");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"StringEquals\":{\"s3:prefix\":{\"a\":1}}}"),
                "must be a string, number or boolean");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/33\"}}"),
                "\"10.0.0.0/33\" is not an IP address or CIDR block");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"IpAddress\":{\"aws:SourceIp\":\"example.com\"}}"),
                "is not an IP address");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":\"ten\"}}"),
                "\"ten\" is not a number");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"DateLessThan\":{\"aws:CurrentTime\":\"soon\"}}"),
                "\"soon\" is not a date");
        refused(policy(ALLOW_GET + ",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"yes\"}}"),
                "\"yes\" is not true or false");
        PolicyDocument document = PolicyParser.parse(policy(ALLOW_GET + ",\"Condition\":{"
                + "\"Bool\":{\"aws:SecureTransport\":true},\"NumericLessThanEquals\":{\"s3:max-keys\":10},"
                + "\"ForAnyValue:StringLike\":{\"s3:RequestObjectTagKeys\":[\"a*\",\"b\"]},"
                + "\"StringLikeIfExists\":{\"aws:Referer\":\"http://x/*\"}}"), BUCKET);
        assertEquals(4, document.statements().getFirst().conditions().size());
    }

    @Test
    void aPolicyOverTwentyKibIsRefused() {
        String big = "\"Sid\":\"" + "x".repeat(21 * 1024) + "\"," + ALLOW_GET;
        refused(policy(big), "larger than 20 KiB");
    }
}

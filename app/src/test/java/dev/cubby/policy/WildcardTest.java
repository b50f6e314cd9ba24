package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WildcardTest {
    @Test
    void starMatchesAnyRunAlsoAcrossSlashes() {
        Wildcard prefix = Wildcard.exact("arn:aws:s3:::photos/2024/*");
        assertTrue(prefix.matches("arn:aws:s3:::photos/2024/"));
        assertTrue(prefix.matches("arn:aws:s3:::photos/2024/a/b/c.jpg"));
        assertFalse(prefix.matches("arn:aws:s3:::photos/2025/a.jpg"));
        assertFalse(prefix.matches("arn:aws:s3:::photos"));
        assertTrue(Wildcard.exact("*").matches(""));
        assertTrue(Wildcard.exact("a*b*c").matches("aXXbYYbc"));
        assertFalse(Wildcard.exact("a*b*c").matches("aXXbYYb"));
    }

    @Test
    void questionMarkMatchesExactlyOne() {
        Wildcard one = Wildcard.exact("arn:aws:s3:::photos/img?.jpg");
        assertTrue(one.matches("arn:aws:s3:::photos/img1.jpg"));
        assertFalse(one.matches("arn:aws:s3:::photos/img.jpg"));
        assertFalse(one.matches("arn:aws:s3:::photos/img12.jpg"));
    }

    @Test
    void withoutWildcardsOnlyTheSameTextMatches() {
        assertTrue(Wildcard.exact("arn:aws:s3:::photos").matches("arn:aws:s3:::photos"));
        assertFalse(Wildcard.exact("arn:aws:s3:::photos").matches("arn:aws:s3:::photos2"));
        assertFalse(Wildcard.exact("arn:aws:s3:::Photos").matches("arn:aws:s3:::photos"));
    }

    @Test
    void actionsCompareWithoutCase() {
        assertTrue(Wildcard.ignoringCase("s3:get*").matches("s3:GetObject"));
        assertTrue(Wildcard.ignoringCase("S3:*").matches("s3:PutObject"));
        assertFalse(Wildcard.ignoringCase("s3:Get*").matches("s3:PutObject"));
    }
}

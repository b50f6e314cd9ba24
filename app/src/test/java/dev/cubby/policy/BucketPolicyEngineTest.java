package dev.cubby.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.PolicyVerdict;
import dev.cubby.auth.Principal;
import dev.cubby.auth.RequestContext;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.space.SpacePolicy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine over a real store and sidecar on a temporary tree. */
class BucketPolicyEngineTest {
    private static final Principal LAPTOP = new Principal("CUBKLAPTOP", "c0ffee", "laptop");
    private static final String PUBLIC_GET = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::photos/*\"}}";

    @TempDir
    Path root;
    private ObjectStore store;
    private BucketPolicyEngine engine;

    @BeforeEach
    void open() {
        store = ObjectStore.openAt(root, Map.of(), 256L << 20, 0, SpacePolicy.UNLIMITED);
        store.createBucket("photos");
        store.createBucket("website");
        engine = BucketPolicyEngine.over(store, Set.of("website"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PolicyVerdict ask(Principal who, String action, String bucket, String key) {
        return engine.evaluate(who, action, bucket, key, RequestContext.none());
    }

    @Test
    void aBucketWithoutPolicySaysNothing() {
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:GetObject", "photos", "a"));
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:ListAllMyBuckets", null, null));
        assertFalse(engine.isPublic("photos"));
    }

    @Test
    void aStoredPolicyIsEvaluatedAndGoneWhenDeleted() {
        engine.store().putPolicy("photos", PUBLIC_GET);
        assertEquals(PolicyVerdict.ALLOW, ask(Principal.ANONYMOUS, "s3:GetObject", "photos", "a"));
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:PutObject", "photos", "a"));
        assertTrue(engine.isPublic("photos"));
        assertEquals(PUBLIC_GET, engine.store().policy("photos").orElseThrow());
        assertTrue(engine.store().deletePolicy("photos"));
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:GetObject", "photos", "a"));
    }

    @Test
    void aChangedPolicyTakesEffectAtOnce() {
        engine.store().putPolicy("photos", PUBLIC_GET);
        assertEquals(PolicyVerdict.ALLOW, ask(LAPTOP, "s3:GetObject", "photos", "a"));
        engine.store().putPolicy("photos", PUBLIC_GET.replace("Allow", "Deny"));
        assertEquals(PolicyVerdict.DENY, ask(LAPTOP, "s3:GetObject", "photos", "a"));
    }

    @Test
    void configPublicReadIsAStatementOfTheSameEngine() {
        assertEquals(PolicyVerdict.ALLOW, ask(Principal.ANONYMOUS, "s3:GetObject", "website", "index.html"));
        assertEquals(PolicyVerdict.ALLOW, ask(Principal.ANONYMOUS, "s3:ListBucket", "website", null));
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:PutObject", "website", "index.html"));
        assertTrue(engine.isPublic("website"));
        engine.store().putPolicy("website", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Deny\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::website/private/*\"}}");
        assertEquals(PolicyVerdict.DENY, ask(Principal.ANONYMOUS, "s3:GetObject", "website", "private/a"));
        assertEquals(PolicyVerdict.ALLOW, ask(Principal.ANONYMOUS, "s3:GetObject", "website", "index.html"));
    }

    @Test
    void blockPublicPolicyRefusesAPublicPolicyOnly() {
        engine.store().putPublicAccessBlock("photos", new PublicAccessBlock(false, false, true, false));
        var e = assertThrows(S3Exception.class, () -> engine.store().putPolicy("photos", PUBLIC_GET));
        assertEquals(S3ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().contains("BlockPublicPolicy"), e.getMessage());
        engine.store().putPolicy("photos", PUBLIC_GET.replace("\"*\"", "{\"AWS\":\"arn:aws:iam::cubby:user/laptop\"}"));
    }

    @Test
    void restrictPublicBucketsKeepsPublicStatementsFromAnonymousCallers() {
        engine.store().putPolicy("photos", PUBLIC_GET);
        engine.store().putPublicAccessBlock("photos", new PublicAccessBlock(false, false, false, true));
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:GetObject", "photos", "a"));
        assertEquals(PolicyVerdict.ALLOW, ask(LAPTOP, "s3:GetObject", "photos", "a"));
        assertTrue(engine.store().deletePublicAccessBlock("photos"));
        assertEquals(PolicyVerdict.ALLOW, ask(Principal.ANONYMOUS, "s3:GetObject", "photos", "a"));
    }

    @Test
    void thePublicAccessBlockRoundTripsAndIsAbsentByDefault() {
        assertTrue(engine.store().findPublicAccessBlock("photos").isEmpty());
        assertEquals(PublicAccessBlock.NONE, engine.store().publicAccessBlock("photos"));
        var block = new PublicAccessBlock(true, false, true, false);
        engine.store().putPublicAccessBlock("photos", block);
        assertEquals(block, engine.store().findPublicAccessBlock("photos").orElseThrow());
    }

    @Test
    void existingObjectTagsComeFromTheStore() throws java.io.IOException {
        java.nio.file.Files.writeString(root.resolve("photos/a"), "a file written over Samba");
        store.tags().put("photos", "a", Map.of("security", "public"));
        engine.store().putPolicy("photos", "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
                + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::photos/*\","
                + "\"Condition\":{\"StringEquals\":{\"s3:ExistingObjectTag/security\":\"public\"}}}}");
        assertEquals(PolicyVerdict.ALLOW, ask(LAPTOP, "s3:GetObject", "photos", "a"));
        assertEquals(PolicyVerdict.NONE, ask(LAPTOP, "s3:GetObject", "photos", "missing"));
    }

    @Test
    void aDeletedBucketForgetsItsPolicy() {
        engine.store().putPolicy("photos", PUBLIC_GET);
        store.deleteBucket("photos");
        store.createBucket("photos");
        assertTrue(engine.store().policy("photos").isEmpty());
        assertEquals(PolicyVerdict.NONE, ask(Principal.ANONYMOUS, "s3:GetObject", "photos", "a"));
    }
}

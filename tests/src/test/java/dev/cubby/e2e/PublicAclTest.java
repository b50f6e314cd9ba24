package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static dev.cubby.e2e.S3Assert.assertS3Status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;

/**
 * Public ACLs against the rest of the access rules, over the real server with two keys made by
 * {@code cubby keys create --create-buckets}: the public access block's BlockPublicAcls and
 * IgnorePublicAcls, GetBucketPolicyStatus for a public bucket ACL, a policy's ListBucket on a
 * prefix giving NoSuchKey there, and BucketOwnerEnforced refusing every canned ACL but
 * bucket-owner-full-control.
 */
class PublicAclTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    static S3Client alice;
    static S3Client bob;

    @BeforeAll
    static void keys() throws Exception {
        alice = client(create("alice"));
        bob = client(create("bob"));
    }

    private static CubbyCli.Result create(String name) throws Exception {
        return CubbyCli.run("keys", "create", "--state", server.state().toString(), "--name", name,
                "--create-buckets").requireSuccess();
    }

    private static S3Client client(CubbyCli.Result key) {
        return server.client(b -> b.credentialsProvider(TestServer.credentials(key.field("access key id"),
                key.field("secret access key"))));
    }

    private static String bucket(String stem) {
        String name = stem + "-" + System.nanoTime() % 1_000_000_000L;
        alice.createBucket(b -> b.bucket(name));
        return name;
    }

    private static void block(String bucket, boolean blockPublicAcls, boolean ignorePublicAcls) {
        alice.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls(blockPublicAcls).ignorePublicAcls(ignorePublicAcls)
                .blockPublicPolicy(false).restrictPublicBuckets(false)));
    }

    private static boolean policyStatusIsPublic(String bucket) {
        return alice.getBucketPolicyStatus(b -> b.bucket(bucket)).policyStatus().isPublic();
    }

    @Test
    void blockPublicAclsRefusesPublicAclsOnObjectsAndTheBucketAndWritesNothing() {
        String bucket = bucket("block");
        alice.putObject(b -> b.bucket(bucket).key("kept.txt"), RequestBody.fromString("kept"));
        block(bucket, true, false);
        for (ObjectCannedACL acl : List.of(ObjectCannedACL.PUBLIC_READ, ObjectCannedACL.PUBLIC_READ_WRITE,
                ObjectCannedACL.AUTHENTICATED_READ)) {
            assertS3Error(403, "AccessDenied", () -> alice.putObject(b -> b.bucket(bucket).key("refused.txt")
                    .acl(acl), RequestBody.fromString("x")), acl.toString());
            assertS3Error(403, "AccessDenied", () -> alice.putObjectAcl(b -> b.bucket(bucket).key("kept.txt")
                    .acl(acl)), acl.toString());
        }
        assertS3Error(403, "AccessDenied", () -> alice.putObject(b -> b.bucket(bucket).key("refused.txt")
                .grantRead("uri=\"http://acs.amazonaws.com/groups/global/AllUsers\""), RequestBody.fromString("x")));
        assertS3Error(403, "AccessDenied", () -> alice.copyObject(b -> b.sourceBucket(bucket).sourceKey("kept.txt")
                .destinationBucket(bucket).destinationKey("refused.txt").acl(ObjectCannedACL.PUBLIC_READ)));
        assertS3Error(403, "AccessDenied", () -> alice.createMultipartUpload(b -> b.bucket(bucket)
                .key("refused.txt").acl(ObjectCannedACL.PUBLIC_READ)));
        assertS3Status(404, () -> alice.headObject(b -> b.bucket(bucket).key("refused.txt")));
        for (BucketCannedACL acl : List.of(BucketCannedACL.PUBLIC_READ, BucketCannedACL.PUBLIC_READ_WRITE,
                BucketCannedACL.AUTHENTICATED_READ)) {
            assertS3Error(403, "AccessDenied", () -> alice.putBucketAcl(b -> b.bucket(bucket).acl(acl)), acl.toString());
        }
        assertFalse(policyStatusIsPublic(bucket), "the refused bucket ACL was not kept");

        alice.putObject(b -> b.bucket(bucket).key("private.txt").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("p"));
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        block(bucket, false, false);
        alice.putObject(b -> b.bucket(bucket).key("public.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("p"));
        assertEquals("p", bob.getObjectAsBytes(b -> b.bucket(bucket).key("public.txt")).asUtf8String());
    }

    @Test
    void ignorePublicAclsMakesAPublicBucketAndObjectPrivateAgain() throws Exception {
        String bucket = bucket("ignore");
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        alice.putObject(b -> b.bucket(bucket).key("k.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("abc"));
        bob.listObjectsV2(b -> b.bucket(bucket));
        assertEquals("abc", bob.getObjectAsBytes(b -> b.bucket(bucket).key("k.txt")).asUtf8String());

        block(bucket, false, true);
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ)); // still accepted, only ignored
        assertS3Error(403, "AccessDenied", () -> bob.listObjectsV2(b -> b.bucket(bucket)));
        assertS3Error(403, "AccessDenied", () -> bob.getObject(b -> b.bucket(bucket).key("k.txt")));
        assertEquals(403, server.send(server.request("GET", "/" + bucket + "/k.txt")).status(), "anonymous too");
        assertFalse(policyStatusIsPublic(bucket));
        assertEquals("abc", alice.getObjectAsBytes(b -> b.bucket(bucket).key("k.txt")).asUtf8String());

        alice.deletePublicAccessBlock(b -> b.bucket(bucket));
        assertEquals("abc", bob.getObjectAsBytes(b -> b.bucket(bucket).key("k.txt")).asUtf8String());
    }

    @Test
    void aBucketAclGrantingEveryoneOrEveryKeyMakesPolicyStatusPublic() {
        String bucket = bucket("status");
        assertFalse(policyStatusIsPublic(bucket));
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        assertTrue(policyStatusIsPublic(bucket));
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.AUTHENTICATED_READ));
        assertTrue(policyStatusIsPublic(bucket));
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        assertFalse(policyStatusIsPublic(bucket));
    }

    @Test
    void whomAPolicyLetsListAPrefixHearsNoSuchKeyThereAndAccessDeniedElsewhere() {
        String bucket = bucket("prefix");
        alice.putObject(b -> b.bucket(bucket).key("public/there.txt"), RequestBody.fromString("t"));
        alice.putBucketPolicy(b -> b.bucket(bucket).policy("""
                {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"},
                  "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::%s",
                  "Condition": {"StringLike": {"s3:prefix": "public/*"}}}]}""".formatted(bucket)));
        assertS3Status(404, () -> bob.headObject(b -> b.bucket(bucket).key("public/missing.txt")));
        assertS3Error(404, "NoSuchKey", () -> bob.getObject(b -> b.bucket(bucket).key("public/missing.txt")));
        assertS3Status(403, () -> bob.headObject(b -> b.bucket(bucket).key("private/missing.txt")));
        assertS3Status(403, () -> bob.headObject(b -> b.bucket(bucket).key("public/there.txt")));
    }

    @Test
    void bucketOwnerEnforcedRefusesEveryCannedAclButBucketOwnerFullControl() {
        String bucket = "enforced-" + System.nanoTime() % 1_000_000_000L;
        alice.createBucket(b -> b.bucket(bucket).objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED));
        alice.putObject(b -> b.bucket(bucket).key("no-acl.txt"), RequestBody.fromString("n"));
        alice.putObject(b -> b.bucket(bucket).key("bofc.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("b"));
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.putObject(b -> b.bucket(bucket)
                .key("private.txt").acl(ObjectCannedACL.PRIVATE), RequestBody.fromString("p")));
        assertS3Status(404, () -> alice.headObject(b -> b.bucket(bucket).key("private.txt")));
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.createMultipartUpload(b -> b.bucket(bucket)
                .key("private.txt").acl(ObjectCannedACL.PRIVATE)));
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.copyObject(b -> b.sourceBucket(bucket)
                .sourceKey("no-acl.txt").destinationBucket(bucket).destinationKey("private.txt")
                .acl(ObjectCannedACL.PRIVATE)));
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.putBucketAcl(b -> b.bucket(bucket)
                .acl(BucketCannedACL.PRIVATE)));
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.putObjectAcl(b -> b.bucket(bucket)
                .key("no-acl.txt").acl(ObjectCannedACL.PRIVATE)));
    }
}

package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Owner;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACLs with one key, the admin (the owner holds FULL_CONTROL until an ACL says more; ACLs that
 * name AWS services or email addresses are refused) and object tagging round trips; none of them
 * touches the file's bytes. Several keys: {@link OwnershipAndAclTest}.
 */
class AclAndTaggingTest {
    @RegisterExtension
    static final TestServer server = TestServer.empty();

    private static final byte[] BODY = "tagged and acl'd".getBytes();

    private final S3Client s3 = server.client();

    @Test
    void bucketAclNamesTheOwnerWithFullControl() throws IOException {
        String bucket = server.newBucket("acl");

        var acl = s3.getBucketAcl(b -> b.bucket(bucket));

        assertOwnerHasFullControl(acl.owner(), acl.grants());
    }

    @Test
    void objectAclNamesTheOwnerWithFullControl() throws IOException {
        String bucket = server.newBucket("acl");
        s3.putObject(b -> b.bucket(bucket).key("o.txt"), RequestBody.fromBytes(BODY));

        var acl = s3.getObjectAcl(b -> b.bucket(bucket).key("o.txt"));

        assertOwnerHasFullControl(acl.owner(), acl.grants());
        assertS3Error(404, "NoSuchKey", () -> s3.getObjectAcl(b -> b.bucket(bucket).key("missing.txt")));
    }

    @Test
    void privateCannedAclIsAcceptedOnObjectAndBucket() throws IOException {
        String bucket = server.newBucket("acl");
        s3.putObject(b -> b.bucket(bucket).key("o.txt"), RequestBody.fromBytes(BODY));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertEquals(200, s3.putObjectAcl(b -> b.bucket(bucket).key("o.txt").acl(ObjectCannedACL.PRIVATE))
                .sdkHttpResponse().statusCode());
        assertEquals(200, s3.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE))
                .sdkHttpResponse().statusCode());

        assertEquals(before, TreeSnapshot.of(server.base()));
        var acl = s3.getObjectAcl(b -> b.bucket(bucket).key("o.txt"));
        assertOwnerHasFullControl(acl.owner(), acl.grants());
    }

    @Test
    void publicReadCannedAclIsKeptAndLetsAnonymousCallersReadWithoutTouchingTheFile() throws IOException {
        String bucket = server.newBucket("acl");
        s3.putObject(b -> b.bucket(bucket).key("o.txt"), RequestBody.fromBytes(BODY));
        TreeSnapshot before = TreeSnapshot.of(server.base());
        assertEquals(403, server.send(server.request("GET", "/" + bucket + "/o.txt")).status());

        s3.putObjectAcl(b -> b.bucket(bucket).key("o.txt").acl(ObjectCannedACL.PUBLIC_READ));
        s3.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));

        assertEquals(before, TreeSnapshot.of(server.base()), "an ACL lives in the sidecar, not in the tree");
        RawResponse anonymous = server.send(server.request("GET", "/" + bucket + "/o.txt"));
        assertEquals(200, anonymous.status());
        assertArrayEquals(BODY, anonymous.body());
        var acl = s3.getObjectAcl(b -> b.bucket(bucket).key("o.txt"));
        assertTrue(acl.grants().stream().anyMatch(g -> g.grantee().type() == Type.GROUP
                && g.grantee().uri().endsWith("/AllUsers") && g.permission() == Permission.READ), acl.grants().toString());
        assertTrue(s3.getBucketAcl(b -> b.bucket(bucket)).grants().stream().anyMatch(g -> g.grantee().type() == Type.GROUP));
    }

    @Test
    void writesAskingForAnAclCubbyCannotKeepAreRefusedAndWriteNothing() throws IOException {
        String bucket = server.newBucket("acl-write");
        s3.putObject(b -> b.bucket(bucket).key("source.txt"), RequestBody.fromBytes(BODY));
        TreeSnapshot before = TreeSnapshot.of(server.base());

        S3Exception put = assertS3Error(501, "NotImplemented", () -> s3.putObject(
                b -> b.bucket(bucket).key("exec.txt").acl(ObjectCannedACL.AWS_EXEC_READ), RequestBody.fromBytes(BODY)));
        assertS3Error(400, "UnresolvableGrantByEmailAddress", () -> s3.putObject(
                b -> b.bucket(bucket).key("granted.txt").grantRead("emailAddress=\"someone@example.com\""),
                RequestBody.fromBytes(BODY)));
        assertS3Error(400, "InvalidArgument", () -> s3.createMultipartUpload(
                b -> b.bucket(bucket).key("multipart.bin").grantRead("id=\"" + "f".repeat(64) + "\"")));
        assertS3Error(501, "NotImplemented", () -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("source.txt")
                .destinationBucket(bucket).destinationKey("copy.txt").acl(ObjectCannedACL.AWS_EXEC_READ)));

        String message = put.awsErrorDetails().errorMessage();
        assertTrue(message.contains("'aws-exec-read'") && message.contains("public-read"), message);
        assertEquals(before, TreeSnapshot.of(server.base()), "nothing was written");
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().isEmpty(), "no upload was started");
    }

    @Test
    void writesWithTheOwnerOnlyAclsClientsSendByDefaultSucceed() throws IOException {
        String bucket = server.newBucket("acl-write");

        s3.putObject(b -> b.bucket(bucket).key("private.txt").acl(ObjectCannedACL.PRIVATE), RequestBody.fromBytes(BODY));
        s3.putObject(b -> b.bucket(bucket).key("owner.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromBytes(BODY));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("private.txt").destinationBucket(bucket)
                .destinationKey("copy.txt").acl(ObjectCannedACL.PRIVATE));
        String upload = s3.createMultipartUpload(b -> b.bucket(bucket).key("multipart.bin")
                .acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL)).uploadId();
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("multipart.bin").uploadId(upload));

        for (String key : List.of("private.txt", "owner.txt", "copy.txt")) {
            assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, key)), key);
        }
    }

    @Test
    void objectTaggingPutGetDeleteRoundTripsWithoutTouchingTheFile() throws IOException {
        String bucket = server.newBucket("tags");
        s3.putObject(b -> b.bucket(bucket).key("t.txt"), RequestBody.fromBytes(BODY));
        List<Tag> tags = List.of(tag("project", "cubby"), tag("stage", "test run"), tag("empty", ""));

        assertEquals(200, s3.putObjectTagging(b -> b.bucket(bucket).key("t.txt").tagging(t -> t.tagSet(tags)))
                .sdkHttpResponse().statusCode());
        assertEquals(pairs(tags), pairs(s3.getObjectTagging(b -> b.bucket(bucket).key("t.txt")).tagSet()));

        List<Tag> replaced = List.of(tag("project", "other"));
        s3.putObjectTagging(b -> b.bucket(bucket).key("t.txt").tagging(t -> t.tagSet(replaced)));
        assertEquals(pairs(replaced), pairs(s3.getObjectTagging(b -> b.bucket(bucket).key("t.txt")).tagSet()));

        assertEquals(204, s3.deleteObjectTagging(b -> b.bucket(bucket).key("t.txt")).sdkHttpResponse().statusCode());
        assertTrue(s3.getObjectTagging(b -> b.bucket(bucket).key("t.txt")).tagSet().isEmpty());
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "t.txt")));
        assertEquals(Digests.etag(BODY), s3.headObject(b -> b.bucket(bucket).key("t.txt")).eTag());
    }

    @Test
    void putObjectWithTaggingHeaderSetsTheTags() throws IOException {
        String bucket = server.newBucket("tags");

        s3.putObject(b -> b.bucket(bucket).key("h.txt").tagging("color=blue&taken%20by=Ada%20L"), RequestBody.fromBytes(BODY));

        assertEquals(Set.of("color=blue", "taken by=Ada L"),
                pairs(s3.getObjectTagging(b -> b.bucket(bucket).key("h.txt")).tagSet()));
        assertArrayEquals(BODY, Files.readAllBytes(server.file(bucket, "h.txt")));
        assertEquals(2, s3.headObject(b -> b.bucket(bucket).key("h.txt")).tagCount());
    }

    @Test
    void taggingOnAMissingKeyAnswersNoSuchKey() throws IOException {
        String bucket = server.newBucket("tags");
        TreeSnapshot before = TreeSnapshot.of(server.base());

        assertS3Error(404, "NoSuchKey", () -> s3.getObjectTagging(b -> b.bucket(bucket).key("missing.txt")));
        assertS3Error(404, "NoSuchKey", () -> s3.putObjectTagging(b -> b.bucket(bucket).key("missing.txt")
                .tagging(t -> t.tagSet(tag("a", "b")))));

        assertEquals(before, TreeSnapshot.of(server.base()));
    }

    private static void assertOwnerHasFullControl(Owner owner, List<Grant> grants) {
        assertNotNull(owner, "an Owner");
        assertNotNull(owner.id(), "the owner's ID");
        assertFalse(owner.id().isBlank());
        assertTrue(grants.stream().anyMatch(grant -> grant.permission() == Permission.FULL_CONTROL
                        && grant.grantee().type() == Type.CANONICAL_USER && owner.id().equals(grant.grantee().id())),
                () -> "FULL_CONTROL for the owner in " + grants);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    private static Set<String> pairs(List<Tag> tags) {
        return tags.stream().map(t -> t.key() + "=" + t.value()).collect(Collectors.toSet());
    }
}

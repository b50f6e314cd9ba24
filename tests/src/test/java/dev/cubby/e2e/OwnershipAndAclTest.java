package dev.cubby.e2e;

import static dev.cubby.e2e.S3Assert.assertS3Error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * Ownership with several keys (made by the real {@code cubby keys create --create-buckets}) and
 * ACLs, through the AWS SDK and raw anonymous requests: the owner against another key against
 * anonymous callers, each canned ACL, grants by canonical id, ownership controls, name clashes,
 * and that owners and ACLs survive a restart but not a bucket's deletion.
 */
class OwnershipAndAclTest {
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    @RegisterExtension
    static final TestServer server = TestServer.empty();

    static S3Client alice;
    static S3Client bob;
    static S3Client carol;
    static String aliceId;
    static String bobId;
    static String carolId;
    static CubbyCli.Result aliceKey;

    @BeforeAll
    static void keys() throws Exception {
        var a = create("alice", "--create-buckets");
        var b = create("bob", "--create-buckets");
        var c = create("carol", "--grant", "granted:rw");
        aliceKey = a;
        alice = client(a);
        bob = client(b);
        carol = client(c);
        aliceId = a.field("canonical user id");
        bobId = b.field("canonical user id");
        carolId = c.field("canonical user id");
    }

    private static CubbyCli.Result create(String name, String... extra) throws Exception {
        var args = new java.util.ArrayList<>(List.of("keys", "create", "--state", server.state().toString(), "--name", name));
        args.addAll(List.of(extra));
        return CubbyCli.run(args.toArray(String[]::new)).requireSuccess();
    }

    private static S3Client client(CubbyCli.Result key) {
        return server.client(b -> b.credentialsProvider(TestServer.credentials(key.field("access key id"),
                key.field("secret access key"))));
    }

    private static String bucket(String stem) {
        return stem + "-" + System.nanoTime() % 1_000_000_000L;
    }

    private static int anonymousGet(String target) throws IOException {
        return server.send(server.request("GET", target)).status();
    }

    private static Set<String> grants(List<Grant> grants) {
        return grants.stream().map(g -> (g.grantee().type() == Type.GROUP ? g.grantee().uri() : g.grantee().id())
                + " " + g.permissionAsString()).collect(Collectors.toSet());
    }

    @Test
    void keysPrintA64HexCanonicalIdAndListTheirRightToCreateBuckets() throws Exception {
        assertTrue(aliceId.matches("[0-9a-f]{64}"), aliceId);
        assertFalse(aliceId.equals(bobId));
        String listing = CubbyCli.keys(server.state(), "list").requireSuccess().out();
        String aliceLine = listing.lines().filter(l -> l.contains("alice")).findFirst().orElseThrow();
        assertTrue(aliceLine.contains("creates buckets"), listing);
        String carolLine = listing.lines().filter(l -> l.contains("carol")).findFirst().orElseThrow();
        assertFalse(carolLine.contains("creates buckets"), listing);
        var refused = CubbyCli.run("keys", "create", "--state", server.state().toString(), "--name", "nothing");
        assertFalse(refused.exitCode() == 0, "a key with neither grants nor --create-buckets is refused");
    }

    @Test
    void aKeyOwnsTheBucketItCreatesAndOthersAreRefused() throws IOException {
        String name = bucket("alices");
        alice.createBucket(b -> b.bucket(name));
        alice.putObject(b -> b.bucket(name).key("a.txt"), RequestBody.fromString("alice's"));

        assertEquals(aliceId, alice.getBucketAcl(b -> b.bucket(name)).owner().id());
        assertEquals("alice", alice.getBucketAcl(b -> b.bucket(name)).owner().displayName());
        assertTrue(alice.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name)));
        assertEquals(aliceId, alice.listBuckets().owner().id());
        assertFalse(bob.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name)));
        assertTrue(server.client().listBuckets().buckets().stream().anyMatch(b -> b.name().equals(name)),
                "the admin sees every bucket");

        assertS3Error(403, "AccessDenied", () -> bob.getObject(b -> b.bucket(name).key("a.txt")));
        assertS3Error(403, "AccessDenied", () -> bob.listObjectsV2(b -> b.bucket(name)));
        assertS3Error(403, "AccessDenied", () -> bob.putObject(b -> b.bucket(name).key("b.txt"), RequestBody.fromString("x")));
        assertS3Error(403, "AccessDenied", () -> bob.deleteBucket(b -> b.bucket(name)));
        assertS3Error(403, "AccessDenied", () -> bob.getBucketAcl(b -> b.bucket(name)));
        assertS3Error(404, "NoSuchBucket", () -> bob.listObjectsV2(b -> b.bucket(name + "-missing")));
        assertS3Error(403, "AccessDenied", () -> carol.createBucket(b -> b.bucket(bucket("carols"))));
        assertEquals(404, server.send(server.request("GET", "/" + name + "-missing/k")).status(),
                "a missing bucket is NoSuchBucket, to anonymous callers too");

        String bobs = bucket("bobs");
        bob.createBucket(b -> b.bucket(bobs));
        assertS3Error(403, "AccessDenied", () -> bob.copyObject(b -> b.sourceBucket(name).sourceKey("a.txt")
                .destinationBucket(bobs).destinationKey("stolen.txt")), "a copy's source is asked too");
        String upload = bob.createMultipartUpload(b -> b.bucket(bobs).key("parts.bin")).uploadId();
        assertS3Error(403, "AccessDenied", () -> bob.uploadPartCopy(b -> b.sourceBucket(name).sourceKey("a.txt")
                .destinationBucket(bobs).destinationKey("parts.bin").uploadId(upload).partNumber(1)));
        assertS3Error(403, "AccessDenied", () -> bob.deleteObjects(b -> b.bucket(name)
                .delete(d -> d.objects(o -> o.key("a.txt")))));
        assertEquals("alice's", alice.getObjectAsBytes(b -> b.bucket(name).key("a.txt")).asString(StandardCharsets.UTF_8));
    }

    @Test
    void creatingAnExistingBucketIsOwnedByYouForItsOwnerAndAlreadyExistsForOthers() {
        String name = bucket("taken");
        alice.createBucket(b -> b.bucket(name));
        assertS3Error(409, "BucketAlreadyOwnedByYou", () -> alice.createBucket(b -> b.bucket(name)));
        assertS3Error(409, "BucketAlreadyExists", () -> bob.createBucket(b -> b.bucket(name)));
        assertS3Error(409, "BucketAlreadyExists", () -> server.client().createBucket(b -> b.bucket(name)));
        assertS3Error(409, "BucketAlreadyExists",
                () -> alice.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ)),
                "a second create does not change the ACL");
    }

    @Test
    void cannedAclsOnObjectsGiveWhatTheySay() throws IOException {
        String name = bucket("canned");
        alice.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ));
        for (var acl : List.of(ObjectCannedACL.PRIVATE, ObjectCannedACL.PUBLIC_READ, ObjectCannedACL.PUBLIC_READ_WRITE,
                ObjectCannedACL.AUTHENTICATED_READ, ObjectCannedACL.BUCKET_OWNER_READ,
                ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL)) {
            alice.putObject(b -> b.bucket(name).key(acl.toString()).acl(acl), RequestBody.fromString(acl.toString()));
        }
        assertEquals(403, anonymousGet("/" + name + "/private"));
        assertEquals(200, anonymousGet("/" + name + "/public-read"));
        assertEquals(200, anonymousGet("/" + name + "/public-read-write"));
        assertEquals(403, anonymousGet("/" + name + "/authenticated-read"));
        assertEquals(200, anonymousGet("/" + name + "?list-type=2"), "the bucket is public-read: listing is open");
        assertEquals(404, anonymousGet("/" + name + "/never-written"), "who may list hears NoSuchKey");

        assertEquals("authenticated-read", bob.getObjectAsBytes(b -> b.bucket(name).key("authenticated-read"))
                .asString(StandardCharsets.UTF_8));
        assertS3Error(403, "AccessDenied", () -> bob.getObject(b -> b.bucket(name).key("private")));
        assertS3Error(403, "AccessDenied", () -> bob.getObject(b -> b.bucket(name).key("bucket-owner-read")));
        assertS3Error(403, "AccessDenied", () -> bob.putObject(b -> b.bucket(name).key("bob.txt"),
                RequestBody.fromString("no")), "public-read gives no WRITE");
        assertEquals(Set.of(ALL_USERS + " READ", aliceId + " FULL_CONTROL"),
                grants(alice.getObjectAcl(b -> b.bucket(name).key("public-read")).grants()));
        assertEquals(Set.of(aliceId + " FULL_CONTROL"),
                grants(alice.getObjectAcl(b -> b.bucket(name).key("bucket-owner-full-control")).grants()));
    }

    @Test
    void aPublicReadWriteBucketTakesOtherKeysObjectsWhichTheirWritersOwn() {
        String name = bucket("dropbox");
        alice.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        bob.putObject(b -> b.bucket(name).key("bobs.txt"), RequestBody.fromString("bob's"));
        var acl = bob.getObjectAcl(b -> b.bucket(name).key("bobs.txt"));
        assertEquals(bobId, acl.owner().id());
        assertEquals("bob", acl.owner().displayName());
        assertEquals("bob's", bob.getObjectAsBytes(b -> b.bucket(name).key("bobs.txt")).asString(StandardCharsets.UTF_8));

        alice.putObject(b -> b.bucket(name).key("alices.txt"), RequestBody.fromString("alice's"));
        var v1 = alice.listObjects(b -> b.bucket(name)).contents();
        assertEquals(List.of("alices.txt " + aliceId, "bobs.txt " + bobId),
                v1.stream().map(o -> o.key() + " " + o.owner().id()).toList(), "listings name each object's writer");
        var v2 = alice.listObjectsV2(b -> b.bucket(name).fetchOwner(true)).contents();
        assertEquals("bob", v2.stream().filter(o -> o.key().equals("bobs.txt")).findFirst().orElseThrow()
                .owner().displayName());
        assertEquals(bobId, alice.listObjectVersions(b -> b.bucket(name)).versions().stream()
                .filter(v -> v.key().equals("bobs.txt")).findFirst().orElseThrow().owner().id());

        bob.putObject(b -> b.bucket(name).key("shared.txt").acl(ObjectCannedACL.BUCKET_OWNER_READ),
                RequestBody.fromString("for alice"));
        assertEquals(Set.of(bobId + " FULL_CONTROL", aliceId + " READ"),
                grants(bob.getObjectAcl(b -> b.bucket(name).key("shared.txt")).grants()));

        String upload = bob.createMultipartUpload(b -> b.bucket(name).key("multi.bin")
                .acl(ObjectCannedACL.PUBLIC_READ)).uploadId();
        var listed = alice.listMultipartUploads(b -> b.bucket(name)).uploads();
        assertEquals(bobId, listed.getFirst().owner().id(), "the upload names who started it");
        var part = bob.uploadPart(b -> b.bucket(name).key("multi.bin").uploadId(upload).partNumber(1),
                RequestBody.fromString("parts"));
        bob.completeMultipartUpload(b -> b.bucket(name).key("multi.bin").uploadId(upload)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(part.eTag()))));
        var multi = bob.getObjectAcl(b -> b.bucket(name).key("multi.bin"));
        assertEquals(bobId, multi.owner().id());
        assertEquals(Set.of(ALL_USERS + " READ", bobId + " FULL_CONTROL"), grants(multi.grants()),
                "the ACL asked for at CreateMultipartUpload is applied at completion");
    }

    @Test
    void grantsByCanonicalIdReachThatKeyOnly() throws IOException {
        String name = bucket("granted");
        alice.createBucket(b -> b.bucket(name));
        alice.putObject(b -> b.bucket(name).key("for-bob.txt").grantRead("id=\"" + bobId + "\""),
                RequestBody.fromString("hi bob"));
        alice.putBucketAcl(b -> b.bucket(name).grantWrite("id=\"" + bobId + "\"").grantFullControl("id=\"" + aliceId + "\""));

        assertEquals("hi bob", bob.getObjectAsBytes(b -> b.bucket(name).key("for-bob.txt")).asString(StandardCharsets.UTF_8));
        assertS3Error(403, "AccessDenied", () -> carol.getObject(b -> b.bucket(name).key("for-bob.txt")));
        bob.putObject(b -> b.bucket(name).key("from-bob.txt"), RequestBody.fromString("written by bob"));
        assertS3Error(403, "AccessDenied", () -> carol.putObject(b -> b.bucket(name).key("from-carol.txt"),
                RequestBody.fromString("no")));
        assertEquals(403, anonymousGet("/" + name + "/for-bob.txt"));

        assertS3Error(400, "InvalidArgument", () -> alice.putObjectAcl(b -> b.bucket(name).key("for-bob.txt")
                .grantRead("id=\"" + "0".repeat(64) + "\"")));
        assertS3Error(400, "UnresolvableGrantByEmailAddress", () -> alice.putObjectAcl(b -> b.bucket(name)
                .key("for-bob.txt").grantRead("emailAddress=\"bob@example.com\"")));
        assertEquals("hi bob", bob.getObjectAsBytes(b -> b.bucket(name).key("for-bob.txt")).asString(StandardCharsets.UTF_8),
                "a refused ACL changed nothing");
    }

    @Test
    void anAccessControlPolicyBodySetsTheGrants() {
        String name = bucket("xmlacl");
        alice.createBucket(b -> b.bucket(name));
        alice.putObject(b -> b.bucket(name).key("o.txt"), RequestBody.fromString("o"));
        alice.putObjectAcl(b -> b.bucket(name).key("o.txt").accessControlPolicy(p -> p
                .owner(o -> o.id(aliceId))
                .grants(Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(aliceId))
                                .permission(Permission.FULL_CONTROL).build(),
                        Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(carolId))
                                .permission(Permission.READ).build())));
        assertEquals("o", carol.getObjectAsBytes(b -> b.bucket(name).key("o.txt")).asString(StandardCharsets.UTF_8));
        assertEquals(Set.of(aliceId + " FULL_CONTROL", carolId + " READ"),
                grants(alice.getObjectAcl(b -> b.bucket(name).key("o.txt")).grants()));
        assertS3Error(403, "AccessDenied", () -> carol.getObjectAcl(b -> b.bucket(name).key("o.txt")),
                "READ is not READ_ACP");
    }

    @Test
    void bucketOwnerEnforcedTurnsAclsOffAndGivesTheOwnerEveryObject() {
        String name = bucket("enforced");
        alice.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ_WRITE));
        assertS3Error(404, "OwnershipControlsNotFoundError", () -> alice.getBucketOwnershipControls(b -> b.bucket(name)));
        assertS3Error(400, "InvalidBucketAclWithObjectOwnership", () -> alice.putBucketOwnershipControls(b -> b
                .bucket(name).ownershipControls(c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)))));
        alice.putBucketAcl(b -> b.bucket(name).acl(BucketCannedACL.PRIVATE));
        alice.putBucketAcl(b -> b.bucket(name).grantWrite("id=\"" + bobId + "\"").grantFullControl("id=\"" + aliceId + "\""));
        // the grant to bob is an ACL too: enforced refuses it until it is gone
        alice.putBucketAcl(b -> b.bucket(name).acl(BucketCannedACL.PRIVATE));
        alice.putBucketOwnershipControls(b -> b.bucket(name)
                .ownershipControls(c -> c.rules(r -> r.objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED))));
        assertEquals(ObjectOwnership.BUCKET_OWNER_ENFORCED, alice.getBucketOwnershipControls(b -> b.bucket(name))
                .ownershipControls().rules().getFirst().objectOwnership());
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.putObject(b -> b.bucket(name).key("p.txt")
                .acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("p")));
        assertS3Error(400, "AccessControlListNotSupported", () -> alice.putBucketAcl(b -> b.bucket(name)
                .acl(BucketCannedACL.PUBLIC_READ)));
        alice.putObject(b -> b.bucket(name).key("ok.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("ok"));
        alice.deleteBucketOwnershipControls(b -> b.bucket(name));
        assertS3Error(404, "OwnershipControlsNotFoundError", () -> alice.getBucketOwnershipControls(b -> b.bucket(name)));
    }

    @Test
    void bucketOwnerPreferredGivesTheOwnerObjectsWrittenWithBucketOwnerFullControl() {
        String name = bucket("preferred");
        alice.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ_WRITE)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED));
        bob.putObject(b -> b.bucket(name).key("given.txt").acl(ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL),
                RequestBody.fromString("given"));
        bob.putObject(b -> b.bucket(name).key("kept.txt"), RequestBody.fromString("kept"));
        assertEquals(aliceId, alice.getObjectAcl(b -> b.bucket(name).key("given.txt")).owner().id());
        assertEquals(bobId, bob.getObjectAcl(b -> b.bucket(name).key("kept.txt")).owner().id());
    }

    @Test
    void ownersAndAclsSurviveARestartAndGoWithTheBucket() throws Exception {
        String name = bucket("lasting");
        alice.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ));
        alice.putObject(b -> b.bucket(name).key("o.txt").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("o"));

        server.restart();
        S3Client aliceAgain = client(aliceKey);
        assertEquals(aliceId, aliceAgain.getBucketAcl(b -> b.bucket(name)).owner().id());
        assertEquals(200, anonymousGet("/" + name + "/o.txt"));
        assertS3Error(409, "BucketAlreadyExists", () -> bob.createBucket(b -> b.bucket(name)));

        aliceAgain.deleteObject(b -> b.bucket(name).key("o.txt"));
        aliceAgain.deleteBucket(b -> b.bucket(name));
        bob.createBucket(b -> b.bucket(name));
        var acl = bob.getBucketAcl(b -> b.bucket(name));
        assertEquals(bobId, acl.owner().id(), "the new bucket is bob's");
        assertEquals(Set.of(bobId + " FULL_CONTROL"), grants(acl.grants()), "alice's public-read is forgotten");
        assertEquals(403, anonymousGet("/" + name + "?list-type=2"));
        assertS3Error(403, "AccessDenied", () -> aliceAgain.listObjectsV2(b -> b.bucket(name)));
    }

    @Test
    void bucketsOnDiskBelongToTheAdmin() throws IOException {
        String name = server.newBucket("ondisk");
        Files.writeString(server.file(name, "f.txt"), "from the NAS");
        var acl = server.client().getBucketAcl(b -> b.bucket(name));
        assertEquals(Set.of(acl.owner().id() + " FULL_CONTROL"), grants(acl.grants()));
        assertFalse(acl.owner().id().equals(aliceId));
        assertS3Error(403, "AccessDenied", () -> alice.getObject(b -> b.bucket(name).key("f.txt")));
        assertS3Error(409, "BucketAlreadyExists", () -> alice.createBucket(b -> b.bucket(name)));
    }
}

package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {
    private static final String GET = "s3:GetObject";
    private static final String PUT = "s3:PutObject";
    private static final String LIST = "s3:ListBucket";

    /** Owners and ACLs in memory: bucket "alice" is alice's, every other known bucket the admin's. */
    private static final class Records implements AclRecords {
        final Map<String, String> owners = new HashMap<>();
        final Map<String, Acl> bucketAcls = new HashMap<>();
        final Map<String, ObjectAcl> objectAcls = new HashMap<>();
        final Set<String> objects = new java.util.HashSet<>(Set.of("alice/k"));
        final Set<String> ignoringPublicAcls = new java.util.HashSet<>();

        @Override
        public boolean ignoresPublicAcls(String bucket) {
            return ignoringPublicAcls.contains(bucket);
        }

        @Override
        public boolean objectExists(String bucket, String key) {
            return objects.contains(bucket + "/" + key);
        }

        @Override
        public String bucketOwner(String bucket) {
            return owners.get(bucket);
        }

        @Override
        public Acl bucketAcl(String bucket, String ownerId) {
            return bucketAcls.getOrDefault(bucket, Acl.ownerFullControl(ownerId));
        }

        @Override
        public ObjectAcl objectAcl(String bucket, String key) {
            return objectAcls.get(bucket + "/" + key);
        }
    }

    private static AccessKey accessKey(String id, boolean createBuckets, String... grants) {
        return new AccessKey(new Credential(id, "secret"), id.toLowerCase(), KeyKind.MANUAL,
                Arrays.stream(grants).map(Grant::parse).toList(), Instant.EPOCH, null, null, createBuckets);
    }

    private static Access key(String... grants) {
        return new Access(accessKey("CUBKTEST", false, grants), null, BucketPolicies.NONE,
                RequestContext.none());
    }

    private static Access with(AccessKey key, Records records, BucketPolicies policies) {
        return new Access(key, records, policies, RequestContext.none());
    }

    private static final AccessKey ALICE = accessKey("CUBKALICE", true);
    private static final AccessKey BOB = accessKey("CUBKBOB", true);

    private static Records aliceOwnsHerBucket() {
        var records = new Records();
        records.owners.put("alice", ALICE.canonicalId());
        records.owners.put("shared", CanonicalIds.of("CUBKADMIN"));
        return records;
    }

    @Test
    void readOnlyGrantReadsButDoesNotWrite() {
        Access access = key("photos:ro");
        assertTrue(access.allows(GET, Permission.READ, "photos", "a.jpg"));
        assertTrue(access.allows(LIST, Permission.PUBLIC_READ, "photos", null));
        assertFalse(access.allows(PUT, Permission.WRITE, "photos", "a.jpg"));
        assertFalse(access.allows(GET, Permission.READ, "other", "a.jpg"));
        assertTrue(access.allows("s3:ListAllMyBuckets", Permission.LIST_BUCKETS, null, null));
        assertFalse(access.allows("s3:CreateBucket", Permission.OWNER, "photos", null));
    }

    @Test
    void prefixGrantReachesItsPrefixAndTheBucketForListings() {
        Access access = key("backups/laptop/:rw");
        assertTrue(access.allows(PUT, Permission.WRITE, "backups", "laptop/x"));
        assertFalse(access.allows(PUT, Permission.WRITE, "backups", "desktop/x"));
        assertFalse(access.allows(GET, Permission.READ, "backups", "desktop/x"));
        assertTrue(access.allows(LIST, Permission.READ, "backups", null));
        assertEquals(List.of("laptop/"), access.readablePrefixes("backups"));
        assertEquals(List.of(), access.readablePrefixes("photos"));
        assertTrue(access.seesBucket("backups"));
        assertFalse(access.seesBucket("photos"));
    }

    @Test
    void allBucketsGrantReachesEveryBucketButCannotCreateOne() {
        Access access = key("*:rw");
        assertTrue(access.allows(PUT, Permission.WRITE, "any", "key"));
        assertNull(access.readablePrefixes("any"));
        assertFalse(access.allows("s3:CreateBucket", Permission.OWNER, "any", null));
    }

    @Test
    void wholeBucketGrantBeatsAPrefixGrantInListings() {
        assertNull(key("photos/2024/:ro", "photos:ro").readablePrefixes("photos"));
    }

    @Test
    void shareGrantReadsOneObjectAndNothingOfTheBucket() {
        Access access = new Access(new AccessKey(new Credential("CUBKSHARE", "s"), "share", KeyKind.SHARE,
                List.of(Grant.oneObject("photos", "a.jpg")), Instant.EPOCH, null, null), null,
                BucketPolicies.NONE, RequestContext.none());
        assertTrue(access.allows(GET, Permission.PUBLIC_READ, "photos", "a.jpg"));
        assertFalse(access.allows(GET, Permission.READ, "photos", "a.jpg.bak"));
        assertFalse(access.allows(LIST, Permission.READ, "photos", null));
        assertFalse(access.seesBucket("photos"));
    }

    @Test
    void anonymousCallersReadPublicBucketsOnly() {
        // as the policy engine answers for a config public-read bucket
        BucketPolicies publicRead = (who, action, bucket, key, context) -> who.isAnonymous() && bucket.equals("public")
                && (action.equals(GET) || action.equals(LIST)) ? PolicyVerdict.ALLOW : PolicyVerdict.NONE;
        Access anonymous = new Access(null, null, publicRead, RequestContext.none());
        assertTrue(anonymous.allows(GET, Permission.PUBLIC_READ, "public", "a"));
        assertTrue(anonymous.allows(LIST, Permission.PUBLIC_READ, "public", null));
        assertFalse(anonymous.allows("s3:GetObjectTagging", Permission.READ, "public", "a"));
        assertFalse(anonymous.allows(PUT, Permission.WRITE, "public", "a"));
        assertFalse(anonymous.allows(GET, Permission.PUBLIC_READ, "private", "a"));
        assertFalse(anonymous.allows("s3:ListAllMyBuckets", Permission.LIST_BUCKETS, null, null));
    }

    @Test
    void denialSaysWhatWasRefusedAndWhatTheKeyMay() {
        var e = assertThrows(S3Exception.class, () -> key("photos:ro").require(PUT, Permission.WRITE, "photos", "a.jpg"));
        assertEquals(S3ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().contains("may not write photos/a.jpg"), e.getMessage());
        assertTrue(e.getMessage().contains("photos:ro"), e.getMessage());
    }

    @Test
    void adminMayDoEverything() {
        for (Permission permission : Permission.values()) {
            assertTrue(Access.admin().allows(GET, permission, "b", "k"));
        }
    }

    @Test
    void onlyKeysMadeToCreateBucketsMayCreateThem() {
        assertTrue(with(ALICE, aliceOwnsHerBucket(), BucketPolicies.NONE)
                .allows("s3:CreateBucket", Permission.OWNER, "new", null));
        assertFalse(key("*:rw").allows("s3:CreateBucket", Permission.OWNER, "new", null));
        assertFalse(new Access(null, aliceOwnsHerBucket(), BucketPolicies.NONE, RequestContext.none())
                .allows("s3:CreateBucket", Permission.OWNER, "new", null));
    }

    @Test
    void theBucketOwnerMayDoEverythingOnItAndOthersNothingWithoutAnAcl() {
        Records records = aliceOwnsHerBucket();
        Access alice = with(ALICE, records, BucketPolicies.NONE);
        Access bob = with(BOB, records, BucketPolicies.NONE);
        for (String action : List.of(GET, PUT, LIST, "s3:DeleteBucket", "s3:PutBucketAcl")) {
            assertTrue(alice.allows(action, Permission.WRITE, "alice", "k"), action);
            assertFalse(bob.allows(action, Permission.WRITE, "alice", "k"), action);
        }
        assertTrue(alice.seesBucket("alice"));
        assertFalse(bob.seesBucket("alice"));
        assertFalse(alice.allows(GET, Permission.READ, "shared", "k"), "the admin's bucket is not alice's");
    }

    @Test
    void aMissingBucketIsLeftToTheHandlerToAnswerNoSuchBucket() {
        assertTrue(with(BOB, aliceOwnsHerBucket(), BucketPolicies.NONE).allows(GET, Permission.READ, "missing", "k"));
    }

    @Test
    void bucketAclGovernsListingAndWritesObjectAclGovernsReads() {
        Records records = aliceOwnsHerBucket();
        records.bucketAcls.put("alice", CannedAcl.PUBLIC_READ_WRITE.grants(ALICE.canonicalId(), ALICE.canonicalId()));
        Access bob = with(BOB, records, BucketPolicies.NONE);
        Access anonymous = new Access(null, records, BucketPolicies.NONE, RequestContext.none());
        assertTrue(bob.allows(LIST, Permission.PUBLIC_READ, "alice", null));
        assertNull(bob.readablePrefixes("alice"));
        assertTrue(anonymous.allows(PUT, Permission.WRITE, "alice", "k"));
        assertFalse(bob.allows(GET, Permission.READ, "alice", "k"), "the object has no ACL of its own");
        assertTrue(bob.allows(GET, Permission.READ, "alice", "gone"), "who may list hears NoSuchKey for a missing key");
        assertFalse(with(BOB, aliceOwnsHerBucket(), BucketPolicies.NONE).allows(GET, Permission.READ, "alice", "gone"),
                "who may not list hears AccessDenied");
        assertFalse(bob.allows("s3:PutBucketAcl", Permission.WRITE, "alice", null));

        records.objectAcls.put("alice/k", new AclRecords.ObjectAcl(ALICE.canonicalId(),
                CannedAcl.AUTHENTICATED_READ.grants(ALICE.canonicalId(), ALICE.canonicalId())));
        assertTrue(bob.allows(GET, Permission.READ, "alice", "k"));
        assertFalse(anonymous.allows(GET, Permission.READ, "alice", "k"));
        assertFalse(bob.allows("s3:GetObjectAcl", Permission.READ, "alice", "k"));
    }

    @Test
    void anObjectsWriterMayDoEverythingOnIt() {
        Records records = aliceOwnsHerBucket();
        records.objectAcls.put("alice/bobs", new AclRecords.ObjectAcl(BOB.canonicalId(),
                Acl.ownerFullControl(BOB.canonicalId())));
        Access bob = with(BOB, records, BucketPolicies.NONE);
        assertTrue(bob.allows(GET, Permission.READ, "alice", "bobs"));
        assertTrue(bob.allows("s3:PutObjectAcl", Permission.WRITE, "alice", "bobs"));
        assertFalse(bob.allows(GET, Permission.READ, "alice", "other"));
    }

    @Test
    void grantByCanonicalIdReachesThatKeyOnly() {
        Records records = aliceOwnsHerBucket();
        records.bucketAcls.put("alice", new Acl(List.of(new Acl.Grant(new Grantee.CanonicalUser(BOB.canonicalId()),
                AclPermission.WRITE))));
        assertTrue(with(BOB, records, BucketPolicies.NONE).allows(PUT, Permission.WRITE, "alice", "k"));
        assertFalse(with(accessKey("CUBKCAROL", false), records, BucketPolicies.NONE)
                .allows(PUT, Permission.WRITE, "alice", "k"));
    }

    @Test
    void aPolicyDenyWinsOverAdminGrantsOwnershipAndAcls() {
        Records records = aliceOwnsHerBucket();
        records.bucketAcls.put("alice", CannedAcl.PUBLIC_READ_WRITE.grants(ALICE.canonicalId(), ALICE.canonicalId()));
        BucketPolicies denyPuts = (principal, action, bucket, key, context) ->
                action.equals(PUT) ? PolicyVerdict.DENY : PolicyVerdict.NONE;
        AccessKey admin = new AccessKey(new Credential("CUBKADMIN", "s"), "admin", KeyKind.ADMIN, List.of(),
                Instant.EPOCH, null, null);
        assertFalse(with(admin, records, denyPuts).allows(PUT, Permission.WRITE, "alice", "k"));
        assertFalse(with(ALICE, records, denyPuts).allows(PUT, Permission.WRITE, "alice", "k"));
        assertFalse(with(accessKey("CUBKG", false, "*:rw"), records, denyPuts).allows(PUT, Permission.WRITE, "alice", "k"));
        assertFalse(with(BOB, records, denyPuts).allows(PUT, Permission.WRITE, "alice", "k"));
        assertTrue(with(BOB, records, denyPuts).allows(LIST, Permission.READ, "alice", null));
    }

    @Test
    void aPolicyAllowLetsInWhomNoGrantOrAclDoes() {
        Records records = aliceOwnsHerBucket();
        BucketPolicies allowBobReads = (principal, action, bucket, key, context) ->
                BOB.canonicalId().equals(principal.canonicalId()) && action.equals(GET) ? PolicyVerdict.ALLOW
                        : PolicyVerdict.NONE;
        assertTrue(with(BOB, records, allowBobReads).allows(GET, Permission.READ, "alice", "k"));
        assertFalse(with(BOB, records, allowBobReads).allows(PUT, Permission.WRITE, "alice", "k"));
    }

    @Test
    void thePolicyIsAskedTheActionAndTheRequestContext() {
        var seen = new java.util.ArrayList<String>();
        RequestContext context = new RequestContext("10.0.0.7", true, name -> null, name -> null, Instant.EPOCH);
        BucketPolicies recording = (principal, action, bucket, key, ctx) -> {
            seen.add(principal.name() + " " + action + " " + bucket + "/" + key + " " + ctx.sourceIp());
            return PolicyVerdict.NONE;
        };
        new Access(BOB, aliceOwnsHerBucket(), recording, context).allows(GET, Permission.READ, "alice", "k");
        assertEquals(List.of("cubkbob s3:GetObject alice/k 10.0.0.7"), seen);
    }

    @Test
    void ignorePublicAclsMakesPublicGrantsCountForNothing() {
        Records records = aliceOwnsHerBucket();
        records.bucketAcls.put("alice", CannedAcl.PUBLIC_READ.grants(ALICE.canonicalId(), ALICE.canonicalId()));
        records.objectAcls.put("alice/k", new AclRecords.ObjectAcl(ALICE.canonicalId(),
                CannedAcl.PUBLIC_READ.grants(ALICE.canonicalId(), ALICE.canonicalId())));
        Access bob = with(BOB, records, BucketPolicies.NONE);
        assertTrue(bob.allows(LIST, Permission.PUBLIC_READ, "alice", null));
        assertTrue(bob.allows(GET, Permission.READ, "alice", "k"));

        records.ignoringPublicAcls.add("alice");
        assertFalse(bob.allows(LIST, Permission.PUBLIC_READ, "alice", null));
        assertFalse(bob.allows(GET, Permission.READ, "alice", "k"));
        assertFalse(bob.allows(GET, Permission.READ, "alice", "gone"), "nor may bob learn which keys are missing");
        assertTrue(with(ALICE, records, BucketPolicies.NONE).allows(GET, Permission.READ, "alice", "k"));
    }

    @Test
    void whomThePolicyLetsListAPrefixHearsNoSuchKeyForAMissingKeyThere() {
        var prefixes = new java.util.ArrayList<String>();
        BucketPolicies listPublic = (principal, action, bucket, key, context) -> {
            String prefix = context.query().apply("prefix");
            prefixes.add(prefix);
            return action.equals(LIST) && prefix != null && prefix.startsWith("public/") ? PolicyVerdict.ALLOW
                    : PolicyVerdict.NONE;
        };
        Access bob = with(BOB, aliceOwnsHerBucket(), listPublic);
        assertTrue(bob.allows(GET, Permission.READ, "alice", "public/gone"));
        assertFalse(bob.allows(GET, Permission.READ, "alice", "private/gone"));
        assertFalse(bob.allows(GET, Permission.READ, "alice", "k"), "an existing object is its own ACL's business");
        assertTrue(prefixes.contains("public/gone"));
    }
}

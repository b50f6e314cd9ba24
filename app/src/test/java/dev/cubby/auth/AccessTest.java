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
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessTest {

    private static Access key(String... grants) {
        return Access.of(new AccessKey(new Credential("CUBKTEST", "secret"), "test", KeyKind.MANUAL,
                Arrays.stream(grants).map(Grant::parse).toList(), Instant.EPOCH, null, null));
    }

    @Test
    void readOnlyGrantReadsButDoesNotWrite() {
        Access access = key("photos:ro");
        assertTrue(access.allows(Permission.READ, "photos", "a.jpg"));
        assertTrue(access.allows(Permission.PUBLIC_READ, "photos", null));
        assertFalse(access.allows(Permission.WRITE, "photos", "a.jpg"));
        assertFalse(access.allows(Permission.READ, "other", "a.jpg"));
        assertTrue(access.allows(Permission.LIST_BUCKETS, null, null));
        assertFalse(access.allows(Permission.OWNER, "photos", null));
    }

    @Test
    void prefixGrantReachesItsPrefixAndTheBucketForListings() {
        Access access = key("backups/laptop/:rw");
        assertTrue(access.allows(Permission.WRITE, "backups", "laptop/x"));
        assertFalse(access.allows(Permission.WRITE, "backups", "desktop/x"));
        assertFalse(access.allows(Permission.READ, "backups", "desktop/x"));
        assertTrue(access.allows(Permission.READ, "backups", null));
        assertEquals(List.of("laptop/"), access.readablePrefixes("backups"));
        assertEquals(List.of(), access.readablePrefixes("photos"));
        assertTrue(access.seesBucket("backups"));
        assertFalse(access.seesBucket("photos"));
    }

    @Test
    void allBucketsGrantReachesEveryBucketButCannotCreateOne() {
        Access access = key("*:rw");
        assertTrue(access.allows(Permission.WRITE, "any", "key"));
        assertNull(access.readablePrefixes("any"));
        assertFalse(access.allows(Permission.OWNER, "any", null));
    }

    @Test
    void wholeBucketGrantBeatsAPrefixGrantInListings() {
        assertNull(key("photos/2024/:ro", "photos:ro").readablePrefixes("photos"));
    }

    @Test
    void shareGrantReadsOneObjectAndNothingOfTheBucket() {
        Access access = Access.of(new AccessKey(new Credential("CUBKSHARE", "s"), "share", KeyKind.SHARE,
                List.of(Grant.oneObject("photos", "a.jpg")), Instant.EPOCH, null, null));
        assertTrue(access.allows(Permission.PUBLIC_READ, "photos", "a.jpg"));
        assertFalse(access.allows(Permission.READ, "photos", "a.jpg.bak"));
        assertFalse(access.allows(Permission.READ, "photos", null));
        assertFalse(access.seesBucket("photos"));
    }

    @Test
    void anonymousCallersGetOnlyWhatAPolicyAllowedThem() {
        Access anonymous = Access.anonymous();
        assertFalse(anonymous.allows(Permission.PUBLIC_READ, "public", "a"));
        assertFalse(anonymous.allows(Permission.PUBLIC_READ, "public", null));
        Access listing = anonymous.allowedByPolicy("public", null);
        assertTrue(listing.allows(Permission.PUBLIC_READ, "public", null));
        assertNull(listing.readablePrefixes("public"), "a listing the policy allowed shows the whole bucket");
        assertFalse(listing.allows(Permission.READ, "public", "a"));
        assertFalse(listing.allows(Permission.PUBLIC_READ, "private", null));
        assertTrue(anonymous.allowedByPolicy("public", "a").allows(Permission.PUBLIC_READ, "public", "a"));
        assertFalse(anonymous.allowedByPolicy("public", "a").allows(Permission.WRITE, "public", "b"));
        assertFalse(anonymous.allows(Permission.LIST_BUCKETS, null, null));
    }

    @Test
    void furtherObjectsAreAskedOfThePolicyAsReadsOrTheRequestsAction() {
        var asked = new java.util.ArrayList<String>();
        Access.PolicyCheck check = (action, bucket, key) -> {
            asked.add(action + " " + bucket + "/" + key);
            return key.startsWith("keep/") ? PolicyVerdict.DENY : key.startsWith("open/") ? PolicyVerdict.ALLOW
                    : PolicyVerdict.NONE;
        };
        Access writer = key("photos:rw").underPolicy(check, "s3:DeleteObject", "photos", null, false);
        assertFalse(writer.allows(Permission.WRITE, "photos", "keep/a"));
        assertTrue(writer.allows(Permission.WRITE, "photos", "other/a"));
        assertTrue(writer.allows(Permission.READ, "photos", "other/a"));
        assertEquals(List.of("s3:DeleteObject photos/keep/a", "s3:DeleteObject photos/other/a",
                "s3:GetObject photos/other/a"), asked);
        assertTrue(writer.denial(Permission.WRITE, "photos", "keep/a").contains("policy of bucket photos denies"));
        assertFalse(Access.admin().underPolicy(check, "s3:DeleteObject", "photos", null, false)
                .allows(Permission.WRITE, "photos", "keep/a"), "a Deny holds for the admin too");
        Access stranger = key("other:ro").underPolicy(check, "s3:PutObject", "photos", "x", false);
        assertTrue(stranger.allows(Permission.READ, "photos", "open/a"));
        assertFalse(stranger.allows(Permission.READ, "photos", "other/a"));
    }

    @Test
    void onlyTheAdminAndWholeBucketWritersConfigureABucket() {
        assertTrue(Access.admin().configures("photos"));
        assertTrue(key("photos:rw").configures("photos"));
        assertTrue(key("*:rw").configures("photos"));
        assertFalse(key("photos:ro").configures("photos"));
        assertFalse(key("photos/2024/:rw").configures("photos"));
        assertFalse(key("other:rw").configures("photos"));
        assertTrue(Access.anonymous().allowedByPolicy("photos", null).configures("photos"));
    }

    @Test
    void denialSaysWhatWasRefusedAndWhatTheKeyMay() {
        var e = assertThrows(S3Exception.class, () -> key("photos:ro").require(Permission.WRITE, "photos", "a.jpg"));
        assertEquals(S3ErrorCode.ACCESS_DENIED, e.code());
        assertTrue(e.getMessage().contains("may not write photos/a.jpg"), e.getMessage());
        assertTrue(e.getMessage().contains("photos:ro"), e.getMessage());
    }

    @Test
    void adminMayDoEverything() {
        for (Permission permission : Permission.values()) {
            assertTrue(Access.admin().allows(permission, "b", "k"));
        }
    }
}

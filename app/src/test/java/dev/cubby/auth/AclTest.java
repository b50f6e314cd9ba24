package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AclTest {
    private static final String OWNER = CanonicalIds.of("CUBKOWNER");
    private static final String OTHER = CanonicalIds.of("CUBKOTHER");

    @Test
    void canonicalIdsAre64LowerCaseHexAndStable() {
        assertTrue(OWNER.matches("[0-9a-f]{64}"));
        assertEquals(OWNER, CanonicalIds.of("CUBKOWNER"));
        assertFalse(OWNER.equals(OTHER));
    }

    @Test
    void eachCannedAclSpellsOutItsGrants() {
        assertEquals(Acl.ownerFullControl(OWNER), CannedAcl.PRIVATE.grants(OWNER, OWNER));
        Acl publicRead = CannedAcl.PUBLIC_READ.grants(OWNER, OWNER);
        assertEquals(List.of(new Acl.Grant(Grantee.Group.ALL_USERS, AclPermission.READ),
                new Acl.Grant(new Grantee.CanonicalUser(OWNER), AclPermission.FULL_CONTROL)), publicRead.grants(),
                "group grants come first, as S3 lists them");
        assertTrue(publicRead.gives(null, AclPermission.READ));
        assertFalse(publicRead.gives(null, AclPermission.WRITE));
        Acl readWrite = CannedAcl.PUBLIC_READ_WRITE.grants(OWNER, OWNER);
        assertTrue(readWrite.gives(null, AclPermission.WRITE));
        Acl authenticated = CannedAcl.AUTHENTICATED_READ.grants(OWNER, OWNER);
        assertTrue(authenticated.gives(OTHER, AclPermission.READ));
        assertFalse(authenticated.gives(null, AclPermission.READ));
        Acl bucketOwnerRead = CannedAcl.BUCKET_OWNER_READ.grants(OTHER, OWNER);
        assertTrue(bucketOwnerRead.gives(OWNER, AclPermission.READ));
        assertFalse(bucketOwnerRead.gives(OWNER, AclPermission.WRITE_ACP));
        assertTrue(CannedAcl.BUCKET_OWNER_FULL_CONTROL.grants(OTHER, OWNER).gives(OWNER, AclPermission.WRITE_ACP));
        assertEquals(Acl.ownerFullControl(OWNER), CannedAcl.BUCKET_OWNER_FULL_CONTROL.grants(OWNER, OWNER),
                "on the owner's own object it is just the owner");
        assertNull(CannedAcl.named("aws-exec-read"));
    }

    @Test
    void fullControlGivesEveryPermissionOthersOnlyThemselves() {
        for (AclPermission needed : AclPermission.values()) {
            assertTrue(AclPermission.FULL_CONTROL.gives(needed));
        }
        assertFalse(AclPermission.READ.gives(AclPermission.READ_ACP));
        assertThrows(IllegalArgumentException.class, () -> AclPermission.parse("READ_WRITE"));
    }

    @Test
    void encodedAclReadsBackTheSame() {
        Acl acl = new Acl(List.of(new Acl.Grant(new Grantee.CanonicalUser(OTHER), AclPermission.WRITE_ACP),
                new Acl.Grant(Grantee.Group.AUTHENTICATED_USERS, AclPermission.READ),
                new Acl.Grant(Grantee.Group.ALL_USERS, AclPermission.FULL_CONTROL)));
        assertEquals(acl, Acl.decode(acl.encode()));
    }

    @Test
    void grantsBeyondTheOwnerAreWhatBucketOwnerEnforcedRefuses() {
        assertFalse(Acl.ownerFullControl(OWNER).grantsBeyond(OWNER));
        assertTrue(CannedAcl.PUBLIC_READ.grants(OWNER, OWNER).grantsBeyond(OWNER));
    }

    @Test
    void aclsGrantingEveryoneOrEveryKeyArePublicAndLoseThoseGrantsWhenIgnored() {
        assertFalse(CannedAcl.PRIVATE.grants(OWNER, OWNER).isPublic());
        assertFalse(CannedAcl.BUCKET_OWNER_FULL_CONTROL.grants(OTHER, OWNER).isPublic());
        for (CannedAcl canned : List.of(CannedAcl.PUBLIC_READ, CannedAcl.PUBLIC_READ_WRITE, CannedAcl.AUTHENTICATED_READ)) {
            Acl acl = canned.grants(OWNER, OWNER);
            assertTrue(acl.isPublic(), canned.toString());
            assertEquals(Acl.ownerFullControl(OWNER), acl.withoutPublicGrants(), canned.toString());
        }
    }
}

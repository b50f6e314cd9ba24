package dev.cubby.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * An access control list of a bucket or object: its grants, in the order given. The owner is
 * kept beside it (a bucket's owner, an object's writer), not in it. Stored as text, one grant a
 * line ({@link #encode}), in the sidecar.
 */
public record Acl(List<Grant> grants) {

    /** One grant: a grantee and what it may do. */
    public record Grant(Grantee grantee, AclPermission permission) {
    }

    public Acl {
        grants = List.copyOf(grants);
    }

    /** What a bucket or object has when no ACL was set: its owner holds FULL_CONTROL. */
    public static Acl ownerFullControl(String ownerId) {
        return new Acl(List.of(new Grant(new Grantee.CanonicalUser(ownerId), AclPermission.FULL_CONTROL)));
    }

    /** Whether a caller with this canonical id (null: anonymous) holds {@code needed} by a grant here. */
    public boolean gives(String canonicalId, AclPermission needed) {
        for (Grant grant : grants) {
            if (grant.permission().gives(needed) && grant.grantee().includes(canonicalId)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a grant goes to everyone or to every key (AllUsers, AuthenticatedUsers): what the
     * public access block's BlockPublicAcls refuses and IgnorePublicAcls ignores, and what makes
     * GetBucketPolicyStatus say IsPublic.
     */
    public boolean isPublic() {
        return grants.stream().anyMatch(grant -> grant.grantee() instanceof Grantee.Group);
    }

    /** This ACL without its public grants (IgnorePublicAcls). */
    public Acl withoutPublicGrants() {
        return new Acl(grants.stream().filter(grant -> !(grant.grantee() instanceof Grantee.Group)).toList());
    }

    /** Whether anyone other than {@code ownerId} holds anything: BucketOwnerEnforced refuses such an ACL. */
    public boolean grantsBeyond(String ownerId) {
        return grants.stream().anyMatch(g -> !(g.grantee() instanceof Grantee.CanonicalUser user
                && user.id().equals(ownerId)));
    }

    /** One line per grant: {@code PERMISSION id:HEX} or {@code PERMISSION group:URI}. */
    public String encode() {
        var out = new StringBuilder();
        for (Grant grant : grants) {
            out.append(grant.permission().name()).append(' ').append(switch (grant.grantee()) {
                case Grantee.CanonicalUser user -> "id:" + user.id();
                case Grantee.Group group -> "group:" + group.uri();
            }).append('\n');
        }
        return out.toString();
    }

    /** Reads what {@link #encode} wrote. */
    public static Acl decode(String text) {
        var grants = new ArrayList<Grant>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int space = line.indexOf(' ');
            String who = line.substring(space + 1);
            Grantee grantee = who.startsWith("id:") ? new Grantee.CanonicalUser(who.substring(3))
                    : new Grantee.Group(who.substring("group:".length()));
            grants.add(new Grant(grantee, AclPermission.parse(line.substring(0, space))));
        }
        return new Acl(grants);
    }
}

package dev.cubby.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * S3's canned ACLs ({@code x-amz-acl}), each spelled out as the grants it stands for, in the
 * order S3 lists them (group grants before the owner's). The owner always holds FULL_CONTROL;
 * {@code bucket-owner-*} add the bucket's owner when it is someone else (on a bucket they mean
 * just the owner).
 */
public enum CannedAcl {
    PRIVATE("private"),
    PUBLIC_READ("public-read"),
    PUBLIC_READ_WRITE("public-read-write"),
    AUTHENTICATED_READ("authenticated-read"),
    BUCKET_OWNER_READ("bucket-owner-read"),
    BUCKET_OWNER_FULL_CONTROL("bucket-owner-full-control");

    private final String header;

    CannedAcl(String header) {
        this.header = header;
    }

    private boolean isGroupAcl() {
        return this == PUBLIC_READ || this == PUBLIC_READ_WRITE || this == AUTHENTICATED_READ;
    }

    public String header() {
        return header;
    }

    /** @return the canned ACL of this name, or null when there is none */
    public static CannedAcl named(String text) {
        for (CannedAcl canned : values()) {
            if (canned.header.equals(text)) {
                return canned;
            }
        }
        return null;
    }

    /**
     * @param ownerId       the owner of the bucket or object the ACL is for
     * @param bucketOwnerId the owner of the bucket (the same as {@code ownerId} for a bucket's own ACL)
     */
    public Acl grants(String ownerId, String bucketOwnerId) {
        var grants = new ArrayList<Acl.Grant>();
        var owner = new Acl.Grant(new Grantee.CanonicalUser(ownerId), AclPermission.FULL_CONTROL);
        switch (this) {
            case PUBLIC_READ -> grants.add(new Acl.Grant(Grantee.Group.ALL_USERS, AclPermission.READ));
            case PUBLIC_READ_WRITE -> grants.addAll(List.of(new Acl.Grant(Grantee.Group.ALL_USERS, AclPermission.READ),
                    new Acl.Grant(Grantee.Group.ALL_USERS, AclPermission.WRITE)));
            case AUTHENTICATED_READ -> grants.add(new Acl.Grant(Grantee.Group.AUTHENTICATED_USERS, AclPermission.READ));
            case BUCKET_OWNER_READ -> {
                if (!bucketOwnerId.equals(ownerId)) {
                    grants.add(new Acl.Grant(new Grantee.CanonicalUser(bucketOwnerId), AclPermission.READ));
                }
            }
            case BUCKET_OWNER_FULL_CONTROL -> {
                if (!bucketOwnerId.equals(ownerId)) {
                    grants.add(new Acl.Grant(new Grantee.CanonicalUser(bucketOwnerId), AclPermission.FULL_CONTROL));
                }
            }
            case PRIVATE -> {
            }
        }
        grants.add(isGroupAcl() ? grants.size() : 0, owner);
        return new Acl(grants);
    }
}

package dev.cubby.auth;

/**
 * Where the one permission check reads who owns a bucket or object and what its ACL grants.
 * Asked only when a request is not already decided by the admin key, the caller's grants or
 * an explicit policy Deny, so the common paths never read it.
 */
public interface AclRecords {

    /** The canonical id of the bucket's owner, or null when there is no such bucket. */
    String bucketOwner(String bucket);

    /** The bucket's ACL; its owner's FULL_CONTROL when none was set. */
    Acl bucketAcl(String bucket, String ownerId);

    /** The object's owner and ACL, or null when none was recorded (the bucket's owner holds it, alone). */
    ObjectAcl objectAcl(String bucket, String key);

    /** Whether the object exists (a reader who may list the bucket then hears NoSuchKey, not AccessDenied). */
    boolean objectExists(String bucket, String key);

    /** Whether the bucket's public access block has IgnorePublicAcls on: public grants then count for nothing. */
    boolean ignoresPublicAcls(String bucket);

    /** An object's writer (or the bucket owner, under BucketOwnerEnforced) and the grants set on it. */
    record ObjectAcl(String ownerId, Acl acl) {
    }
}

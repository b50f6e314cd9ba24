package dev.cubby.auth;

import java.util.Map;

/**
 * The one table of what ACL permission a policy action needs, and whether the object's ACL or
 * the bucket's decides it. As in S3: the bucket's ACL governs listings and object writes (a
 * WRITE grant on the bucket lets a key put and delete objects in it), the object's ACL governs
 * reading the object and its ACL. Actions not listed here (creating or deleting buckets,
 * ownership controls, location) only the owner, the admin, a grant or a policy give.
 */
final class AclNeeds {
    /** Actions decided by the object's ACL when a key is given. */
    private static final Map<String, AclPermission> ON_OBJECT = Map.of(
            "s3:GetObject", AclPermission.READ,
            "s3:GetObjectAttributes", AclPermission.READ,
            "s3:GetObjectTagging", AclPermission.READ,
            "s3:GetObjectAcl", AclPermission.READ_ACP,
            "s3:PutObjectAcl", AclPermission.WRITE_ACP);

    private static final Map<String, AclPermission> ON_BUCKET = Map.ofEntries(
            Map.entry("s3:ListBucket", AclPermission.READ),
            Map.entry("s3:ListBucketVersions", AclPermission.READ),
            Map.entry("s3:ListBucketMultipartUploads", AclPermission.READ),
            Map.entry("s3:ListMultipartUploadParts", AclPermission.READ),
            Map.entry("s3:PutObject", AclPermission.WRITE),
            Map.entry("s3:DeleteObject", AclPermission.WRITE),
            Map.entry("s3:AbortMultipartUpload", AclPermission.WRITE),
            Map.entry("s3:PutObjectTagging", AclPermission.WRITE),
            Map.entry("s3:DeleteObjectTagging", AclPermission.WRITE),
            Map.entry("s3:GetBucketAcl", AclPermission.READ_ACP),
            Map.entry("s3:PutBucketAcl", AclPermission.WRITE_ACP));

    private AclNeeds() {
    }

    static boolean decidedByObject(String action, String key) {
        return key != null && ON_OBJECT.containsKey(action);
    }

    /** @return the permission needed, or null when no ACL grant can give the action */
    static AclPermission of(String action, String key) {
        return decidedByObject(action, key) ? ON_OBJECT.get(action) : ON_BUCKET.get(action);
    }
}

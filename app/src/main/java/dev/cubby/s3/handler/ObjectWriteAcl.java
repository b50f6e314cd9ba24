package dev.cubby.s3.handler;

import dev.cubby.auth.Acl;
import dev.cubby.auth.CannedAcl;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Request;

/**
 * Who owns an object a request writes (PutObject, CopyObject, CompleteMultipartUpload) and the
 * ACL it gets, decided before anything is written so a refused ACL leaves nothing behind. The
 * writer owns it (ObjectWriter, the default) unless the bucket's ownership controls say
 * BucketOwnerEnforced (the bucket's owner always, and no ACL beyond that) or
 * BucketOwnerPreferred with {@code bucket-owner-full-control}.
 */
record ObjectWriteAcl(String ownerId, Acl acl, String bucketOwnerId) {
    static final String BUCKET_OWNER_ENFORCED = "BucketOwnerEnforced";
    static final String BUCKET_OWNER_PREFERRED = "BucketOwnerPreferred";
    static final String OBJECT_WRITER = "ObjectWriter";

    static ObjectWriteAcl decide(S3Request request, Owners owners) {
        String bucket = request.bucket();
        String bucketOwner = owners.ownerOf(bucket);
        String writer = request.access().canonicalId() == null ? bucketOwner : request.access().canonicalId();
        String ownership = owners.objectOwnership(bucket).orElse(OBJECT_WRITER);
        String canned = request.header("x-amz-acl") == null ? null : request.header("x-amz-acl").trim();
        if (ownership.equals(BUCKET_OWNER_ENFORCED)) {
            Acl asked = AclHeaders.requested(request, bucketOwner, bucketOwner, owners);
            requireNoAclUnderEnforced(canned, asked, bucketOwner);
            return new ObjectWriteAcl(bucketOwner, Acl.ownerFullControl(bucketOwner), bucketOwner);
        }
        String owner = ownership.equals(BUCKET_OWNER_PREFERRED)
                && CannedAcl.BUCKET_OWNER_FULL_CONTROL.header().equals(canned) ? bucketOwner : writer;
        Acl asked = AclHeaders.requested(request, owner, bucketOwner, owners);
        owners.requireAllowedAcl(bucket, asked);
        return new ObjectWriteAcl(owner, asked == null ? Acl.ownerFullControl(owner) : asked, bucketOwner);
    }

    /**
     * BucketOwnerEnforced: as S3, a request may set no ACL but {@code bucket-owner-full-control}
     * (or grants that give the bucket's owner alone); any other canned ACL, {@code private}
     * included, and any grant to someone else are refused.
     *
     * @param canned the request's x-amz-acl, or null
     */
    static void requireNoAclUnderEnforced(String canned, Acl asked, String bucketOwner) {
        boolean otherCanned = canned != null && !CannedAcl.BUCKET_OWNER_FULL_CONTROL.header().equals(canned);
        if (otherCanned || (asked != null && asked.grantsBeyond(bucketOwner))) {
            throw S3Exception.of(S3ErrorCode.ACCESS_CONTROL_LIST_NOT_SUPPORTED, "The bucket's ownership controls "
                    + "are BucketOwnerEnforced, so ACLs are off: send no ACL, 'private' or 'bucket-owner-full-control', "
                    + "or change the ownership controls (PutBucketOwnershipControls).");
        }
    }

    /** The bucket's owner, alone: what an object without an entry has. */
    boolean isDefault() {
        return ownerId.equals(bucketOwnerId) && acl.equals(Acl.ownerFullControl(ownerId));
    }

    void record(Owners owners, String bucket, String key) {
        owners.recordObject(bucket, key, ownerId, acl, bucketOwnerId);
    }
}

package dev.cubby.s3.handler;

import dev.cubby.auth.Acl;
import dev.cubby.auth.AclRecords;
import dev.cubby.auth.Grantee;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.s3.Owners;
import dev.cubby.s3.S3Request;
import dev.cubby.s3.S3Response;
import dev.cubby.s3.xml.AccessControlPolicy;
import dev.cubby.store.ObjectStore;
import java.util.Map;

/**
 * GetBucketAcl, GetObjectAcl, PutBucketAcl and PutObjectAcl: the grants stored for the bucket
 * or object ({@link Owners}), its owner's FULL_CONTROL when none were set. Who may call them is
 * the one permission check's business (READ_ACP / WRITE_ACP grants, the owner, the admin).
 */
public final class AclHandlers {
    private static final int MAX_POLICY_BYTES = 64 * 1024;

    private final ObjectStore store;
    private final Owners owners;

    public AclHandlers(ObjectStore store, Owners owners) {
        this.store = store;
        this.owners = owners;
    }

    public S3Response getBucketAcl(S3Request request) {
        store.bucket(request.bucket());
        String owner = owners.ownerOf(request.bucket());
        return answer(owner, owners.bucketAcl(request.bucket(), owner));
    }

    public S3Response getObjectAcl(S3Request request) {
        store.head(request.bucket(), request.key());
        AclRecords.ObjectAcl acl = owners.objectAclOrDefault(request.bucket(), request.key());
        return answer(acl.ownerId(), acl.acl());
    }

    public S3Response putBucketAcl(S3Request request) {
        store.bucket(request.bucket());
        String owner = owners.ownerOf(request.bucket());
        Acl acl = requested(request, owner, owner);
        allowed(request, acl, owner);
        owners.putBucketAcl(request.bucket(), owner, acl);
        return new S3Response.Empty(200, Map.of());
    }

    public S3Response putObjectAcl(S3Request request) {
        store.head(request.bucket(), request.key());
        String bucketOwner = owners.ownerOf(request.bucket());
        AclRecords.ObjectAcl current = owners.objectAclOrDefault(request.bucket(), request.key());
        Acl acl = requested(request, current.ownerId(), bucketOwner);
        allowed(request, acl, bucketOwner);
        owners.putObjectAcl(request.bucket(), request.key(), current.ownerId(), acl);
        return new S3Response.Empty(200, Map.of());
    }

    /** @throws S3Exception when the bucket's ownership controls turn ACLs off, or its public access block refuses it */
    private void allowed(S3Request request, Acl acl, String bucketOwner) {
        if (ObjectWriteAcl.BUCKET_OWNER_ENFORCED.equals(owners.objectOwnership(request.bucket()).orElse(null))) {
            String canned = request.header("x-amz-acl");
            ObjectWriteAcl.requireNoAclUnderEnforced(canned == null ? null : canned.trim(), acl, bucketOwner);
        }
        owners.requireAllowedAcl(request.bucket(), acl);
    }

    /** The headers' ACL, else the body's AccessControlPolicy; one of them is needed. */
    private Acl requested(S3Request request, String ownerId, String bucketOwnerId) {
        Acl fromHeaders = AclHeaders.requested(request, ownerId, bucketOwnerId, owners);
        byte[] body = SmallRequestBody.read(request, MAX_POLICY_BYTES);
        if (fromHeaders != null) {
            return fromHeaders;
        }
        if (body.length == 0) {
            throw S3Exception.of(S3ErrorCode.MALFORMED_ACL, "Send the ACL as x-amz-acl, x-amz-grant-* headers or an "
                    + "AccessControlPolicy body.");
        }
        return AclHeaders.fromBody(body, MAX_POLICY_BYTES, owners);
    }

    /** The grants as S3 lists them: group grants first, then each key's, otherwise in the order stored. */
    private S3Response answer(String ownerId, Acl acl) {
        var grants = acl.grants().stream()
                .sorted(java.util.Comparator.comparing(grant -> grant.grantee() instanceof Grantee.Group ? 0 : 1))
                .map(grant -> switch (grant.grantee()) {
            case Grantee.CanonicalUser user -> new AccessControlPolicy.GrantEntry(owners.owner(user.id()), null,
                    grant.permission().name());
            case Grantee.Group group -> new AccessControlPolicy.GrantEntry(null, group.uri(), grant.permission().name());
        }).toList();
        return new S3Response.Xml(200, Map.of(), new AccessControlPolicy(owners.owner(ownerId), grants));
    }
}

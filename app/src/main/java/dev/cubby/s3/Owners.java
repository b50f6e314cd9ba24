package dev.cubby.s3;

import dev.cubby.auth.Acl;
import dev.cubby.auth.AclRecords;
import dev.cubby.auth.AccessKey;
import dev.cubby.auth.KeyRing;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import dev.cubby.meta.BucketSettings;
import dev.cubby.meta.ObjectAcls;
import dev.cubby.policy.BucketPolicyStore;
import dev.cubby.s3.xml.Owner;
import dev.cubby.store.ObjectStore;
import dev.cubby.store.StoreException;
import java.util.Optional;

/**
 * Who owns each bucket and object, and what their ACLs grant: kept in the sidecar (a bucket's
 * owner, ACL and ownership controls as {@link BucketSettings}, an object's writer and ACL in
 * {@link ObjectAcls}), all forgotten with the bucket or object. A bucket with no recorded owner
 * (one that was on disk, or the admin made) is the admin's; an object with no entry is its
 * bucket owner's, reachable by the owner alone.
 */
public final class Owners implements AclRecords {
    /** The display name of the admin key when it is not in the key ring (given in the environment). */
    private static final String ADMIN_NAME = "cubby";
    /** Bucket-setting names of the owner and ACL an unfinished multipart upload will give its object. */
    private static final String UPLOAD_PREFIX = "upload-acl/";

    private final ObjectStore store;
    private final String adminId;
    private final KeyRing keys;

    /** @param keys the keys, for display names and to check granted ids; null in handler tests */
    public Owners(ObjectStore store, String adminId, KeyRing keys) {
        this.store = store;
        this.adminId = adminId;
        this.keys = keys;
    }

    public String adminId() {
        return adminId;
    }

    @Override
    public String bucketOwner(String bucket) {
        try {
            store.bucket(bucket);
        } catch (StoreException noSuchBucket) {
            return null;
        }
        return store.bucketSettings().find(bucket, BucketSettings.OWNER).orElse(adminId);
    }

    /** As {@link #bucketOwner}, for a bucket the handler already knows exists. */
    public String ownerOf(String bucket) {
        return store.bucketSettings().find(bucket, BucketSettings.OWNER).orElse(adminId);
    }

    @Override
    public Acl bucketAcl(String bucket, String ownerId) {
        return store.bucketSettings().find(bucket, BucketSettings.ACL).map(Acl::decode)
                .orElseGet(() -> Acl.ownerFullControl(ownerId));
    }

    @Override
    public ObjectAcl objectAcl(String bucket, String key) {
        return store.objectAcls().find(bucket, key)
                .map(entry -> new ObjectAcl(entry.owner(), Acl.decode(entry.acl()))).orElse(null);
    }

    @Override
    public boolean ignoresPublicAcls(String bucket) {
        return publicAccess().publicAccessBlock(bucket).ignorePublicAcls();
    }

    /**
     * BlockPublicAcls: refuses an ACL that grants everyone or every key while the bucket's public
     * access block is on, before anything is written. Every ACL a request sets (on the bucket, on
     * an object it writes, copies, starts as an upload, or replaces) comes by here.
     *
     * @throws S3Exception AccessDenied
     */
    public void requireAllowedAcl(String bucket, Acl acl) {
        if (acl != null && acl.isPublic() && publicAccess().publicAccessBlock(bucket).blockPublicAcls()) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "Access Denied: the ACL grants AllUsers or "
                    + "AuthenticatedUsers, and the public access block of bucket " + bucket + " has BlockPublicAcls "
                    + "on; send a private ACL or change the block (PutPublicAccessBlock).");
        }
    }

    /** GetBucketPolicyStatus: the bucket's ACL makes it public (unless IgnorePublicAcls is on). */
    public boolean aclIsPublic(String bucket) {
        return bucketAcl(bucket, ownerOf(bucket)).isPublic() && !ignoresPublicAcls(bucket);
    }

    private BucketPolicyStore publicAccess() {
        return new BucketPolicyStore(store.bucketSettings());
    }

    @Override
    public boolean objectExists(String bucket, String key) {
        try {
            store.head(bucket, key);
            return true;
        } catch (StoreException missing) {
            return false;
        }
    }

    /** The object's owner and ACL, with the defaults of an object that has no entry. */
    public ObjectAcl objectAclOrDefault(String bucket, String key) {
        ObjectAcl recorded = objectAcl(bucket, key);
        if (recorded != null) {
            return recorded;
        }
        String owner = ownerOf(bucket);
        return new ObjectAcl(owner, Acl.ownerFullControl(owner));
    }

    /** Records a new bucket's owner (unless the admin), ACL (unless the default) and ownership controls. */
    public void recordBucket(String bucket, String ownerId, Acl acl, String objectOwnership) {
        BucketSettings settings = store.bucketSettings();
        if (!ownerId.equals(adminId)) {
            settings.put(bucket, BucketSettings.OWNER, ownerId);
        }
        putBucketAcl(bucket, ownerId, acl);
        if (objectOwnership != null) {
            settings.put(bucket, BucketSettings.OWNERSHIP_CONTROLS, objectOwnership);
        }
    }

    public void putBucketAcl(String bucket, String ownerId, Acl acl) {
        if (acl.equals(Acl.ownerFullControl(ownerId))) {
            store.bucketSettings().delete(bucket, BucketSettings.ACL);
        } else {
            store.bucketSettings().put(bucket, BucketSettings.ACL, acl.encode());
        }
    }

    /**
     * Records an object's owner and ACL after it was written; nothing when they are the defaults
     * (the bucket's owner, alone), so most writes cost no extra row.
     */
    public void recordObject(String bucket, String key, String ownerId, Acl acl) {
        recordObject(bucket, key, ownerId, acl, ownerOf(bucket));
    }

    /** As above, with the bucket's owner already known. */
    public void recordObject(String bucket, String key, String ownerId, Acl acl, String bucketOwnerId) {
        if (ownerId.equals(bucketOwnerId) && acl.equals(Acl.ownerFullControl(ownerId))) {
            return;
        }
        store.objectAcls().put(bucket, key, new ObjectAcls.Entry(ownerId, acl.encode()));
    }

    /**
     * Keeps the owner and ACL a CreateMultipartUpload decided, when not the defaults, until the
     * upload completes or is aborted (a bucket setting named after the upload, so it goes with the
     * bucket too; an upload the stale-upload sweeper removes leaves its small row behind).
     */
    public void rememberUpload(String bucket, String uploadId, ObjectAcl acl) {
        store.bucketSettings().put(bucket, UPLOAD_PREFIX + uploadId, acl.ownerId() + "\n" + acl.acl().encode());
    }

    /** What {@link #rememberUpload} kept, or null (the bucket's owner, alone, or an upload made before Cubby kept them). */
    public ObjectAcl upload(String bucket, String uploadId) {
        return store.bucketSettings().find(bucket, UPLOAD_PREFIX + uploadId).map(text -> {
            int newline = text.indexOf('\n');
            return new ObjectAcl(text.substring(0, newline), Acl.decode(text.substring(newline + 1)));
        }).orElse(null);
    }

    public void forgetUpload(String bucket, String uploadId) {
        store.bucketSettings().delete(bucket, UPLOAD_PREFIX + uploadId);
    }

    /** Replaces an object's ACL (PutObjectAcl), keeping its owner. */
    public void putObjectAcl(String bucket, String key, String ownerId, Acl acl) {
        store.objectAcls().put(bucket, key, new ObjectAcls.Entry(ownerId, acl.encode()));
    }

    /** The bucket's ObjectOwnership setting ({@code BucketOwnerEnforced}...), if it has one. */
    public Optional<String> objectOwnership(String bucket) {
        return store.bucketSettings().find(bucket, BucketSettings.OWNERSHIP_CONTROLS);
    }

    /**
     * The owner of each key a listing shows: its writer when recorded, else the bucket's. Keys are
     * looked up one by one only in buckets where some object has an entry at all.
     */
    public java.util.function.Function<String, Owner> listingOwners(String bucket) {
        Owner bucketOwner = owner(ownerOf(bucket));
        if (!store.objectAcls().anyIn(bucket)) {
            return key -> bucketOwner;
        }
        var byId = new java.util.HashMap<String, Owner>();
        byId.put(bucketOwner.id(), bucketOwner);
        return key -> store.objectAcls().find(bucket, key)
                .map(entry -> byId.computeIfAbsent(entry.owner(), this::owner)).orElse(bucketOwner);
    }

    /** Whether some key (or the admin) has this canonical user id. */
    public boolean isKnown(String canonicalId) {
        return canonicalId.equals(adminId) || (keys != null && keys.byCanonicalId(canonicalId) != null);
    }

    /** The owner element for a canonical user id, named by its key. */
    public Owner owner(String canonicalId) {
        AccessKey key = keys == null ? null : keys.byCanonicalId(canonicalId);
        return new Owner(canonicalId, key != null ? key.name() : canonicalId.equals(adminId) ? ADMIN_NAME : canonicalId);
    }
}

package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;

/**
 * The one permission check, run once per request after the signature is verified and before
 * the handler. Its answer, an {@link Access}, goes to the handler, which asks it about anything
 * else the operation reaches (a copy source, the keys of a batch delete, what a listing shows).
 * The order of the rules is {@link Access}'s.
 */
public final class AccessPolicy {
    private final KeyRing keys;
    private final AclRecords records;
    private final BucketPolicies policies;

    /**
     * @param records    owners and ACLs of buckets and objects
     * @param policies   the buckets' policies ({@link BucketPolicies#NONE} when there are none)
     */
    public AccessPolicy(KeyRing keys, AclRecords records, BucketPolicies policies) {
        this.keys = keys;
        this.records = records;
        this.policies = policies;
    }

    /**
     * @param action  the operation's policy action, e.g. {@code s3:GetObject}
     * @param needed  what the key's grants must give for it
     * @param key     the object key, or null for bucket and service operations
     * @param context the request, for policy conditions
     * @throws S3Exception AccessDenied when the caller may not
     */
    public Access check(Authentication caller, String action, Permission needed, String bucket, String key,
                        RequestContext context) {
        Access access = new Access(key(caller), records, policies, context);
        access.require(action, needed, bucket, key);
        requireExpectedOwner(bucket, context);
        return access;
    }

    /**
     * What {@code caller} may do, not yet checked against any operation: for a request whose
     * signature is in its body (a browser POST upload), whose handler checks once it has read it.
     */
    public Access access(Authentication caller, RequestContext context) {
        return new Access(key(caller), records, policies, context);
    }

    /** {@code x-amz-expected-bucket-owner}: a request meant for another owner's bucket is refused. */
    private void requireExpectedOwner(String bucket, RequestContext context) {
        String expected = context.header().apply("x-amz-expected-bucket-owner");
        if (expected == null || bucket == null || records == null) {
            return;
        }
        String owner = records.bucketOwner(bucket);
        if (owner != null && !owner.equals(expected.trim())) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "The bucket " + bucket + " is not owned by "
                    + expected.trim() + " (x-amz-expected-bucket-owner).");
        }
    }

    private AccessKey key(Authentication caller) {
        if (caller.isAnonymous()) {
            return null;
        }
        AccessKey key = keys.key(caller.accessKeyId());
        if (key == null) {
            // revoked between the signature check and now
            throw S3Exception.of(S3ErrorCode.INVALID_ACCESS_KEY_ID, "The AWS access key Id you provided does not "
                    + "exist in our records: \"" + caller.accessKeyId() + "\".");
        }
        return key;
    }

    /** What an unsigned request may do, for the requests that are never signed (CORS preflights). */
    public Access unsigned() {
        return new Access(null, records, policies, RequestContext.none());
    }
}

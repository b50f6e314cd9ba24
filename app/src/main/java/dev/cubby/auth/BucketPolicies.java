package dev.cubby.auth;

/**
 * The bucket policies, asked by the one authorization step for every request and for every
 * further thing a request reaches (a copy's source, the keys of a batch delete).
 */
@FunctionalInterface
public interface BucketPolicies {
    /** No bucket has a policy. */
    BucketPolicies NONE = (principal, action, bucket, key, context) -> PolicyVerdict.NONE;

    /**
     * @param action an S3 policy action, e.g. {@code s3:GetObject} (see {@code Operation.action()})
     * @param key    the object key, or null for a bucket-level action
     */
    PolicyVerdict evaluate(Principal principal, String action, String bucket, String key, RequestContext context);
}

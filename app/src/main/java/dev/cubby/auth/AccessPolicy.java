package dev.cubby.auth;

import dev.cubby.checksum.Digests;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.Set;

/**
 * The one permission check, run once per request after the signature is verified and before
 * the handler. Its answer, an {@link Access}, goes to the handler, which asks it about anything
 * else the operation reaches (a copy source, the keys of a batch delete, what a listing shows).
 *
 * <p>The bucket's policy is asked first: its Deny refuses the request whatever the grants say
 * (the admin keeps the policy calls themselves, so a policy can never lock its owner out), its
 * Allow lets the request in without a grant (unsigned callers too); otherwise the key's grants
 * decide.
 */
public final class AccessPolicy {
    /** What the admin may always do, even under a policy that denies it: mend the policy. */
    private static final Set<String> POLICY_ACTIONS =
            Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    private final KeyRing keys;
    private final BucketPolicies policies;
    private final Access anonymous = Access.anonymous();

    public AccessPolicy(KeyRing keys, BucketPolicies policies) {
        this.keys = keys;
        this.policies = policies;
    }

    /**
     * @param action the operation's policy action ({@code Operation.action()})
     * @param key    the object key, or null for bucket and service operations
     * @throws S3Exception AccessDenied when the caller may not
     */
    public Access check(Authentication caller, Permission needed, String action, String bucket, String key,
                        RequestContext context) {
        AccessKey signer = caller.isAnonymous() ? null : key(caller);
        Access access = signer == null ? anonymous : Access.of(signer);
        Principal principal = signer == null ? Principal.ANONYMOUS
                : new Principal(signer.accessKeyId(), Digests.sha256Hex(signer.accessKeyId()), signer.name());
        PolicyVerdict verdict = policies.evaluate(principal, action, bucket, key, context);
        boolean admin = signer != null && signer.kind() == KeyKind.ADMIN;
        if (verdict == PolicyVerdict.DENY && !(admin && POLICY_ACTIONS.contains(action))) {
            throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, "Access Denied: the policy of bucket " + bucket
                    + " denies " + action + " to this caller.");
        }
        Access bound = access.underPolicy((further, b, k) -> policies.evaluate(principal, further, b, k, context),
                action, bucket, key, verdict == PolicyVerdict.ALLOW);
        if (verdict != PolicyVerdict.ALLOW) {
            bound.require(needed, bucket, key);
        }
        return bound;
    }

    private AccessKey key(Authentication caller) {
        AccessKey key = keys.key(caller.accessKeyId());
        if (key == null) {
            // revoked between the signature check and now
            throw S3Exception.of(S3ErrorCode.INVALID_ACCESS_KEY_ID, "The AWS access key Id you provided does not "
                    + "exist in our records: \"" + caller.accessKeyId() + "\".");
        }
        return key;
    }
}

package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one caller may do: handed out by {@link AccessPolicy#check} and asked by handlers whose
 * operation reaches more than the request's own bucket and key (a copy's source, the keys of a
 * DeleteObjects body, the buckets and keys a listing shows). The rules are all here.
 *
 * <p>Object operations need a grant covering the key. Bucket operations (HeadBucket, listings,
 * DeleteObjects) need a grant anywhere in the bucket; listings then show only what the grants
 * reach. Only the admin key may create or delete buckets. A request the bucket's policy allows
 * (see {@link AccessPolicy}) is allowed on its own bucket and key whatever the grants say.
 */
public final class Access {
    private static final Access ADMIN = new Access(null, null, List.of(), true, null);

    /** The bucket policies as they answer for this caller and this request ({@link AccessPolicy} binds them). */
    @FunctionalInterface
    interface PolicyCheck {
        PolicyVerdict verdict(String action, String bucket, String key);
    }


    private final String accessKeyId;
    private final String name;
    private final List<Grant> grants;
    private final boolean admin;
    /** The request's own action, bucket and key, the policies, and whether they allowed it; null when unbound. */
    private final PolicyScope policy;

    private record PolicyScope(PolicyCheck check, String action, String bucket, String key, boolean allowed) {
        boolean isTarget(String otherBucket, String otherKey) {
            return Objects.equals(bucket, otherBucket) && Objects.equals(key, otherKey);
        }
    }

    private Access(String accessKeyId, String name, List<Grant> grants, boolean admin, PolicyScope policy) {
        this.accessKeyId = accessKeyId;
        this.name = name;
        this.grants = grants;
        this.admin = admin;
        this.policy = policy;
    }

    public static Access admin() {
        return ADMIN;
    }

    static Access of(AccessKey key) {
        return key.kind() == KeyKind.ADMIN ? ADMIN
                : new Access(key.accessKeyId(), key.name(), key.grants(), false, null);
    }

    /** An unsigned caller: nothing but what bucket policies allow (public-read buckets are policies too). */
    static Access anonymous() {
        return new Access(null, null, List.of(), false, null);
    }

    /**
     * This caller within one request: {@code allowed} when the bucket policy allowed the request's
     * own {@code bucket} and {@code key} (null: the bucket). Further objects the handler asks about
     * (a copy's source, the keys of a DeleteObjects body) are put to {@code check} too: as
     * s3:GetObject for a read, as the request's own {@code action} for a write.
     */
    Access underPolicy(PolicyCheck check, String action, String bucket, String key, boolean allowed) {
        return new Access(accessKeyId, name, grants, admin, new PolicyScope(check, action, bucket, key, allowed));
    }

    /** For tests and the like: allowed {@code bucket} and {@code key} by a policy, with no further policy. */
    Access allowedByPolicy(String bucket, String key) {
        return underPolicy((action, b, k) -> PolicyVerdict.NONE, null, bucket, key, true);
    }

    private boolean policyAllows(String bucket, String key) {
        return policy != null && policy.allowed() && policy.isTarget(bucket, key);
    }

    /** What the policy says about an object beyond the request's own; NONE for the request's own target. */
    private PolicyVerdict furtherVerdict(Permission permission, String bucket, String key) {
        if (policy == null || bucket == null || key == null || policy.isTarget(bucket, key)) {
            return PolicyVerdict.NONE;
        }
        return policy.check().verdict(permission.reads() ? "s3:GetObject" : policy.action(), bucket, key);
    }

    public boolean isAnonymous() {
        return accessKeyId == null && !admin;
    }

    /** Whether this caller may do what {@code permission} names on {@code bucket} (and {@code key}, if not null). */
    public boolean allows(Permission permission, String bucket, String key) {
        if (policyAllows(bucket, key)) {
            return true;
        }
        PolicyVerdict further = furtherVerdict(permission, bucket, key);
        if (further != PolicyVerdict.NONE || admin) {
            return further != PolicyVerdict.DENY;
        }
        if (isAnonymous()) {
            return false;
        }
        return switch (permission) {
            case LIST_BUCKETS -> true;
            case OWNER -> false;
            case READ, PUBLIC_READ, WRITE -> {
                for (Grant grant : grants) {
                    if ((permission.reads() || grant.write()) && reaches(grant, bucket, key)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private static boolean reaches(Grant grant, String bucket, String key) {
        return key == null ? grant.inBucket(bucket) && !grant.exact() : grant.covers(bucket, key);
    }

    /** @throws S3Exception AccessDenied, naming what was refused and what the key may reach */
    public void require(Permission permission, String bucket, String key) {
        if (allows(permission, bucket, key)) {
            return;
        }
        throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, denial(permission, bucket, key));
    }

    String denial(Permission permission, String bucket, String key) {
        if (furtherVerdict(permission, bucket, key) == PolicyVerdict.DENY) {
            return "Access Denied: the policy of bucket " + bucket + " denies " + (permission.reads() ? "reading "
                    : "changing ") + target(bucket, key) + " to this caller.";
        }
        if (isAnonymous()) {
            return "Anonymous requests are not allowed" + (bucket != null
                    ? " on " + target(bucket, key) + " (neither public-read nor allowed by the bucket policy)" : "")
                    + ": sign the request with an access key (AWS Signature Version 4, or Version 2 for older clients).";
        }
        String what = switch (permission) {
            case OWNER -> "create or delete buckets (only the admin key may)";
            case WRITE -> "write " + target(bucket, key);
            default -> "read " + target(bucket, key);
        };
        return "Access Denied: the access key " + accessKeyId + " (" + name + ") may not " + what
                + "; its grants are " + (grants.isEmpty() ? "none" : grants) + ".";
    }

    private static String target(String bucket, String key) {
        return key == null ? "bucket " + bucket : bucket + "/" + key;
    }

    /** Whether ListBuckets shows this bucket to the caller. */
    public boolean seesBucket(String bucket) {
        return admin || grants.stream().anyMatch(grant -> grant.inBucket(bucket) && !grant.exact());
    }

    /**
     * The key prefixes of {@code bucket} this caller may read, for filtering listings: null when
     * it may read the whole bucket.
     */
    public List<String> readablePrefixes(String bucket) {
        if (admin || policyAllows(bucket, null)) {
            return null;
        }
        var prefixes = new ArrayList<String>();
        for (Grant grant : grants) {
            if (grant.inBucket(bucket) && !grant.exact()) {
                if (grant.prefix().isEmpty()) {
                    return null;
                }
                prefixes.add(grant.prefix());
            }
        }
        return List.copyOf(prefixes);
    }

    /**
     * Whether the caller may read and change the bucket's policy and public access block: the
     * admin, a key with a read-write grant on the whole bucket, or whom the bucket policy allows.
     */
    public boolean configures(String bucket) {
        return admin || policyAllows(bucket, null) || grants.stream()
                .anyMatch(grant -> grant.inBucket(bucket) && grant.write() && !grant.exact() && grant.prefix().isEmpty());
    }

    /** Whether the caller may read {@code key}, for filtering listings of uploads. */
    public boolean mayRead(String bucket, String key) {
        return allows(Permission.READ, bucket, key);
    }
}

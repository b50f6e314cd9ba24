package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one caller may do: handed out by {@link AccessPolicy#check} and asked by handlers whose
 * operation reaches more than the request's own bucket and key (a copy's source, the keys of a
 * DeleteObjects body, the buckets and keys a listing shows). The rules are all here, asked per
 * policy action ({@code s3:GetObject}...) so policies and ACLs decide on the same thing. In order:
 * <ol>
 *   <li>an explicit Deny of the bucket's policy refuses, whoever asks (except that the admin and
 *       the owner may still read, replace and delete the policy, so it cannot lock them out);</li>
 *   <li>the admin key may do everything;</li>
 *   <li>the key's grants: object operations need one covering the key, bucket operations one
 *       anywhere in the bucket (listings then show only what the grants reach);</li>
 *   <li>the bucket's owner may do everything on it;</li>
 *   <li>an Allow of the bucket's policy;</li>
 *   <li>the ACL grants: the bucket's for listings and object writes, the object's for reading the
 *       object and its ACL ({@link AclNeeds}); an object's writer may do everything on it. Public
 *       grants (AllUsers, AuthenticatedUsers) count for nothing while the bucket's public access
 *       block has IgnorePublicAcls on.</li>
 * </ol>
 * The config's {@code public-read} buckets are statements of the policy engine. A request about
 * a bucket that does not exist is let through, so the handler answers NoSuchBucket.
 */
public final class Access {
    /** What the admin and a bucket's owner may do even under a policy that denies it: mend the policy. */
    private static final Set<String> MENDS_POLICY =
            Set.of("s3:GetBucketPolicy", "s3:PutBucketPolicy", "s3:DeleteBucketPolicy");

    private final AccessKey key;
    private final boolean admin;
    private final AclRecords records;
    private final BucketPolicies policies;
    private final RequestContext context;

    Access(AccessKey key, AclRecords records, BucketPolicies policies, RequestContext context) {
        this.key = key;
        this.admin = key != null && key.kind() == KeyKind.ADMIN;
        this.records = records;
        this.policies = policies;
        this.context = context;
    }

    /** The admin's access, without ACL records or policies (handler tests). */
    public static Access admin() {
        return new Access(new AccessKey(new Credential("CUBBYADMIN", "-"), "cubby", KeyKind.ADMIN, List.of(),
                java.time.Instant.EPOCH, null, null), null, BucketPolicies.NONE, RequestContext.none());
    }

    /** The request this answer was given for, for checks a handler makes later (a browser upload's form). */
    public RequestContext context() {
        return context;
    }

    public boolean isAnonymous() {
        return key == null;
    }

    public boolean isAdmin() {
        return admin;
    }

    /** The caller's canonical user id, or null when anonymous. */
    public String canonicalId() {
        return key == null ? null : key.canonicalId();
    }

    /** The caller's display name (its key's name), or null when anonymous. */
    public String displayName() {
        return key == null ? null : key.name();
    }

    /**
     * Whether this caller may do {@code action} on {@code bucket} (and {@code key}, if not null).
     *
     * @param permission what the key's grants must give (the coarse right of the action)
     */
    public boolean allows(String action, Permission permission, String bucket, String key) {
        PolicyVerdict verdict = bucket == null ? PolicyVerdict.NONE
                : policies.evaluate(principal(), action, bucket, key, context);
        if (verdict == PolicyVerdict.DENY && !(MENDS_POLICY.contains(action) && (admin || ownsBucket(bucket)))) {
            return false;
        }
        if (admin) {
            return true;
        }
        if (permission == Permission.OWNER && bucket != null && "s3:CreateBucket".equals(action)) {
            return this.key != null && this.key.createBuckets();
        }
        if (grantsAllow(permission, bucket, key)) {
            return true;
        }
        return bucket != null && beyondGrants(action, bucket, key, verdict);
    }

    private Principal principal() {
        return key == null ? Principal.ANONYMOUS : new Principal(key.accessKeyId(), key.canonicalId(), key.name());
    }

    private boolean grantsAllow(Permission permission, String bucket, String key) {
        if (isAnonymous()) {
            return false; // anonymous callers get in by a policy (the config's public-read buckets are one) or an ACL
        }
        return switch (permission) {
            case LIST_BUCKETS -> true;
            case OWNER -> false;
            case READ, PUBLIC_READ, WRITE -> {
                for (Grant grant : this.key.grants()) {
                    if ((permission.reads() || grant.write()) && reaches(grant, bucket, key)) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    /** Steps 4 to 6: ownership, a policy's Allow, the ACLs. */
    private boolean beyondGrants(String action, String bucket, String key, PolicyVerdict verdict) {
        if (verdict == PolicyVerdict.ALLOW) {
            return true;
        }
        if (records == null) {
            return false;
        }
        String owner = records.bucketOwner(bucket);
        if (owner == null) {
            return !"s3:CreateBucket".equals(action); // no such bucket: the handler says so
        }
        String me = canonicalId();
        if (owner.equals(me)) {
            return true;
        }
        AclPermission needed = AclNeeds.of(action, key);
        if (needed == null) {
            return false;
        }
        if (AclNeeds.decidedByObject(action, key)) {
            AclRecords.ObjectAcl object = records.objectAcl(bucket, key);
            if (object != null && (object.ownerId().equals(me) || counted(bucket, object.acl()).gives(me, needed))) {
                return true;
            }
            // As S3: who may list the bucket learns that a key is missing (NoSuchKey), others get AccessDenied.
            return object == null && needed == AclPermission.READ && !records.objectExists(bucket, key)
                    && maySeeMissing(bucket, owner, key);
        }
        return counted(bucket, records.bucketAcl(bucket, owner)).gives(me, needed);
    }

    /** The ACL as the decision counts it: without its public grants while the bucket's IgnorePublicAcls is on. */
    private Acl counted(String bucket, Acl acl) {
        return acl.isPublic() && records.ignoresPublicAcls(bucket) ? acl.withoutPublicGrants() : acl;
    }

    /**
     * Whether the caller may list {@code bucket} where {@code key} would be: by the bucket's ACL,
     * or by a policy allowing s3:ListBucket with the key as the listing's prefix (so a condition
     * on s3:prefix reaches exactly the keys that listing would show).
     */
    private boolean maySeeMissing(String bucket, String owner, String key) {
        if (counted(bucket, records.bucketAcl(bucket, owner)).gives(canonicalId(), AclPermission.READ)) {
            return true;
        }
        var listing = new RequestContext(context.sourceIp(), context.secureTransport(), context.header(),
                name -> "prefix".equals(name) ? key : null, context.now());
        return policies.evaluate(principal(), "s3:ListBucket", bucket, null, listing) == PolicyVerdict.ALLOW;
    }

    private static boolean reaches(Grant grant, String bucket, String key) {
        return key == null ? grant.inBucket(bucket) && !grant.exact() : grant.covers(bucket, key);
    }

    /** @throws S3Exception AccessDenied, naming what was refused and what the key may reach */
    public void require(String action, Permission permission, String bucket, String key) {
        if (allows(action, permission, bucket, key)) {
            return;
        }
        throw S3Exception.of(S3ErrorCode.ACCESS_DENIED, denial(action, permission, bucket, key));
    }

    String denial(String action, Permission permission, String bucket, String key) {
        if (isAnonymous()) {
            return "Anonymous requests are not allowed" + (permission == Permission.PUBLIC_READ && bucket != null
                    ? " on bucket " + bucket + " (it is neither public-read nor readable by an ACL)" : "")
                    + ": sign the request with an access key (AWS Signature Version 4, or Version 2 for older clients).";
        }
        String what = switch (permission) {
            case OWNER -> "create or delete buckets (only the admin key, keys made with --create-buckets, "
                    + "and a bucket's owner may)";
            case WRITE -> "write " + target(bucket, key);
            default -> "read " + target(bucket, key);
        };
        return "Access Denied: the access key " + this.key.accessKeyId() + " (" + this.key.name() + ") may not "
                + what + " (" + action + "); it does not own the bucket, no ACL or policy allows it, and its "
                + "grants are " + (this.key.grants().isEmpty() ? "none" : this.key.grants()) + ".";
    }

    private static String target(String bucket, String key) {
        return key == null ? "bucket " + bucket : bucket + "/" + key;
    }

    /** Whether ListBuckets shows this bucket to the caller: the admin all, others their own and those their grants reach. */
    public boolean seesBucket(String bucket) {
        if (admin) {
            return true;
        }
        if (key == null) {
            return false;
        }
        if (key.grants().stream().anyMatch(grant -> grant.inBucket(bucket) && !grant.exact())) {
            return true;
        }
        return records != null && key.canonicalId().equals(records.bucketOwner(bucket));
    }

    /**
     * The key prefixes of {@code bucket} this caller may read, for filtering listings: null when
     * it may read the whole bucket (as its owner, by an ACL or policy, or a whole-bucket grant).
     */
    public List<String> readablePrefixes(String bucket) {
        if (admin) {
            return null;
        }
        var prefixes = new ArrayList<String>();
        if (key != null) {
            for (Grant grant : key.grants()) {
                if (grant.inBucket(bucket) && !grant.exact()) {
                    if (grant.prefix().isEmpty()) {
                        return null;
                    }
                    prefixes.add(grant.prefix());
                }
            }
        }
        PolicyVerdict verdict = policies.evaluate(principal(), "s3:ListBucket", bucket, null, context);
        if (verdict != PolicyVerdict.DENY && beyondGrants("s3:ListBucket", bucket, null, verdict)) {
            return null;
        }
        return List.copyOf(prefixes);
    }

    private boolean ownsBucket(String bucket) {
        return key != null && records != null && bucket != null && key.canonicalId().equals(records.bucketOwner(bucket));
    }

    /**
     * Whether the caller may read and change the bucket's policy and public access block with
     * {@code action}: the admin, the bucket's owner, a key with a read-write grant on the whole
     * bucket, or whom the bucket's policy allows.
     */
    public boolean configures(String bucket, String action) {
        if (admin || ownsBucket(bucket)) {
            return true;
        }
        if (policies.evaluate(principal(), action, bucket, null, context) == PolicyVerdict.ALLOW) {
            return true;
        }
        return key != null && key.grants().stream()
                .anyMatch(grant -> grant.inBucket(bucket) && grant.write() && !grant.exact() && grant.prefix().isEmpty());
    }

    /** Whether the caller may read {@code key}, for filtering listings of uploads. */
    public boolean mayRead(String bucket, String key) {
        return allows("s3:ListBucketMultipartUploads", Permission.READ, bucket, key);
    }
}

package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.util.Set;

/**
 * The one permission check, run once per request after the signature is verified and before
 * the handler. Its answer, an {@link Access}, goes to the handler, which asks it about anything
 * else the operation reaches (a copy source, the keys of a batch delete, what a listing shows).
 */
public final class AccessPolicy {
    private final KeyRing keys;
    private final Access anonymous;

    /** @param publicRead buckets that anonymous callers may read (GetObject, HeadObject, HeadBucket, listings) */
    public AccessPolicy(KeyRing keys, Set<String> publicRead) {
        this.keys = keys;
        this.anonymous = Access.anonymous(Set.copyOf(publicRead));
    }

    /**
     * @param key the object key, or null for bucket and service operations
     * @throws S3Exception AccessDenied when the caller may not
     */
    public Access check(Authentication caller, Permission needed, String bucket, String key) {
        Access access = access(caller);
        access.require(needed, bucket, key);
        return access;
    }

    /**
     * What {@code caller} may do, not yet checked against any operation: for a request whose
     * signature is in its body (a browser POST upload), whose handler checks once it has read it.
     */
    public Access access(Authentication caller) {
        if (caller.isAnonymous()) {
            return anonymous;
        }
        AccessKey key = keys.key(caller.accessKeyId());
        if (key == null) {
            // revoked between the signature check and now
            throw S3Exception.of(S3ErrorCode.INVALID_ACCESS_KEY_ID, "The AWS access key Id you provided does not "
                    + "exist in our records: \"" + caller.accessKeyId() + "\".");
        }
        return Access.of(key);
    }

    /** What an unsigned request may do, for the requests that are never signed (CORS preflights). */
    public Access unsigned() {
        return anonymous;
    }
}

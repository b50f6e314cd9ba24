package dev.cubby.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An access key with its rights, as the server and the key commands see it.
 *
 * @param credential the id and secret (the secret is sealed at rest, see {@link SecretSeal})
 * @param name       the owner's label, e.g. {@code laptop}
 * @param kind       admin, manual, session or share
 * @param grants     what it may reach; ignored for {@link KeyKind#ADMIN}, which reaches everything
 * @param created    when it was made
 * @param expires    when it stops working, or null for never
 * @param ttl        a session key's lifetime, which {@code keys renew} extends it by; else null
 * @param createBuckets whether it may create buckets, which it then owns (see {@link Access})
 */
public record AccessKey(Credential credential, String name, KeyKind kind, List<Grant> grants, Instant created,
                        Instant expires, Duration ttl, boolean createBuckets) {

    public AccessKey {
        Objects.requireNonNull(credential, "credential");
        grants = List.copyOf(grants);
    }

    /** A key that may not create buckets. */
    public AccessKey(Credential credential, String name, KeyKind kind, List<Grant> grants, Instant created,
                     Instant expires, Duration ttl) {
        this(credential, name, kind, grants, created, expires, ttl, false);
    }

    /** The canonical user id S3 names this key by in owners and ACL grants. */
    public String canonicalId() {
        return CanonicalIds.of(accessKeyId());
    }

    public String accessKeyId() {
        return credential.accessKeyId();
    }

    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}

package dev.cubby.meta;

import java.util.List;

/**
 * One access key as the key store keeps it: the secret only sealed, times in epoch milliseconds.
 *
 * @param kind         {@code admin}, {@code manual}, {@code session} or {@code share}
 * @param sealedSecret the secret sealed by the caller; this table never sees it in the clear
 * @param expiresAt    null for never
 * @param ttlSeconds   a session key's lifetime, else null
 * @param createBuckets whether the key may create buckets (which it then owns)
 */
public record KeyRow(String accessKeyId, String name, String kind, byte[] sealedSecret, long createdAt,
                     Long expiresAt, Long ttlSeconds, List<GrantRow> grants, boolean createBuckets) {

    public KeyRow {
        grants = List.copyOf(grants);
    }

    /** A key that may not create buckets. */
    public KeyRow(String accessKeyId, String name, String kind, byte[] sealedSecret, long createdAt,
                  Long expiresAt, Long ttlSeconds, List<GrantRow> grants) {
        this(accessKeyId, name, kind, sealedSecret, createdAt, expiresAt, ttlSeconds, grants, false);
    }

    /** One grant, in the order given. {@code exact}: the prefix is one whole key. */
    public record GrantRow(String bucket, String prefix, boolean write, boolean exact) {
    }

    @Override
    public String toString() {
        return "KeyRow[" + accessKeyId + ", " + name + ", " + kind + "]";
    }
}

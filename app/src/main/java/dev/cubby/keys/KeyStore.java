package dev.cubby.keys;

import dev.cubby.auth.AccessKey;
import dev.cubby.auth.Credential;
import dev.cubby.auth.Grant;
import dev.cubby.auth.KeyKind;
import dev.cubby.auth.KeySource;
import dev.cubby.auth.SecretSeal;
import dev.cubby.config.StateDirectory;
import dev.cubby.meta.KeyRow;
import dev.cubby.meta.KeyTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The access keys of one Cubby, in {@code keys.db} in the state directory, secrets sealed under
 * {@code master.key} beside it. The {@code cubby keys} and {@code cubby share} commands change it;
 * the server reads it through {@link KeySource} and sees each change on its next request.
 */
public final class KeyStore implements KeySource, AutoCloseable {
    public static final String FILE_NAME = "keys.db";

    private final KeyTable table;
    private final SecretSeal seal;
    private final Clock clock;

    private KeyStore(KeyTable table, SecretSeal seal, Clock clock) {
        this.table = table;
        this.seal = seal;
        this.clock = clock;
    }

    public static KeyStore open(Path stateDir, Clock clock) {
        try {
            StateDirectory.create(stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the state folder " + stateDir, e);
        }
        return new KeyStore(KeyTable.open(stateDir.resolve(FILE_NAME)), SecretSeal.open(stateDir), clock);
    }

    /** Now, to the second: expiry times are shown and kept in whole seconds. */
    public Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /**
     * Makes a key with a fresh id and secret; the secret is returned this once and kept only sealed.
     *
     * @param expires when it stops working, or null for never
     * @param ttl     a session key's lifetime (renewals extend it by this much), else null
     */
    public AccessKey create(String name, KeyKind kind, List<Grant> grants, Instant expires, Duration ttl) {
        return create(name, kind, grants, expires, ttl, false);
    }

    /** As above; {@code createBuckets}: the key may create buckets, which it then owns. */
    public AccessKey create(String name, KeyKind kind, List<Grant> grants, Instant expires, Duration ttl,
                            boolean createBuckets) {
        var key = new AccessKey(new Credential(NewKeys.accessKeyId(), NewKeys.secret()), name, kind,
                grants.stream().map(GrantRules::validate).toList(), now(), expires, ttl, createBuckets);
        store(key);
        return key;
    }

    /** Stores a key whose id and secret come from elsewhere (the admin key of an older version). */
    void store(AccessKey key) {
        table.insert(new KeyRow(key.accessKeyId(), key.name(), key.kind().label(),
                seal.seal(key.accessKeyId(), key.credential().secretAccessKey()), key.created().toEpochMilli(),
                key.expires() == null ? null : key.expires().toEpochMilli(),
                key.ttl() == null ? null : key.ttl().toSeconds(),
                key.grants().stream().map(g -> new KeyRow.GrantRow(g.bucket(), g.prefix(), g.write(), g.exact()))
                        .toList(), key.createBuckets()));
    }

    @Override
    public long version() {
        return table.version();
    }

    /** Every key, oldest first, secrets unsealed. */
    @Override
    public List<AccessKey> load() {
        return table.all().stream().map(this::unsealed).toList();
    }

    private AccessKey unsealed(KeyRow row) {
        var grants = row.grants().stream().map(g -> new Grant(g.bucket(), g.prefix(), g.write(), g.exact())).toList();
        return new AccessKey(new Credential(row.accessKeyId(), seal.unseal(row.accessKeyId(), row.sealedSecret())),
                row.name(), KeyKind.fromLabel(row.kind()), grants, Instant.ofEpochMilli(row.createdAt()),
                row.expiresAt() == null ? null : Instant.ofEpochMilli(row.expiresAt()),
                row.ttlSeconds() == null ? null : Duration.ofSeconds(row.ttlSeconds()), row.createBuckets());
    }

    /**
     * The key with this access key id, or else the one key with this name.
     *
     * @throws IllegalArgumentException when there is none, or the name is not unique
     */
    public AccessKey find(String idOrName) {
        List<AccessKey> all = load();
        for (AccessKey key : all) {
            if (key.accessKeyId().equals(idOrName)) {
                return key;
            }
        }
        List<AccessKey> named = all.stream().filter(key -> key.name().equals(idOrName)).toList();
        if (named.isEmpty()) {
            throw new IllegalArgumentException("no access key with the id or name '" + idOrName
                    + "' (see 'cubby keys list')");
        }
        if (named.size() > 1) {
            throw new IllegalArgumentException(named.size() + " keys are named '" + idOrName
                    + "'; give the access key id instead (see 'cubby keys list')");
        }
        return named.getFirst();
    }

    /** Deletes the key: the server refuses it from its next request on. */
    public AccessKey revoke(String idOrName) {
        AccessKey key = find(idOrName);
        table.delete(key.accessKeyId());
        return key;
    }

    /** A new secret for the same id; the old secret stops working at once. */
    public AccessKey rotate(String idOrName) {
        AccessKey key = find(idOrName);
        var rotated = new AccessKey(new Credential(key.accessKeyId(), NewKeys.secret()), key.name(), key.kind(),
                key.grants(), key.created(), key.expires(), key.ttl(), key.createBuckets());
        table.updateSecret(key.accessKeyId(), seal.seal(key.accessKeyId(), rotated.credential().secretAccessKey()));
        return rotated;
    }

    /**
     * Moves the key's expiry to now plus {@code ttl}, or plus its own lifetime when {@code ttl} is
     * null (session keys). Works on an expired key too.
     */
    public AccessKey renew(String idOrName, Duration ttl) {
        AccessKey key = find(idOrName);
        if (key.kind() == KeyKind.ADMIN || key.kind() == KeyKind.SHARE) {
            throw new IllegalArgumentException("a " + key.kind().label() + " key cannot be renewed"
                    + (key.kind() == KeyKind.SHARE ? ": share the object again for a new link" : ""));
        }
        Duration lifetime = ttl != null ? ttl : key.ttl();
        if (lifetime == null) {
            throw new IllegalArgumentException("key " + key.accessKeyId() + " has no lifetime of its own; give --ttl");
        }
        Instant expires = now().plus(lifetime);
        table.updateExpiry(key.accessKeyId(), expires.toEpochMilli());
        return new AccessKey(key.credential(), key.name(), key.kind(), key.grants(), key.created(),
                expires, key.ttl(), key.createBuckets());
    }

    @Override
    public void close() {
        table.close();
    }
}

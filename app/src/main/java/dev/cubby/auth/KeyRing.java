package dev.cubby.auth;

import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The keys the running server accepts, held in memory and reloaded when the key store says it
 * changed. Each signed request costs one {@link KeySource#version()} check (SQLite's
 * {@code data_version}, a read of shared memory), so a key made, revoked, rotated or renewed by
 * the CLI counts from the server's very next request, without a restart and without rereading
 * the store each time.
 *
 * <p>As a {@link CredentialLookup} it refuses expired keys with ExpiredToken, saying when.
 */
public final class KeyRing implements CredentialLookup {
    private final KeySource source;
    private final Map<String, AccessKey> fixed;
    private final Clock clock;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Map<String, AccessKey> keys = Map.of();
    private volatile long loadedVersion;
    private volatile boolean loaded;

    /**
     * @param source the key store, or null for the fixed keys only
     * @param fixed  keys that live in memory only, such as the admin key given in the environment
     */
    public KeyRing(KeySource source, List<AccessKey> fixed, Clock clock) {
        this.source = source;
        var byId = new HashMap<String, AccessKey>();
        fixed.forEach(key -> byId.put(key.accessKeyId(), key));
        this.fixed = Map.copyOf(byId);
        this.clock = clock;
        this.keys = this.fixed;
    }

    @Override
    public Optional<Credential> find(String accessKeyId) {
        AccessKey key = current().get(accessKeyId);
        if (key == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (key.expiredAt(now)) {
            throw S3Exception.of(S3ErrorCode.EXPIRED_TOKEN, "The access key " + accessKeyId + " expired at "
                    + key.expires() + " (it is now " + now + "). Renew it with 'cubby keys renew' or create a new one.");
        }
        return Optional.of(key.credential());
    }

    /** The key as last loaded (after {@link #find}, which reloaded it for this request), or null. */
    public AccessKey key(String accessKeyId) {
        return keys.get(accessKeyId);
    }

    /** The key whose canonical user id this is (reloading the store if it changed), or null. */
    public AccessKey byCanonicalId(String canonicalId) {
        for (AccessKey key : current().values()) {
            if (key.canonicalId().equals(canonicalId)) {
                return key;
            }
        }
        return null;
    }

    private Map<String, AccessKey> current() {
        if (source == null) {
            return keys;
        }
        reloading.lock();
        try {
            long version = source.version();
            if (!loaded || version != loadedVersion) {
                var byId = new HashMap<String, AccessKey>();
                source.load().forEach(key -> byId.put(key.accessKeyId(), key));
                byId.putAll(fixed);
                keys = Map.copyOf(byId);
                loadedVersion = version;
                loaded = true;
            }
            return keys;
        } finally {
            reloading.unlock();
        }
    }
}

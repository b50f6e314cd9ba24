package dev.cubby.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers derived signing keys so a request costs one HMAC for its signature instead of five.
 *
 * <p>A key only changes when the secret, the day or the region does, so a small map of the most
 * recently used keys serves nearly every request; it is bounded so clients signing for arbitrary
 * region names cannot grow it without limit. The secret is part of the cache key, so a rotated
 * secret never reuses a stale signing key.
 */
final class SigningKeyCache {
    private record CacheKey(String secret, CredentialScope scope) {
        @Override
        public String toString() {
            return "CacheKey[scope=" + scope + "]";
        }
    }

    private final Map<CacheKey, SigningKey> keys;

    SigningKeyCache(int capacity) {
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CacheKey, SigningKey> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The signing key for {@code secret} in {@code scope}, derived on first use. */
    SigningKey get(String secret, CredentialScope scope) {
        CacheKey entry = new CacheKey(secret, scope);
        synchronized (keys) {
            SigningKey cached = keys.get(entry);
            if (cached != null) {
                return cached;
            }
        }
        SigningKey derived = SigningKey.derive(secret, scope);
        synchronized (keys) {
            keys.put(entry, derived);
        }
        return derived;
    }
}

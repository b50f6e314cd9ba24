package dev.cubby.store;

import java.util.concurrent.locks.ReentrantLock;

/**
 * Striped locks that make a compare-and-replace (If-Match) atomic against other conditional
 * writers of the same key in this process, and, in buckets with a quota, make the size a write
 * or delete replaces the size it really replaced. They are held only around the rename or
 * unlink, never while a body streams, so parallel uploads never wait on each other's bodies.
 */
final class KeyLocks {
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    KeyLocks() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    ReentrantLock forKey(String bucket, String key) {
        int hash = (bucket.hashCode() * 31 + key.hashCode()) & Integer.MAX_VALUE;
        return stripes[hash % stripes.length];
    }
}

package dev.cubby.keys;

import dev.cubby.auth.Grant;
import dev.cubby.store.BucketName;
import dev.cubby.store.ObjectKey;
import dev.cubby.store.StoreException;

/**
 * Parses a grant and holds its bucket and prefix to the store's own rules (BucketName,
 * ObjectKey), so a key can never be granted a name no request could reach.
 */
public final class GrantRules {
    private GrantRules() {
    }

    /** @throws IllegalArgumentException saying what is wrong and how to write it */
    public static Grant parse(String text) {
        return validate(Grant.parse(text));
    }

    static Grant validate(Grant grant) {
        if (grant.allBuckets()) {
            return grant;
        }
        try {
            BucketName.requireValid(grant.bucket());
            if (!grant.prefix().isEmpty()) {
                ObjectKey.parse(grant.prefix());
            }
        } catch (StoreException e) {
            throw new IllegalArgumentException("grant '" + grant.text() + "' is not valid: " + e.getMessage());
        }
        return grant;
    }
}

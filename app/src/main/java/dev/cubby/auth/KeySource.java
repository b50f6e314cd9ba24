package dev.cubby.auth;

import java.util.List;

/**
 * Where the {@link KeyRing} loads keys from: the key store on disk, written by the {@code cubby keys}
 * commands while the server runs.
 */
public interface KeySource {

    /**
     * A number that changes whenever the keys may have changed, by this process or another.
     * Called once per signed request, so it must be cheap (no scan of the store).
     */
    long version();

    /** Every key, secrets unsealed. */
    List<AccessKey> load();
}

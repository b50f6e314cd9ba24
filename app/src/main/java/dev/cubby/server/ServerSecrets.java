package dev.cubby.server;

import dev.cubby.auth.KeyKind;
import dev.cubby.auth.KeyRing;
import dev.cubby.config.Settings;
import dev.cubby.config.SettingsException;
import dev.cubby.keys.AdminKey;
import dev.cubby.keys.KeyStore;
import dev.cubby.store.Buckets;
import dev.cubby.tls.CertificateSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The secrets a serving process works with, read before it listens: the key store, the admin key
 * (from the environment or the store), the ring of every key the server accepts, and the TLS
 * certificate (null when TLS is off). Closing closes the key store.
 *
 * @param warnings what the owner should hear about before the port answers (so it is in the
 *                 journal by then), each a sentence without the "cubby: warning:" prefix
 */
public record ServerSecrets(KeyStore keyStore, AdminKey admin, KeyRing keys, CertificateSource certificates,
                            List<String> warnings) implements AutoCloseable {

    /**
     * @param env     the process environment, for the admin key
     * @param notices where a certificate made or renewed is reported
     * @throws SettingsException        when a secret would lie in the served tree
     * @throws IllegalArgumentException when the environment gives half an admin key, or a TLS file is unusable
     */
    public static ServerSecrets open(Settings settings, Map<String, String> env, Consumer<String> notices) {
        requireOutsideTheTree(settings);
        KeyStore keyStore = KeyStore.open(settings.stateDir(), Clock.systemUTC());
        try {
            AdminKey admin = AdminKey.load(keyStore, settings.stateDir(), env);
            CertificateSource certificates = settings.tls().enabled()
                    ? CertificateSource.open(settings, notices, Instant.now()) : null;
            var keys = new KeyRing(keyStore, admin.inMemoryKeys(keyStore.now()), Clock.systemUTC());
            return new ServerSecrets(keyStore, admin, keys, certificates, storedAdminKeysBeside(keyStore, admin));
        } catch (RuntimeException e) {
            keyStore.close();
            throw e;
        }
    }

    /**
     * Secrets never live in the served tree: keys that may read there would take the key store and
     * the master key (every secret, the admin's too) or the TLS private key.
     */
    private static void requireOutsideTheTree(Settings settings) {
        var buckets = new Buckets(settings.root(), settings.buckets());
        Path served = buckets.servedFolderHolding(settings.stateDir());
        if (served != null) {
            throw new SettingsException("the state folder " + settings.stateDir() + " lies inside the served folder "
                    + served + ", where keys could read its secrets; give --state a folder outside the tree");
        }
        Path tlsKey = settings.tls().privateKey();
        if (tlsKey != null && (served = buckets.servedFolderHolding(tlsKey)) != null) {
            throw new SettingsException("the TLS key " + tlsKey + " lies inside the served folder " + served
                    + ", where keys could read it; keep it outside the tree");
        }
    }

    /** Switching to an environment admin key does not retire one kept from before; say so. */
    private static List<String> storedAdminKeysBeside(KeyStore keyStore, AdminKey admin) {
        if (!admin.fromEnvironment()) {
            return List.of();
        }
        return keyStore.load().stream().filter(key -> key.kind() == KeyKind.ADMIN).map(key ->
                "the stored admin key " + key.accessKeyId() + " is still valid beside the one from "
                        + AdminKey.ACCESS_KEY_ID_VARIABLE + "; end it with 'cubby keys revoke " + key.accessKeyId()
                        + "' if it is no longer used").toList();
    }

    @Override
    public void close() {
        keyStore.close();
    }
}

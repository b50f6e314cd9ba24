package dev.cubby.keys;

import dev.cubby.auth.AccessKey;
import dev.cubby.auth.Credential;
import dev.cubby.auth.KeyKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The administrator's key: from CUBBY_ACCESS_KEY_ID / CUBBY_SECRET_ACCESS_KEY when both are set
 * (then it lives in memory only, see {@link #inMemoryKeys}), otherwise the admin key of the key
 * store, generated and sealed there on first start. {@link #generated()} tells the caller to print
 * it, which happens only once.
 *
 * <p>Older versions kept a generated admin key in plain text in {@code admin-key.properties};
 * such a file is moved into the key store (sealed) and deleted.
 */
public record AdminKey(Credential credential, boolean generated, boolean migrated, boolean fromEnvironment) {
    static final String LEGACY_FILE_NAME = "admin-key.properties";

    /** The key store entry's name for the admin key. */
    public static final String NAME = "admin";

    /** The environment variables that give the admin key. */
    public static final String ACCESS_KEY_ID_VARIABLE = "CUBBY_ACCESS_KEY_ID";
    public static final String SECRET_VARIABLE = "CUBBY_SECRET_ACCESS_KEY";

    /** The admin key of a process started with {@code env}. */
    public static AdminKey load(KeyStore store, Path stateDir, Map<String, String> env) {
        return load(store, stateDir, env.get(ACCESS_KEY_ID_VARIABLE), env.get(SECRET_VARIABLE));
    }

    public static AdminKey load(KeyStore store, Path stateDir, String envAccessKeyId, String envSecret) {
        boolean hasId = envAccessKeyId != null && !envAccessKeyId.isBlank();
        boolean hasSecret = envSecret != null && !envSecret.isBlank();
        if (hasId != hasSecret) {
            throw new IllegalArgumentException("set both " + ACCESS_KEY_ID_VARIABLE + " and " + SECRET_VARIABLE
                    + ", or neither");
        }
        boolean migrated = migrateLegacyFile(store, stateDir.resolve(LEGACY_FILE_NAME));
        if (hasId) {
            return new AdminKey(new Credential(envAccessKeyId.trim(), envSecret.trim()), false, migrated, true);
        }
        for (AccessKey key : store.load()) {
            if (key.kind() == KeyKind.ADMIN) {
                return new AdminKey(key.credential(), false, migrated, false);
            }
        }
        AccessKey created = store.create(NAME, KeyKind.ADMIN, List.of(), null, null);
        return new AdminKey(created.credential(), true, migrated, false);
    }

    /**
     * The keys the server's key ring holds beside the key store's: this one when it came from the
     * environment (it is never stored), else none.
     */
    public List<AccessKey> inMemoryKeys(java.time.Instant now) {
        return fromEnvironment ? List.of(new AccessKey(credential, NAME, KeyKind.ADMIN, List.of(), now, null, null))
                : List.of();
    }

    private static boolean migrateLegacyFile(KeyStore store, Path file) {
        if (!Files.exists(file)) {
            return false;
        }
        try {
            var properties = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            }
            String id = properties.getProperty("access_key_id");
            String secret = properties.getProperty("secret_access_key");
            if (id == null || secret == null) {
                throw new IllegalArgumentException(file + " lacks access_key_id or secret_access_key; fix or delete it");
            }
            boolean known = store.load().stream().anyMatch(key -> key.accessKeyId().equals(id));
            if (!known) {
                store.store(new AccessKey(new Credential(id, secret), NAME, KeyKind.ADMIN, List.of(), store.now(),
                        null, null));
            }
            Files.delete(file);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the admin key from " + file + " into the key store", e);
        }
    }

    @Override
    public String toString() {
        return "AdminKey[" + credential + "]";
    }
}

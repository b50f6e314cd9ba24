package dev.cubby.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The administrator's key: from CUBBY_ACCESS_KEY_ID / CUBBY_SECRET_ACCESS_KEY when set, otherwise
 * generated once and kept in the state directory (mode 0600 in a 0700 folder, never inside the
 * served tree). {@link #generated()} tells the caller to print it, which happens only once.
 */
public record AdminKey(Credential credential, boolean generated) {
    static final String FILE_NAME = "admin-key.properties";
    private static final String ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final String SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public static AdminKey load(Path stateDir, String envAccessKeyId, String envSecret) {
        if (envAccessKeyId != null && !envAccessKeyId.isBlank() && envSecret != null && !envSecret.isBlank()) {
            return new AdminKey(new Credential(envAccessKeyId.trim(), envSecret.trim()), false);
        }
        if ((envAccessKeyId != null && !envAccessKeyId.isBlank()) != (envSecret != null && !envSecret.isBlank())) {
            throw new IllegalArgumentException("set both CUBBY_ACCESS_KEY_ID and CUBBY_SECRET_ACCESS_KEY, or neither");
        }
        Path file = stateDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                var properties = new Properties();
                try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(in);
                }
                return new AdminKey(new Credential(properties.getProperty("access_key_id"),
                        properties.getProperty("secret_access_key")), false);
            }
            var random = new SecureRandom();
            var credential = new Credential("CUBK" + randomString(random, ID_ALPHABET, 16),
                    randomString(random, SECRET_ALPHABET, 40));
            StateDirectory.create(stateDir);
            String content = "# Cubby's administrator key. Keep this file private.\n"
                    + "access_key_id=" + credential.accessKeyId() + "\n"
                    + "secret_access_key=" + credential.secretAccessKey().replace("\\", "\\\\") + "\n";
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return new AdminKey(credential, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the admin key in " + stateDir, e);
        }
    }

    private static String randomString(SecureRandom random, String alphabet, int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}

package dev.cubby.auth;

import dev.cubby.config.StateDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for the key store with AES-256-GCM under a random master key kept in
 * {@code master.key} (mode 0600) in the state directory, so the database file alone yields no
 * usable secret. Each secret gets its own random 96-bit nonce, and its access key id is the
 * associated data: a sealed secret copied onto another key's row does not open.
 *
 * <p>Sealed form: nonce (12 bytes) then ciphertext with its 16-byte tag.
 */
public final class SecretSeal {
    static final String FILE_NAME = "master.key";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretSeal(byte[] masterKey) {
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(masterKey, "AES");
    }

    /** The seal of {@code stateDir}'s master key, made on first use. */
    public static SecretSeal open(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        try {
            StateDirectory.create(stateDir);
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] master = Files.readAllBytes(file);
            if (master.length != KEY_BYTES) {
                throw new IllegalStateException(file + " is damaged (" + master.length + " bytes, not " + KEY_BYTES
                        + "); without it the stored secrets cannot be read");
            }
            return new SecretSeal(master);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }

    /**
     * Written to a private temporary file, then linked into place: a concurrent {@code cubby}
     * process either makes the link or finds a complete file, never half of one.
     */
    private static void create(Path file) throws IOException {
        byte[] master = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(master);
        Path temporary = Files.createTempFile(file.getParent(), "master", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(temporary, master);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // another process made it first: use theirs
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    public byte[] seal(String accessKeyId, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, accessKeyId);
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * @throws IllegalStateException when the sealed bytes were altered, belong to another key id
     *                               or were sealed under another master key
     */
    public String unseal(String accessKeyId, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            throw new IllegalStateException("the stored secret of " + accessKeyId + " is truncated");
        }
        try {
            byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, accessKeyId);
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("the stored secret of " + accessKeyId + " does not open with "
                    + FILE_NAME + ": it was altered, or sealed under another master key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unseal the secret of " + accessKeyId, e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String accessKeyId) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(accessKeyId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "SecretSeal[<redacted>]";
    }
}

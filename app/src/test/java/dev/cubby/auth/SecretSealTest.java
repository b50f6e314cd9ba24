package dev.cubby.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSealTest {
    private static final String SECRET = "abcdefghijklmnopqrstuvwxyz0123456789+/AB";

    @TempDir
    Path dir;

    @Test
    void sealsAndOpensWithAFreshNonceEachTime() {
        SecretSeal seal = SecretSeal.open(dir.resolve("state"));
        byte[] first = seal.seal("CUBKAAAA", SECRET);
        byte[] second = seal.seal("CUBKAAAA", SECRET);
        assertFalse(java.util.Arrays.equals(first, second));
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains(SECRET));
        assertEquals(SECRET, seal.unseal("CUBKAAAA", first));
        assertEquals(SECRET, SecretSeal.open(dir.resolve("state")).unseal("CUBKAAAA", second));
    }

    @Test
    void masterKeyIsPrivateInAPrivateFolder() throws Exception {
        SecretSeal.open(dir.resolve("state"));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("state").resolve(SecretSeal.FILE_NAME))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state"))));
        assertEquals(32, Files.size(dir.resolve("state").resolve(SecretSeal.FILE_NAME)));
    }

    @Test
    void tamperedCiphertextIsRefused() {
        SecretSeal seal = SecretSeal.open(dir);
        byte[] sealed = seal.seal("CUBKAAAA", SECRET);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 1;
            assertThrows(IllegalStateException.class, () -> seal.unseal("CUBKAAAA", tampered), "byte " + i);
        }
        assertThrows(IllegalStateException.class, () -> seal.unseal("CUBKAAAA", java.util.Arrays.copyOf(sealed, 12)));
    }

    @Test
    void aSealedSecretDoesNotOpenForAnotherKeyOrUnderAnotherMasterKey() {
        byte[] sealed = SecretSeal.open(dir.resolve("one")).seal("CUBKAAAA", SECRET);
        assertThrows(IllegalStateException.class, () -> SecretSeal.open(dir.resolve("one")).unseal("CUBKBBBB", sealed));
        assertThrows(IllegalStateException.class, () -> SecretSeal.open(dir.resolve("two")).unseal("CUBKAAAA", sealed));
    }
}

package dev.cubby.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cubby.auth.AccessKey;
import dev.cubby.auth.Grant;
import dev.cubby.auth.KeyKind;
import dev.cubby.auth.KeyRing;
import dev.cubby.error.S3ErrorCode;
import dev.cubby.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreTest {
    @TempDir
    Path state;

    private KeyStore open() {
        return KeyStore.open(state, Clock.systemUTC());
    }

    @Test
    void keysLookLikeS3Keys() {
        try (KeyStore store = open()) {
            AccessKey key = store.create("laptop", KeyKind.MANUAL, List.of(Grant.parse("photos:rw")), null, null);
            assertTrue(key.accessKeyId().matches("CUBK[A-Z2-7]{16}"), key.accessKeyId());
            assertEquals(40, key.credential().secretAccessKey().length());
        }
    }

    @Test
    void aSecondProcessSeesCreateRevokeAndRotateThroughItsKeyRing() {
        try (KeyStore server = open(); KeyStore cli = open()) {
            var ring = new KeyRing(server, List.of(), Clock.systemUTC());
            AccessKey key = cli.create("laptop", KeyKind.MANUAL, List.of(Grant.parse("photos:rw")), null, null);
            assertEquals(key.credential(), ring.find(key.accessKeyId()).orElseThrow());
            AccessKey rotated = cli.rotate("laptop");
            assertEquals(rotated.credential(), ring.find(key.accessKeyId()).orElseThrow());
            assertNotEquals(key.credential(), rotated.credential());
            cli.revoke(key.accessKeyId());
            assertTrue(ring.find(key.accessKeyId()).isEmpty());
        }
    }

    @Test
    void unchangedStoreKeepsTheSameVersion() {
        try (KeyStore server = open(); KeyStore cli = open()) {
            long before = server.version();
            assertEquals(before, server.version());
            cli.create("x", KeyKind.MANUAL, List.of(Grant.parse("photos:ro")), null, null);
            assertNotEquals(before, server.version());
        }
    }

    @Test
    void expiredKeysAreRefusedSayingWhenAndRenewalRevivesThem() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        try (KeyStore store = KeyStore.open(state, Clock.fixed(now, ZoneOffset.UTC))) {
            AccessKey key = store.create("job", KeyKind.SESSION, List.of(Grant.parse("b1b:rw")),
                    now.minusSeconds(1), Duration.ofHours(1));
            var ring = new KeyRing(store, List.of(), Clock.fixed(now, ZoneOffset.UTC));
            var e = assertThrows(S3Exception.class, () -> ring.find(key.accessKeyId()));
            assertEquals(S3ErrorCode.EXPIRED_TOKEN, e.code());
            assertTrue(e.getMessage().contains("2025-12-31T23:59:59Z"), e.getMessage());
            assertEquals(now.plus(Duration.ofHours(1)), store.renew("job", null).expires());
            assertTrue(ring.find(key.accessKeyId()).isPresent());
        }
    }

    @Test
    void badGrantsAndUnknownKeysGetClearErrors() {
        try (KeyStore store = open()) {
            var badBucket = assertThrows(IllegalArgumentException.class, () -> GrantRules.parse("Photos:rw"));
            assertTrue(badBucket.getMessage().contains("not a valid bucket name"), badBucket.getMessage());
            var badPrefix = assertThrows(IllegalArgumentException.class, () -> GrantRules.parse("photos/../x:rw"));
            assertTrue(badPrefix.getMessage().contains("cannot be a path segment"), badPrefix.getMessage());
            var unknown = assertThrows(IllegalArgumentException.class, () -> store.revoke("nobody"));
            assertTrue(unknown.getMessage().contains("cubby keys list"), unknown.getMessage());
            store.create("twin", KeyKind.MANUAL, List.of(Grant.parse("photos:ro")), null, null);
            store.create("twin", KeyKind.MANUAL, List.of(Grant.parse("photos:ro")), null, null);
            var ambiguous = assertThrows(IllegalArgumentException.class, () -> store.revoke("twin"));
            assertTrue(ambiguous.getMessage().contains("2 keys are named"), ambiguous.getMessage());
            assertThrows(IllegalArgumentException.class, () -> store.renew(
                    store.create("m", KeyKind.MANUAL, List.of(Grant.parse("photos:ro")), null, null).accessKeyId(), null));
        }
    }

    @Test
    void noFileInTheStateFolderHoldsASecret() throws Exception {
        var secrets = new ArrayList<String>();
        try (KeyStore store = open()) {
            for (int i = 0; i < 5; i++) {
                secrets.add(store.create("k" + i, KeyKind.MANUAL, List.of(Grant.parse("photos:rw")), null, null)
                        .credential().secretAccessKey());
            }
            secrets.add(store.rotate("k0").credential().secretAccessKey());
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(state.resolve(KeyStore.FILE_NAME))));
            assertSecretsNowhere(secrets);
        }
        assertSecretsNowhere(secrets);
    }

    private void assertSecretsNowhere(List<String> secrets) throws Exception {
        try (Stream<Path> files = Files.walk(state)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String secret : secrets) {
                    assertFalse(content.contains(secret), file + " holds a secret");
                    assertFalse(content.contains(Base64.getEncoder().encodeToString(
                            secret.getBytes(StandardCharsets.UTF_8))), file + " holds a secret in base64");
                }
            }
        }
    }

    @Test
    void aPlainTextAdminKeyFileIsMovedIntoTheStoreAndDeleted() throws Exception {
        Path legacy = state.resolve(AdminKey.LEGACY_FILE_NAME);
        Files.writeString(legacy, "access_key_id=CUBKLEGACY0000000000\nsecret_access_key=legacy/secret+0123456789abcdefghijklmnopq\n");
        try (KeyStore store = open()) {
            AdminKey admin = AdminKey.load(store, state, null, null);
            assertTrue(admin.migrated());
            assertFalse(admin.generated());
            assertEquals("CUBKLEGACY0000000000", admin.credential().accessKeyId());
            assertEquals("legacy/secret+0123456789abcdefghijklmnopq", admin.credential().secretAccessKey());
            assertFalse(Files.exists(legacy));
            AdminKey again = AdminKey.load(store, state, null, null);
            assertEquals(admin.credential(), again.credential());
            assertFalse(again.migrated());
        }
    }

    @Test
    void aGeneratedAdminKeyIsStoredSealedAndAnEnvironmentKeyIsNotStored() {
        try (KeyStore store = open()) {
            AdminKey generated = AdminKey.load(store, state, null, null);
            assertTrue(generated.generated());
            assertEquals(generated.credential(), AdminKey.load(store, state, null, null).credential());
            AdminKey fromEnv = AdminKey.load(store, state, "AKIDENV", "envsecret");
            assertEquals("AKIDENV", fromEnv.credential().accessKeyId());
            assertTrue(store.load().stream().noneMatch(k -> k.accessKeyId().equals("AKIDENV")));
        }
    }
}

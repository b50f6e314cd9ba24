package dev.cubby.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the admin key comes from, read from the process environment in one place. */
class AdminKeyTest {
    @TempDir
    Path state;

    @Test
    void anEnvironmentKeyLivesInTheKeyRingOnlyAndAStoredOneInTheStoreOnly() {
        try (KeyStore store = KeyStore.open(state, Clock.systemUTC())) {
            AdminKey fromEnv = AdminKey.load(store, state, Map.of(AdminKey.ACCESS_KEY_ID_VARIABLE, "AKIDENV",
                    AdminKey.SECRET_VARIABLE, "envsecret", "HOME", "/home/x"));
            assertTrue(fromEnv.fromEnvironment());
            assertEquals("AKIDENV", fromEnv.credential().accessKeyId());
            assertEquals(1, fromEnv.inMemoryKeys(Instant.now()).size());

            AdminKey stored = AdminKey.load(store, state, Map.of("HOME", "/home/x"));
            assertFalse(stored.fromEnvironment());
            assertTrue(stored.generated());
            assertEquals(0, stored.inMemoryKeys(Instant.now()).size());
        }
    }

    @Test
    void halfAnEnvironmentKeyIsRefused() {
        try (KeyStore store = KeyStore.open(state, Clock.systemUTC())) {
            var half = assertThrows(IllegalArgumentException.class,
                    () -> AdminKey.load(store, state, Map.of(AdminKey.ACCESS_KEY_ID_VARIABLE, "AKIDENV")));
            assertEquals("set both CUBBY_ACCESS_KEY_ID and CUBBY_SECRET_ACCESS_KEY, or neither", half.getMessage());
        }
    }
}

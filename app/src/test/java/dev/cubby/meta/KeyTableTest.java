package dev.cubby.meta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyTableTest {
    /** The schema as key stores were made before migrations: statements run on every open, no user_version. */
    private static final String SCHEMA_BEFORE_MIGRATIONS = """
            CREATE TABLE IF NOT EXISTS keys (
                access_key_id TEXT PRIMARY KEY,
                name          TEXT NOT NULL,
                kind          TEXT NOT NULL,
                sealed_secret BLOB NOT NULL,
                created_at    INTEGER NOT NULL,
                expires_at    INTEGER,
                ttl_seconds   INTEGER
            );
            CREATE TABLE IF NOT EXISTS grants (
                access_key_id TEXT NOT NULL REFERENCES keys(access_key_id) ON DELETE CASCADE,
                position      INTEGER NOT NULL,
                bucket        TEXT NOT NULL,
                prefix        TEXT NOT NULL,
                access        TEXT NOT NULL CHECK (access IN ('ro', 'rw')),
                exact         INTEGER NOT NULL,
                PRIMARY KEY (access_key_id, position)
            );
            """;

    @TempDir
    Path dir;

    @Test
    void aKeyStoreMadeBeforeMigrationsOpensWithItsKeysAndGrants() throws SQLException {
        Path file = dir.resolve("keys.db");
        try (Connection old = openTheOldWay(file); var statement = old.createStatement()) {
            statement.executeUpdate(SCHEMA_BEFORE_MIGRATIONS);
            statement.executeUpdate("INSERT INTO keys VALUES ('AKOLD1', 'backup', 'manual', x'0102', 1000, 5000, NULL)");
            statement.executeUpdate("INSERT INTO grants VALUES ('AKOLD1', 0, 'photos', '2024/', 'rw', 0)");
            statement.executeUpdate("INSERT INTO grants VALUES ('AKOLD1', 1, 'docs', 'a.txt', 'ro', 1)");
            statement.executeUpdate("INSERT INTO keys VALUES ('AKOLD2', 'admin', 'admin', x'03', 2000, NULL, 60)");
        }

        try (KeyTable table = KeyTable.open(file)) {
            List<KeyRow> keys = table.all();
            assertEquals(List.of("AKOLD1", "AKOLD2"), keys.stream().map(KeyRow::accessKeyId).toList());
            KeyRow backup = keys.get(0);
            assertEquals("backup", backup.name());
            assertEquals("manual", backup.kind());
            assertArrayEquals(new byte[] {1, 2}, backup.sealedSecret());
            assertEquals(1000, backup.createdAt());
            assertEquals(5000L, backup.expiresAt());
            assertEquals(null, backup.ttlSeconds());
            assertEquals(List.of(new KeyRow.GrantRow("photos", "2024/", true, false),
                    new KeyRow.GrantRow("docs", "a.txt", false, true)), backup.grants());
            assertEquals(60L, keys.get(1).ttlSeconds());
            assertEquals(List.of(), keys.get(1).grants());

            table.insert(new KeyRow("AKNEW", "later", "session", new byte[] {4}, 3000, null, null,
                    List.of(new KeyRow.GrantRow("photos", "", false, false))));
            assertFalse(table.find("AKNEW").orElseThrow().createBuckets(), "old rows and plain keys create no buckets");
            table.insert(new KeyRow("AKMAKER", "maker", "manual", new byte[] {5}, 4000, null, null, List.of(), true));
            assertTrue(table.find("AKMAKER").orElseThrow().createBuckets());
            assertTrue(table.delete("AKMAKER"));
            assertTrue(table.delete("AKOLD1"));
            assertEquals(List.of("AKOLD2", "AKNEW"), table.all().stream().map(KeyRow::accessKeyId).toList());
        }
        try (Connection after = openTheOldWay(file); var statement = after.createStatement()) {
            assertEquals(2, intOf(statement, "PRAGMA user_version"), "both migrations ran");
            // the deleted key's grants went with it; the new key's grant is there
            assertEquals(1, intOf(statement, "SELECT count(*) FROM grants"));
        }
        try (KeyTable again = KeyTable.open(file)) {
            assertEquals(List.of("AKOLD2", "AKNEW"), again.all().stream().map(KeyRow::accessKeyId).toList());
        }
    }

    @Test
    void aNewKeyStoreIsPrivateToItsOwnerAndADeletedKeyTakesItsGrants() throws Exception {
        Path file = dir.resolve("keys.db");
        try (KeyTable table = KeyTable.open(file)) {
            table.insert(new KeyRow("AK1", "one", "manual", new byte[] {1}, 1, null, null,
                    List.of(new KeyRow.GrantRow("b", "p/", true, false))));
            assertTrue(table.delete("AK1"));
            // the same id again: its old grant rows must be gone, or their primary key would clash
            table.insert(new KeyRow("AK1", "one", "manual", new byte[] {1}, 1, null, null,
                    List.of(new KeyRow.GrantRow("c", "", false, false))));
            assertEquals(List.of(new KeyRow.GrantRow("c", "", false, false)), table.all().getFirst().grants());
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aKeyStoreFromANewerCubbyIsRefusedNotMisread() throws SQLException {
        Path file = dir.resolve("keys.db");
        try (Connection newer = openTheOldWay(file); var statement = newer.createStatement()) {
            statement.execute("PRAGMA user_version = 99");
        }
        var refused = assertThrows(SidecarException.class, () -> KeyTable.open(file));
        assertTrue(refused.getMessage().contains("the key store was written by a newer Cubby"), refused.getMessage());
    }

    @Test
    void theVersionChangesWithEveryWriteOfThisOrAnotherProcessAndOnlyThen() {
        Path file = dir.resolve("keys.db");
        try (KeyTable server = KeyTable.open(file); KeyTable cli = KeyTable.open(file)) {
            long start = server.version();
            assertEquals(start, server.version());
            cli.insert(new KeyRow("AK1", "one", "manual", new byte[] {1}, 1, null, null, List.of()));
            long afterOther = server.version();
            assertNotEquals(start, afterOther);
            server.updateExpiry("AK1", 99L);
            long afterOwn = server.version();
            assertNotEquals(afterOther, afterOwn);
            assertEquals(afterOwn, server.version());
        }
    }

    private static Connection openTheOldWay(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    private static int intOf(java.sql.Statement statement, String sql) throws SQLException {
        try (var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

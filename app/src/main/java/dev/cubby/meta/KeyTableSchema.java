package dev.cubby.meta;

import java.util.List;

/**
 * The key store's tables, as an ordered list of migrations ({@link SqliteSchema} applies them):
 * a migration once released is never changed, only followed by a new one.
 */
final class KeyTableSchema {
    private static final List<List<String>> MIGRATIONS = List.of(
            // IF NOT EXISTS: key stores made before migrations have these tables at version 0;
            // this first migration adopts them as they are.
            List.of(
                """
                CREATE TABLE IF NOT EXISTS keys (
                    access_key_id TEXT PRIMARY KEY,
                    name          TEXT NOT NULL,
                    kind          TEXT NOT NULL,
                    sealed_secret BLOB NOT NULL,
                    created_at    INTEGER NOT NULL,
                    expires_at    INTEGER,
                    ttl_seconds   INTEGER
                )""",
                """
                CREATE TABLE IF NOT EXISTS grants (
                    access_key_id TEXT NOT NULL REFERENCES keys(access_key_id) ON DELETE CASCADE,
                    position      INTEGER NOT NULL,
                    bucket        TEXT NOT NULL,
                    prefix        TEXT NOT NULL,
                    access        TEXT NOT NULL CHECK (access IN ('ro', 'rw')),
                    exact         INTEGER NOT NULL,
                    PRIMARY KEY (access_key_id, position)
                )"""
            ),
            // keys that may create buckets of their own (cubby keys create --create-buckets)
            List.of("ALTER TABLE keys ADD COLUMN create_buckets INTEGER NOT NULL DEFAULT 0")
            );

    /** The key store's schema, for {@link SqliteConnections}. */
    static final SqliteSchema SCHEMA = new SqliteSchema("key store", MIGRATIONS);

    private KeyTableSchema() {
    }
}

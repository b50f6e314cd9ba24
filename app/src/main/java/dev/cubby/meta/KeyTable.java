package dev.cubby.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key store's SQLite file (in the state directory, mode 0600): a {@code keys} table and a
 * {@code grants} table. Several processes share it: the server reads, {@code cubby keys} writes.
 * {@link #version()} tells the server cheaply whether anything changed since it last looked.
 */
public final class KeyTable implements AutoCloseable {
    private static final String SCHEMA = """
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

    private final Connection connection;
    private final PreparedStatement dataVersion;
    private long ownWrites;

    private KeyTable(Connection connection) throws SQLException {
        this.connection = connection;
        this.dataVersion = connection.prepareStatement("PRAGMA data_version");
    }

    /** Opens (creating it 0600 if new) the key store file. */
    public static KeyTable open(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    // another process made it first
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key store " + file, e);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
                statement.executeUpdate(SCHEMA);
            }
            return new KeyTable(connection);
        } catch (SQLException e) {
            throw new SidecarException("cannot open the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Changes whenever any process committed a change to the store since the last call, or this
     * one did: SQLite's {@code data_version} (which counts other connections' commits) plus this
     * connection's own writes.
     */
    public synchronized long version() {
        try (ResultSet rows = dataVersion.executeQuery()) {
            rows.next();
            return (rows.getLong(1) << 32) + ownWrites;
        } catch (SQLException e) {
            throw new SidecarException("cannot read the key store's version: " + e.getMessage(), e);
        }
    }

    public synchronized List<KeyRow> all() {
        try {
            Map<String, List<KeyRow.GrantRow>> grants = new LinkedHashMap<>();
            try (var statement = connection.prepareStatement(
                    "SELECT access_key_id, bucket, prefix, access, exact FROM grants ORDER BY access_key_id, position");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    grants.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new KeyRow.GrantRow(
                            rows.getString(2), rows.getString(3), rows.getString(4).equals("rw"), rows.getInt(5) != 0));
                }
            }
            var keys = new ArrayList<KeyRow>();
            try (var statement = connection.prepareStatement("SELECT access_key_id, name, kind, sealed_secret, "
                    + "created_at, expires_at, ttl_seconds FROM keys ORDER BY created_at, access_key_id");
                 ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    keys.add(new KeyRow(id, rows.getString(2), rows.getString(3), rows.getBytes(4), rows.getLong(5),
                            nullableLong(rows, 6), nullableLong(rows, 7), grants.getOrDefault(id, List.of())));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new SidecarException("cannot read the key store: " + e.getMessage(), e);
        }
    }

    public Optional<KeyRow> find(String accessKeyId) {
        return all().stream().filter(row -> row.accessKeyId().equals(accessKeyId)).findFirst();
    }

    public synchronized void insert(KeyRow row) {
        write(() -> {
            try (var statement = connection.prepareStatement("INSERT INTO keys (access_key_id, name, kind, "
                    + "sealed_secret, created_at, expires_at, ttl_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                statement.setString(1, row.accessKeyId());
                statement.setString(2, row.name());
                statement.setString(3, row.kind());
                statement.setBytes(4, row.sealedSecret());
                statement.setLong(5, row.createdAt());
                setNullableLong(statement, 6, row.expiresAt());
                setNullableLong(statement, 7, row.ttlSeconds());
                statement.executeUpdate();
            }
            try (var statement = connection.prepareStatement("INSERT INTO grants (access_key_id, position, bucket, "
                    + "prefix, access, exact) VALUES (?, ?, ?, ?, ?, ?)")) {
                int position = 0;
                for (KeyRow.GrantRow grant : row.grants()) {
                    statement.setString(1, row.accessKeyId());
                    statement.setInt(2, position++);
                    statement.setString(3, grant.bucket());
                    statement.setString(4, grant.prefix());
                    statement.setString(5, grant.write() ? "rw" : "ro");
                    statement.setInt(6, grant.exact() ? 1 : 0);
                    statement.executeUpdate();
                }
            }
            return 1;
        });
    }

    /** @return whether the key existed */
    public synchronized boolean delete(String accessKeyId) {
        return write(() -> {
            try (var statement = connection.prepareStatement("DELETE FROM keys WHERE access_key_id = ?")) {
                statement.setString(1, accessKeyId);
                return statement.executeUpdate();
            }
        }) > 0;
    }

    public synchronized boolean updateSecret(String accessKeyId, byte[] sealedSecret) {
        return write(() -> {
            try (var statement = connection.prepareStatement(
                    "UPDATE keys SET sealed_secret = ? WHERE access_key_id = ?")) {
                statement.setBytes(1, sealedSecret);
                statement.setString(2, accessKeyId);
                return statement.executeUpdate();
            }
        }) > 0;
    }

    public synchronized boolean updateExpiry(String accessKeyId, Long expiresAt) {
        return write(() -> {
            try (var statement = connection.prepareStatement("UPDATE keys SET expires_at = ? WHERE access_key_id = ?")) {
                setNullableLong(statement, 1, expiresAt);
                statement.setString(2, accessKeyId);
                return statement.executeUpdate();
            }
        }) > 0;
    }

    @FunctionalInterface
    private interface Work {
        int run() throws SQLException;
    }

    /** One transaction; a failure leaves the store as it was. */
    private int write(Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                int changed = work.run();
                connection.commit();
                ownWrites++;
                return changed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new SidecarException("cannot write the key store: " + e.getMessage(), e);
        }
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void setNullableLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setLong(index, value);
        }
    }

    @Override
    public synchronized void close() {
        try {
            dataVersion.close();
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown
        }
    }
}

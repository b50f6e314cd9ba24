package dev.cubby.meta;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The key store's SQLite file (in the state directory, mode 0600): a {@code keys} table and a
 * {@code grants} table ({@link KeyTableSchema}). Several processes share it: the server reads,
 * {@code cubby keys} writes. {@link #version()} tells the server cheaply whether anything changed
 * since it last looked. Every write is durable before it returns: a revoked key stays revoked
 * through a power cut.
 */
public final class KeyTable implements AutoCloseable {
    private static final String DATA_VERSION = "PRAGMA data_version";
    private static final String SELECT_GRANTS =
            "SELECT access_key_id, bucket, prefix, access, exact FROM grants ORDER BY access_key_id, position";
    private static final String SELECT_KEYS = "SELECT access_key_id, name, kind, sealed_secret, created_at, "
            + "expires_at, ttl_seconds, create_buckets FROM keys ORDER BY created_at, access_key_id";
    private static final String INSERT_KEY = "INSERT INTO keys (access_key_id, name, kind, sealed_secret, "
            + "created_at, expires_at, ttl_seconds, create_buckets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_GRANT = "INSERT INTO grants (access_key_id, position, bucket, prefix, "
            + "access, exact) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String DELETE_KEY = "DELETE FROM keys WHERE access_key_id = ?";
    private static final String UPDATE_SECRET = "UPDATE keys SET sealed_secret = ? WHERE access_key_id = ?";
    private static final String UPDATE_EXPIRY = "UPDATE keys SET expires_at = ? WHERE access_key_id = ?";

    private final SqliteConnections connections;
    private final AtomicLong ownWrites = new AtomicLong();

    private KeyTable(SqliteConnections connections) {
        this.connections = connections;
    }

    /** Opens (creating it 0600 if new) the key store file. */
    public static KeyTable open(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (FileAlreadyExistsException raced) {
                    // another process made it first
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the key store " + file, e);
        }
        try {
            // One reader: data_version is counted per connection, so version() must always ask the same one.
            return new KeyTable(new SqliteConnections(file, KeyTableSchema.SCHEMA, 1));
        } catch (SQLException e) {
            throw new SidecarException("cannot open the key store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Changes whenever any process committed a change to the store since the last call, or this
     * one did: SQLite's {@code data_version} on the one reader (which counts other connections'
     * commits) plus this table's own writes.
     */
    public long version() {
        long dataVersion = connections.read(c -> {
            try (ResultSet rows = c.statement(DATA_VERSION).executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        return (dataVersion << 32) + ownWrites.get();
    }

    public List<KeyRow> all() {
        return connections.read(c -> {
            Map<String, List<KeyRow.GrantRow>> grants = new LinkedHashMap<>();
            try (ResultSet rows = c.statement(SELECT_GRANTS).executeQuery()) {
                while (rows.next()) {
                    grants.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(new KeyRow.GrantRow(
                            rows.getString(2), rows.getString(3), rows.getString(4).equals("rw"), rows.getInt(5) != 0));
                }
            }
            var keys = new ArrayList<KeyRow>();
            try (ResultSet rows = c.statement(SELECT_KEYS).executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    keys.add(new KeyRow(id, rows.getString(2), rows.getString(3), rows.getBytes(4), rows.getLong(5),
                            nullableLong(rows, 6), nullableLong(rows, 7), grants.getOrDefault(id, List.of()),
                            rows.getInt(8) != 0));
                }
            }
            return keys;
        });
    }

    public Optional<KeyRow> find(String accessKeyId) {
        return all().stream().filter(row -> row.accessKeyId().equals(accessKeyId)).findFirst();
    }

    public void insert(KeyRow row) {
        write(c -> {
            PreparedStatement key = c.statement(INSERT_KEY);
            key.setString(1, row.accessKeyId());
            key.setString(2, row.name());
            key.setString(3, row.kind());
            key.setBytes(4, row.sealedSecret());
            key.setLong(5, row.createdAt());
            setNullableLong(key, 6, row.expiresAt());
            setNullableLong(key, 7, row.ttlSeconds());
            key.setInt(8, row.createBuckets() ? 1 : 0);
            key.executeUpdate();
            PreparedStatement grant = c.statement(INSERT_GRANT);
            int position = 0;
            for (KeyRow.GrantRow g : row.grants()) {
                grant.setString(1, row.accessKeyId());
                grant.setInt(2, position++);
                grant.setString(3, g.bucket());
                grant.setString(4, g.prefix());
                grant.setString(5, g.write() ? "rw" : "ro");
                grant.setInt(6, g.exact() ? 1 : 0);
                grant.executeUpdate();
            }
            return 1;
        });
    }

    /** @return whether the key existed; its grants go with it */
    public boolean delete(String accessKeyId) {
        return write(c -> {
            PreparedStatement statement = c.statement(DELETE_KEY);
            statement.setString(1, accessKeyId);
            return statement.executeUpdate();
        }) > 0;
    }

    public boolean updateSecret(String accessKeyId, byte[] sealedSecret) {
        return write(c -> {
            PreparedStatement statement = c.statement(UPDATE_SECRET);
            statement.setBytes(1, sealedSecret);
            statement.setString(2, accessKeyId);
            return statement.executeUpdate();
        }) > 0;
    }

    public boolean updateExpiry(String accessKeyId, Long expiresAt) {
        return write(c -> {
            PreparedStatement statement = c.statement(UPDATE_EXPIRY);
            setNullableLong(statement, 1, expiresAt);
            statement.setString(2, accessKeyId);
            return statement.executeUpdate();
        }) > 0;
    }

    /** One durable transaction; a failure leaves the store as it was. Returns the rows changed. */
    private int write(SqliteConnections.Work<Integer> work) {
        int changed = connections.writeDurably(c -> c.inTransaction(work));
        ownWrites.incrementAndGet();
        return changed;
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
    public void close() {
        connections.close();
    }
}

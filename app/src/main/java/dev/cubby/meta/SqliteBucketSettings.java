package dev.cubby.meta;

import java.sql.SQLException;
import java.util.Optional;

/** {@link BucketSettings} in the SQLite sidecar: one row per bucket and setting name. */
final class SqliteBucketSettings implements BucketSettings {
    private static final String FIND = "SELECT value FROM bucket_settings WHERE bucket = ? AND name = ?";
    private static final String PUT = "INSERT INTO bucket_settings (bucket, name, value) VALUES (?, ?, ?) "
            + "ON CONFLICT (bucket, name) DO UPDATE SET value = excluded.value";
    private static final String DELETE = "DELETE FROM bucket_settings WHERE bucket = ? AND name = ?";
    private static final String FORGET_BUCKET = "DELETE FROM bucket_settings WHERE bucket = ?";

    private final SqliteConnections connections;

    SqliteBucketSettings(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public Optional<String> find(String bucket, String name) {
        return connections.read(c -> {
            var ps = c.statement(FIND);
            ps.setString(1, bucket);
            ps.setString(2, name);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    @Override
    public void put(String bucket, String name, String value) {
        connections.write(c -> {
            var ps = c.statement(PUT);
            ps.setString(1, bucket);
            ps.setString(2, name);
            ps.setString(3, value);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public boolean delete(String bucket, String name) {
        return connections.write(c -> {
            var ps = c.statement(DELETE);
            ps.setString(1, bucket);
            ps.setString(2, name);
            return ps.executeUpdate() > 0;
        });
    }

    static void forgetBucket(PooledConnection c, String bucket) throws SQLException {
        c.update(FORGET_BUCKET, bucket);
    }
}

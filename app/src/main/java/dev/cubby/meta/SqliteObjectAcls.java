package dev.cubby.meta;

import java.sql.SQLException;
import java.util.Optional;

/**
 * {@link ObjectAcls} in the SQLite sidecar, one row per object. {@link SqliteSidecar} forgets a
 * row whenever it replaces or deletes the object's row, as it does tags.
 */
final class SqliteObjectAcls implements ObjectAcls {
    private static final String FIND = "SELECT owner, acl FROM object_acls WHERE bucket = ? AND key = ?";
    private static final String PUT = "INSERT INTO object_acls (bucket, key, owner, acl) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (bucket, key) DO UPDATE SET owner = excluded.owner, acl = excluded.acl";
    private static final String ANY = "SELECT 1 FROM object_acls WHERE bucket = ? LIMIT 1";
    private static final String FORGET = "DELETE FROM object_acls WHERE bucket = ? AND key = ?";
    private static final String FORGET_BUCKET = "DELETE FROM object_acls WHERE bucket = ?";

    private final SqliteConnections connections;

    SqliteObjectAcls(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public Optional<Entry> find(String bucket, String key) {
        return connections.read(c -> {
            var ps = c.statement(FIND);
            ps.setString(1, bucket);
            ps.setString(2, key);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Entry(rs.getString(1), rs.getString(2))) : Optional.<Entry>empty();
            }
        });
    }

    @Override
    public boolean anyIn(String bucket) {
        return connections.read(c -> {
            var ps = c.statement(ANY);
            ps.setString(1, bucket);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    @Override
    public void put(String bucket, String key, Entry entry) {
        connections.write(c -> {
            var ps = c.statement(PUT);
            ps.setString(1, bucket);
            ps.setString(2, key);
            ps.setString(3, entry.owner());
            ps.setString(4, entry.acl());
            ps.executeUpdate();
            return null;
        });
    }

    static void forget(PooledConnection c, String bucket, String key) throws SQLException {
        c.update(FORGET, bucket, key);
    }

    static void forgetBucket(PooledConnection c, String bucket) throws SQLException {
        c.update(FORGET_BUCKET, bucket);
    }
}

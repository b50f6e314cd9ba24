package dev.cubby.meta;

import java.sql.SQLException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Object tags in the SQLite sidecar, one row per tag. Tags belong to the object version a row
 * describes, so {@link SqliteSidecar} forgets them whenever it replaces or deletes that row.
 */
final class SqliteTags implements TagState {
    private static final String FIND = "SELECT tag_key, tag_value FROM object_tags WHERE bucket = ? AND key = ? "
            + "ORDER BY tag_key";
    private static final String INSERT = "INSERT INTO object_tags (bucket, key, tag_key, tag_value) VALUES (?, ?, ?, ?)";
    private static final String FORGET = "DELETE FROM object_tags WHERE bucket = ? AND key = ?";
    private static final String FORGET_BUCKET = "DELETE FROM object_tags WHERE bucket = ?";

    private final SqliteConnections connections;

    SqliteTags(SqliteConnections connections) {
        this.connections = connections;
    }

    @Override
    public SortedMap<String, String> find(String bucket, String key) {
        return connections.read(c -> {
            var ps = c.statement(FIND);
            ps.setString(1, bucket);
            ps.setString(2, key);
            var tags = new TreeMap<String, String>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.put(rs.getString(1), rs.getString(2));
                }
            }
            return tags;
        });
    }

    /** Replaces all of an object's tags in one transaction, so readers never see half a set. */
    @Override
    public void replace(String bucket, String key, Map<String, String> tags) {
        connections.write(c -> c.inTransaction(t -> {
            forget(t, bucket, key);
            var ps = t.statement(INSERT);
            for (Map.Entry<String, String> tag : tags.entrySet()) {
                ps.setString(1, bucket);
                ps.setString(2, key);
                ps.setString(3, tag.getKey());
                ps.setString(4, tag.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        }));
    }

    static void forget(PooledConnection c, String bucket, String key) throws SQLException {
        c.update(FORGET, bucket, key);
    }

    static void forgetBucket(PooledConnection c, String bucket) throws SQLException {
        c.update(FORGET_BUCKET, bucket);
    }
}

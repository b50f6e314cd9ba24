package dev.cubby.meta;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Object tags in the SQLite sidecar, one row per tag. Tags belong to the object version a row
 * describes, so {@link SqliteSidecar} forgets them whenever it replaces or deletes that row.
 */
final class SqliteTags {
    private final SqliteConnections connections;

    SqliteTags(SqliteConnections connections) {
        this.connections = connections;
    }

    SortedMap<String, String> find(String bucket, String key) {
        return connections.read(c -> {
            try (var ps = c.prepareStatement(
                    "SELECT tag_key, tag_value FROM object_tags WHERE bucket = ? AND key = ? ORDER BY tag_key")) {
                ps.setString(1, bucket);
                ps.setString(2, key);
                var tags = new TreeMap<String, String>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tags.put(rs.getString(1), rs.getString(2));
                    }
                }
                return tags;
            }
        });
    }

    /** Replaces all of an object's tags in one transaction, so readers never see half a set. */
    void replace(String bucket, String key, Map<String, String> tags) {
        connections.write(c -> {
            c.setAutoCommit(false);
            try {
                forget(c, bucket, key);
                try (var ps = c.prepareStatement(
                        "INSERT INTO object_tags (bucket, key, tag_key, tag_value) VALUES (?, ?, ?, ?)")) {
                    for (Map.Entry<String, String> tag : tags.entrySet()) {
                        ps.setString(1, bucket);
                        ps.setString(2, key);
                        ps.setString(3, tag.getKey());
                        ps.setString(4, tag.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return null;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    static void forget(Connection c, String bucket, String key) throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM object_tags WHERE bucket = ? AND key = ?")) {
            ps.setString(1, bucket);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    static void forgetBucket(Connection c, String bucket) throws SQLException {
        try (var ps = c.prepareStatement("DELETE FROM object_tags WHERE bucket = ?")) {
            ps.setString(1, bucket);
            ps.executeUpdate();
        }
    }
}

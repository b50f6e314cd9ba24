package dev.cubby.meta;

import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * Renames in the SQLite sidecar: the rows of a key, or of every key under a folder, follow the
 * file or folder to its new name, with their tags and implicit-folder marks, in one transaction.
 * Rows already at the new name describe files the rename replaced, so they go first.
 */
final class SqliteMoves {
    private static final String[] TABLES = {"objects", "object_tags", "object_acls", "implicit_folders"};
    /** The tables besides {@code objects} whose rows are keyed by bucket and key alone. */
    private static final String[] KEYED_TABLES = {"object_tags", "object_acls", "implicit_folders"};

    private final SqliteConnections connections;

    SqliteMoves(SqliteConnections connections) {
        this.connections = connections;
    }

    /** Moves the rows, committed only if {@code stillMoved} holds once the statements hold SQLite's lock. */
    boolean move(String fromBucket, String fromKey, String toBucket, String toKey, BooleanSupplier stillMoved) {
        return connections.write(c -> c.inTransactionIf(t -> {
            for (String table : TABLES) {
                exact(t, "DELETE FROM " + table + " WHERE bucket = ? AND key = ?", toBucket, toKey);
            }
            if (fromKey.endsWith("/")) {
                moveChildren(t, fromBucket, fromKey, toBucket, toKey);
            }
            var row = t.statement("UPDATE objects SET bucket = ?, key = ?, parent = ?, name = ? "
                    + "WHERE bucket = ? AND key = ?");
            row.setString(1, toBucket);
            row.setString(2, toKey);
            ObjectRows.bindParentAndName(row, 3, toKey);
            row.setString(5, fromBucket);
            row.setString(6, fromKey);
            row.executeUpdate();
            for (String table : KEYED_TABLES) {
                var ps = t.statement("UPDATE " + table + " SET bucket = ?, key = ? WHERE bucket = ? AND key = ?");
                ps.setString(1, toBucket);
                ps.setString(2, toKey);
                ps.setString(3, fromBucket);
                ps.setString(4, fromKey);
                ps.executeUpdate();
            }
            return stillMoved.getAsBoolean();
        }));
    }

    /** Every key strictly under the folder {@code from} (which ends in '/') moves under {@code to}. */
    private static void moveChildren(PooledConnection t, String fromBucket, String from, String toBucket, String to)
            throws SQLException {
        for (String table : TABLES) {
            var clear = t.statement("DELETE FROM " + table + " WHERE bucket = ? AND substr(key, 1, ?) = ? AND key <> ?");
            clear.setString(1, toBucket);
            clear.setInt(2, to.length());
            clear.setString(3, to);
            clear.setString(4, to);
            clear.executeUpdate();
        }
        var rows = t.statement("UPDATE objects SET bucket = ?, key = ? || substr(key, ?), parent = ? || substr(parent, ?) "
                + "WHERE bucket = ? AND substr(key, 1, ?) = ? AND key <> ?");
        rows.setString(1, toBucket);
        rows.setString(2, to);
        rows.setInt(3, from.length() + 1);
        rows.setString(4, to);
        rows.setInt(5, from.length() + 1);
        rows.setString(6, fromBucket);
        rows.setInt(7, from.length());
        rows.setString(8, from);
        rows.setString(9, from);
        rows.executeUpdate();
        for (String table : KEYED_TABLES) {
            var ps = t.statement("UPDATE " + table + " SET bucket = ?, key = ? || substr(key, ?) "
                    + "WHERE bucket = ? AND substr(key, 1, ?) = ? AND key <> ?");
            ps.setString(1, toBucket);
            ps.setString(2, to);
            ps.setInt(3, from.length() + 1);
            ps.setString(4, fromBucket);
            ps.setInt(5, from.length());
            ps.setString(6, from);
            ps.setString(7, from);
            ps.executeUpdate();
        }
    }

    private static void exact(PooledConnection t, String sql, String bucket, String key) throws SQLException {
        var ps = t.statement(sql);
        ps.setString(1, bucket);
        ps.setString(2, key);
        ps.executeUpdate();
    }
}

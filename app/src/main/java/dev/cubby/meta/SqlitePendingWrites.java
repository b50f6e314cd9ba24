package dev.cubby.meta;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pending writes in the SQLite sidecar (see {@link PendingWrite}). One is recorded per publish
 * and forgotten in the same commit that writes its object row, so a PUT costs two commits.
 */
final class SqlitePendingWrites {
    private static final String RECORD = "INSERT INTO pending_writes (" + ObjectRows.COLUMNS
            + ", id, staged_file, owner_pid) VALUES (" + ObjectRows.PLACEHOLDERS + ", ?, ?, ?)";
    private static final String SELECT = "SELECT " + ObjectRows.COLUMNS + ", id, staged_file, owner_pid FROM pending_writes";
    private static final String FIND = SELECT + " WHERE bucket = ? AND key = ?";
    private static final String FORGET = "DELETE FROM pending_writes WHERE id = ?";

    private final SqliteConnections connections;

    SqlitePendingWrites(SqliteConnections connections) {
        this.connections = connections;
    }

    void record(PendingWrite write) {
        connections.writeDurably(c -> {
            var ps = c.statement(RECORD);
            ObjectRows.bind(ps, write.row());
            ps.setString(ObjectRows.NEXT, write.id());
            ps.setString(ObjectRows.NEXT + 1, write.stagedFile());
            ps.setLong(ObjectRows.NEXT + 2, write.ownerPid());
            return ps.executeUpdate();
        });
    }

    /** Forgets the pending write on the connection of a transaction that is open. */
    static void forget(PooledConnection c, String id) throws SQLException {
        var ps = c.statement(FORGET);
        ps.setString(1, id);
        ps.executeUpdate();
    }

    void forget(String id) {
        connections.write(c -> {
            forget(c, id);
            return null;
        });
    }

    List<PendingWrite> find(String bucket, String key) {
        return connections.read(c -> {
            var ps = c.statement(FIND);
            ps.setString(1, bucket);
            ps.setString(2, key);
            return readAll(ps);
        });
    }

    List<PendingWrite> all() {
        return connections.read(c -> readAll(c.statement(SELECT)));
    }

    private static List<PendingWrite> readAll(java.sql.PreparedStatement ps) throws SQLException {
        var writes = new ArrayList<PendingWrite>();
        try (var rs = ps.executeQuery()) {
            while (rs.next()) {
                writes.add(new PendingWrite(rs.getString(ObjectRows.NEXT), ObjectRows.read(rs),
                        rs.getString(ObjectRows.NEXT + 1), rs.getLong(ObjectRows.NEXT + 2)));
            }
        }
        return writes;
    }
}

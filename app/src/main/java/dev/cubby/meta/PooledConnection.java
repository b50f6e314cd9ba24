package dev.cubby.meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One SQLite connection of the pool and the statements compiled on it. SQLite compiles SQL on
 * every {@code prepareStatement}, which cost more than the lookup it served; here each SQL text
 * is compiled once per connection and reused for the life of the pool.
 *
 * <p>The contract for callers: a statement from {@link #statement} comes with no parameters and
 * no batch; bind every parameter, close the {@link java.sql.ResultSet}s it gives (that resets
 * the statement, ending its read of the database), and never close the statement itself: the
 * pool does that when it closes. A connection is used by one thread at a time (the pool hands
 * it out), so the cache needs no locking.
 */
final class PooledConnection implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    PooledConnection(Connection connection) {
        this.connection = connection;
    }

    /** The compiled statement for {@code sql}, compiled now if this connection has not seen it. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
            return statement;
        }
        statement.clearParameters();
        statement.clearBatch();
        return statement;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none when it throws. */
    <T> T inTransaction(SqliteConnections.Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run(this);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns true and rolled back when
     * it returns false or throws. Returns what the work returned.
     */
    boolean inTransactionIf(SqliteConnections.Work<Boolean> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            boolean keep = work.run(this);
            if (keep) {
                connection.commit();
            } else {
                connection.rollback();
            }
            return keep;
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** How many statements this connection holds compiled; for tests. */
    int cachedStatements() {
        return statements.size();
    }

    /** Closes the statements, then the connection. */
    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // closing on shutdown; the connection's close below finalises what is left
            }
        }
        statements.clear();
        connection.close();
    }
}

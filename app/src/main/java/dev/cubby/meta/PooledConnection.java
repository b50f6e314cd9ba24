package dev.cubby.meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * One SQLite connection of the pool and the statements compiled on it. SQLite compiles SQL on
 * every {@code prepareStatement}, which cost more than the lookup it served; here each SQL text
 * is compiled once per connection and reused for the life of the connection.
 *
 * <p>The contract for callers: a statement from {@link #statement} comes with no parameters and
 * no batch; bind every parameter, close the {@link java.sql.ResultSet}s it gives (that resets
 * the statement, ending its read of the database), and never close the statement itself: the
 * pool does that when it closes. A connection is used by one thread at a time (the pool hands
 * it out), so the cache needs no locking.
 *
 * <p>A connection on which SQLite failed is not trusted again: after SQLITE_FULL, for one,
 * SQLite may have rolled the transaction back by itself and left statements finalised, so the
 * next caller would get "statement is not executing". The pool calls {@link #discardIfFailed}
 * after each use; the next use opens a fresh connection.
 */
final class PooledConnection implements AutoCloseable {
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private Connection connection;
    private boolean failed;
    private boolean closed;

    PooledConnection(Connection connection, Opener opener) {
        this.connection = connection;
        this.opener = opener;
    }

    /** Runs a statement whose parameters are all text, in order; returns the rows it changed. */
    int update(String sql, String... args) throws SQLException {
        var ps = statement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setString(i + 1, args[i]);
        }
        return ps.executeUpdate();
    }

    /** The compiled statement for {@code sql}, compiled now if this connection has not seen it. */
    PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection().prepareStatement(sql);
            statements.put(sql, statement);
            return statement;
        }
        statement.clearParameters();
        statement.clearBatch();
        return statement;
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none when it throws. */
    <T> T inTransaction(SqliteConnections.Work<T> work) throws SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        T result;
        try {
            result = work.run(this);
            c.commit();
        } catch (SQLException | RuntimeException | Error e) {
            rollbackAfter(c, e);
            throw e;
        }
        c.setAutoCommit(true);
        return result;
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns true and rolled back when
     * it returns false or throws. Returns what the work returned.
     */
    boolean inTransactionIf(SqliteConnections.Work<Boolean> work) throws SQLException {
        Connection c = connection();
        c.setAutoCommit(false);
        boolean keep;
        try {
            keep = work.run(this);
            if (keep) {
                c.commit();
            } else {
                c.rollback();
            }
        } catch (SQLException | RuntimeException | Error e) {
            rollbackAfter(c, e);
            throw e;
        }
        c.setAutoCommit(true);
        return keep;
    }

    /**
     * Undoes a failed transaction without hiding why it failed: SQLite may have rolled it back
     * already (SQLITE_FULL does), so rolling back again can fail too; that failure is attached
     * to the first one, and the connection is then not used again.
     */
    private void rollbackAfter(Connection c, Throwable cause) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
            failed = true;
        }
    }

    /** Marks this connection as one that SQLite failed on; the pool discards it after this use. */
    void failed() {
        failed = true;
    }

    /** Closes the connection if SQLite failed on it, so that the next use starts on a fresh one. */
    void discardIfFailed() {
        if (failed) {
            closeQuietly();
            failed = false;
        }
    }

    /** How many statements this connection holds compiled; for tests. */
    int cachedStatements() {
        return statements.size();
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            if (closed) {
                throw new SQLException("the sidecar is closed");
            }
            connection = opener.open();
        }
        return connection;
    }

    private void closeQuietly() {
        try {
            closeConnection();
        } catch (SQLException ignored) {
            // a connection being discarded for a failure; the failure itself was reported
        }
    }

    /** Closes the statements, then the connection, for good (the pool is closing). */
    @Override
    public void close() throws SQLException {
        closed = true;
        closeConnection();
    }

    private void closeConnection() throws SQLException {
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection's close below finalises what is left
            }
        }
        statements.clear();
        Connection closing = connection;
        connection = null;
        if (closing != null) {
            closing.close();
        }
    }
}

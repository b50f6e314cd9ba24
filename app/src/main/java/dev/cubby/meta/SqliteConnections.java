package dev.cubby.meta;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import org.sqlite.SQLiteConfig;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one way Cubby opens an SQLite database (the sidecar, the key store): its schema migrated
 * on open ({@link SqliteSchema}), then connections for many virtual threads: one writer behind a
 * lock (SQLite has a single writer anyway, and waiting on a lock is cheaper than on SQLITE_BUSY),
 * and a small pool of readers that WAL mode lets run beside the writer. Each connection keeps its compiled
 * statements ({@link PooledConnection}); closing the pool closes them with the connections.
 */
final class SqliteConnections implements AutoCloseable {
    private final PooledConnection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<PooledConnection> readers;
    private final Path database;
    private final int readerCount;
    private static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(5);
    private final String name;

    @FunctionalInterface
    interface Work<T> {
        T run(PooledConnection connection) throws SQLException;
    }

    SqliteConnections(Path database, SqliteSchema schema, int readerCount) throws SQLException {
        this.database = database;
        this.readerCount = readerCount;
        this.name = schema.name();
        String url = "jdbc:sqlite:" + database.toAbsolutePath();
        Connection first = open(url, true);
        try {
            schema.migrate(first);
        } catch (SQLException | RuntimeException e) {
            first.close();
            throw e;
        }
        writer = pooled(first, url, true);
        readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            readers.add(pooled(open(url, false), url, false));
        }
    }

    /**
     * The writer's transactions begin IMMEDIATE: one that reads before it writes (a
     * compare-and-set) would otherwise fail at once with SQLITE_BUSY, without waiting, when
     * another process (the mount, cubby keys) wrote since its read began.
     */
    private static Connection open(String url, boolean writes) throws SQLException {
        var config = new SQLiteConfig();
        if (writes) {
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        Connection connection = DriverManager.getConnection(url, config.toProperties());
        try (var statement = connection.createStatement()) {
            // first, so that another process holding the file (cubby keys beside the server) is waited for
            statement.execute("PRAGMA busy_timeout = 10000");
            statement.execute("PRAGMA journal_mode = WAL");
            // NORMAL in WAL mode never corrupts; a power cut may lose the last commits, which for
            // the sidecar fingerprints turn into a re-hash rather than a wrong ETag. What must
            // survive one is written with writeDurably.
            statement.execute("PRAGMA synchronous = NORMAL");
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    private PooledConnection pooled(Connection connection, String url, boolean writes) {
        return new PooledConnection(connection, () -> open(url, writes));
    }

    <T> T read(Work<T> work) {
        PooledConnection connection;
        try {
            connection = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SidecarException("interrupted while waiting for a " + name + " connection", e);
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(connection, name + " read failed", e);
        } finally {
            connection.discardIfFailed();
            readers.add(connection);
        }
    }

    <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            return work.run(writer);
        } catch (SQLException e) {
            throw failure(writer, name + " write failed", e);
        } finally {
            writer.discardIfFailed();
            writeLock.unlock();
        }
    }

    /** SQLite failed on {@code connection}: it is replaced, and the failure says whether the disk is full. */
    private SidecarException failure(PooledConnection connection, String what, SQLException e) {
        connection.failed();
        return new SidecarException(what + ": " + e.getMessage(), e, SqliteDiskFull.isCause(e, database));
    }

    /**
     * As {@link #write}, with the commit on disk before this returns (the WAL is fsynced, and with
     * it every commit before). For what must be durable before a rename on disk: a pending write
     * is recorded this way, then its file renamed and the folder fsynced, then the row written
     * by an ordinary commit. A crash (or power cut, which may lose that last commit under
     * NORMAL) before the rename leaves the old file with its old row; after it, the pending
     * write matches the new file and recovery gives it its row. Bytes and metadata so never mix.
     */
    <T> T writeDurably(Work<T> work) {
        writeLock.lock();
        try {
            setSynchronous("FULL");
            try {
                return work.run(writer);
            } finally {
                setSynchronous("NORMAL");
            }
        } catch (SQLException e) {
            throw failure(writer, name + " write failed", e);
        } finally {
            writer.discardIfFailed();
            writeLock.unlock();
        }
    }

    private void setSynchronous(String level) throws SQLException {
        writer.statement("PRAGMA synchronous = " + level).execute();
    }

    /**
     * Closes every connection once no one is using it: readers are taken back from the pool
     * (a reader still in use, by the indexer say, is waited for up to {@link #CLOSE_WAIT}), the
     * writer under its lock. A connection is used by one thread at a time, and closing it from
     * another while a query runs would break that query and the statement cache.
     */
    @Override
    public void close() {
        writeLock.lock();
        try {
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            for (int i = 0; i < readerCount; i++) {
                PooledConnection reader = readers.poll(Math.max(0, deadline - System.nanoTime()),
                        java.util.concurrent.TimeUnit.NANOSECONDS);
                if (reader == null) {
                    break; // still in use at the deadline: left to the JVM's exit
                }
                closeQuietly(reader);
            }
            closeQuietly(writer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(PooledConnection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown; nothing left to protect
        }
    }
}

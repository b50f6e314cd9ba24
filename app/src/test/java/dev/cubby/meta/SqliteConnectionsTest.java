package dev.cubby.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteConnectionsTest {
    private static final String ECHO = "SELECT ?, ?";

    @TempDir
    Path dir;

    @Test
    void aConnectionCompilesEachSqlOnceAndHandsOutTheSameStatement() throws SQLException {
        try (var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 1)) {
            pool.read(c -> {
                PreparedStatement first = c.statement(ECHO);
                PreparedStatement again = c.statement(ECHO);
                assertSame(first, again);
                c.statement("SELECT 1");
                assertEquals(2, c.cachedStatements());
                return null;
            });
            // the only reader comes back from the pool with its statements
            pool.read(c -> {
                assertEquals(2, c.cachedStatements());
                return null;
            });
        }
    }

    @Test
    void aReusedStatementStartsWithoutTheLastCallersParameters() throws SQLException {
        try (var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 1)) {
            assertEquals("a|b", pool.read(c -> echo(c.statement(ECHO), "a", "b")));
            assertEquals("null|null", pool.read(c -> echo(c.statement(ECHO), null, null)),
                    "parameters left unset are NULL, not the previous caller's values");
        }
    }

    @Test
    void aReusedStatementStartsWithoutTheLastCallersBatch() throws SQLException {
        String insert = "INSERT INTO implicit_folders (bucket, key) VALUES (?, ?)";
        try (var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 1)) {
            assertThrows(SidecarException.class, () -> pool.write(c -> {
                var ps = c.statement(insert);
                ps.setString(1, "b");
                ps.setString(2, "left/");
                ps.addBatch();
                throw new SQLException("the caller failed before running its batch");
            }));
            pool.write(c -> {
                var ps = c.statement(insert);
                ps.setString(1, "b");
                ps.setString(2, "kept/");
                return ps.executeUpdate();
            });
            assertEquals(List.of("kept/"), pool.read(c -> {
                var keys = new ArrayList<String>();
                try (var rs = c.statement("SELECT key FROM implicit_folders").executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
                return keys;
            }));
        }
    }

    @Test
    void closingThePoolClosesTheCachedStatements() throws SQLException {
        List<PreparedStatement> handedOut = new ArrayList<>();
        var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 2);
        handedOut.add(pool.write(c -> c.statement("SELECT 1")));
        handedOut.add(pool.read(c -> c.statement(ECHO)));
        for (PreparedStatement statement : handedOut) {
            assertFalse(isClosed(statement));
        }
        pool.close();
        for (PreparedStatement statement : handedOut) {
            assertTrue(isClosed(statement));
        }
    }

    @Test
    void aFailedTransactionLeavesNothingBehindAndTheConnectionInAutoCommit() throws SQLException {
        String insert = "INSERT INTO implicit_folders (bucket, key) VALUES (?, ?)";
        try (var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 1)) {
            assertThrows(SidecarException.class, () -> pool.write(c -> c.inTransaction(t -> {
                var ps = t.statement(insert);
                ps.setString(1, "b");
                ps.setString(2, "x/");
                ps.executeUpdate();
                throw new SQLException("fails after the first row");
            })));
            pool.write(c -> {
                var ps = c.statement(insert);
                ps.setString(1, "b");
                ps.setString(2, "y/");
                return ps.executeUpdate();
            });
            // a second connection sees y/ only if it was committed outside any open transaction
            assertEquals(1L, (long) pool.read(c -> {
                try (var rs = c.statement("SELECT count(*) FROM implicit_folders").executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }));
        }
    }

    @Test
    void aFullDatabaseFailsAsDiskFullAndTheNextWriteRunsOnAFreshConnection() throws SQLException {
        String insert = "INSERT INTO implicit_folders (bucket, key) VALUES (?, ?)";
        try (var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 1)) {
            // a page limit is SQLite's own way to say SQLITE_FULL, as a full disk does
            pool.write(c -> {
                try (var rs = c.statement("PRAGMA page_count").executeQuery()) {
                    rs.next();
                    c.statement("PRAGMA max_page_count = " + rs.getLong(1)).execute();
                }
                return null;
            });
            var full = assertThrows(SidecarException.class, () -> pool.write(c -> c.inTransactionIf(t -> {
                var ps = t.statement(insert);
                for (int i = 0; i < 2000; i++) {
                    ps.setString(1, "b");
                    ps.setString(2, "x".repeat(200) + i + "/");
                    ps.executeUpdate();
                }
                return true;
            })));
            assertTrue(full.diskFull(), full::toString);
            assertTrue(full.getMessage().contains("SQLITE_FULL"), "the rollback must not hide why: " + full);

            // the same SQL again: a statement cached on the failed connection would be reused here
            assertEquals(1, (int) pool.write(c -> c.inTransaction(t -> {
                var ps = t.statement(insert);
                ps.setString(1, "b");
                ps.setString(2, "after/");
                return ps.executeUpdate();
            })));
            assertEquals(1L, (long) pool.read(c -> {
                try (var rs = c.statement("SELECT count(*) FROM implicit_folders").executeQuery()) {
                    return rs.next() ? rs.getLong(1) : -1L;
                }
            }), "nothing of the refused transaction stayed");
        }
    }

    @Test
    void aFailureOtherThanRoomIsNotCalledDiskFull() {
        try (var pool = new SqliteConnections(dir.resolve("s.db"), SidecarSchema.SCHEMA, 1)) {
            var failed = assertThrows(SidecarException.class,
                    () -> pool.write(c -> c.statement("SELECT * FROM no_such_table").executeQuery()));
            assertFalse(failed.diskFull());
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String echo(PreparedStatement ps, String first, String second) throws SQLException {
        if (first != null) {
            ps.setString(1, first);
            ps.setString(2, second);
        }
        try (var rs = ps.executeQuery()) {
            assertTrue(rs.next());
            String a = rs.getString(1);
            String b = rs.getString(2);
            if (a == null) {
                assertNull(b);
            }
            return a + "|" + b;
        }
    }

    private static boolean isClosed(PreparedStatement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}

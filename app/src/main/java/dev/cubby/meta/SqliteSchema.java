package dev.cubby.meta;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One database's tables as an ordered list of migrations, each a list of SQL statements. The
 * database records the number of migrations applied ({@code PRAGMA user_version}); opening it
 * applies the rest in one transaction, so an older file is upgraded in place and a newer one is
 * refused rather than misread.
 *
 * @param name what the database is called in messages ("sidecar", "key store")
 */
record SqliteSchema(String name, List<List<String>> migrations) {

    SqliteSchema {
        migrations = migrations.stream().map(List::copyOf).toList();
    }

    void migrate(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            int applied;
            try (var rs = statement.executeQuery("PRAGMA user_version")) {
                applied = rs.next() ? rs.getInt(1) : 0;
            }
            if (applied > migrations.size()) {
                throw new SQLException("the " + name + " was written by a newer Cubby (schema " + applied
                        + ", this version knows " + migrations.size() + "); upgrade Cubby");
            }
            if (applied == migrations.size()) {
                return;
            }
            connection.setAutoCommit(false);
            try {
                for (int i = applied; i < migrations.size(); i++) {
                    for (String sql : migrations.get(i)) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + migrations.size());
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }
}

package org.nashra.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.nashra.config.DatabaseSettings;

/**
 * The databases store tests run against: embedded H2, and the PostgreSQL on 127.0.0.1:5432
 * (database {@code test}) in a schema of its own. A test is skipped, visibly, only when no
 * PostgreSQL answers.
 */
public final class TestDatabases {
    public static final String PG_URL = System.getProperty("nashra.test.pg", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getProperty("nashra.test.pg.user", "postgres");

    private TestDatabases() {}

    public static Stream<String> kinds() {
        return Stream.of("h2", "postgresql");
    }

    /** A fresh, migrated database of the given kind; closing it drops a PostgreSQL schema. */
    public static Handle open(String kind) {
        return openAfter(kind, null, c -> {});
    }

    /**
     * A fresh database of the given kind migrated up to {@code version}, where {@code rows} stores what an
     * older release left, then opened as the service opens it (migrated to the current schema). With a
     * null version, {@code rows} runs on the empty database before any migration.
     */
    public static Handle openAfter(String kind, String version, SqlWork rows) {
        String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (kind.equals("h2")) {
            String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
            seed(url, "sa", version, rows);
            DatabaseSettings settings = new DatabaseSettings(url, "sa", "", 4, false);
            return new Handle(Database.open(settings), settings, () -> {});
        }
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL test skipped: no PostgreSQL answers at " + PG_URL + " (" + e.getMessage() + ")");
        }
        System.out.println("store test on PostgreSQL " + PG_URL + " schema " + name);
        String url = PG_URL + "?currentSchema=" + name;
        Cleanup drop = () -> {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
                 Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + name.toLowerCase(Locale.ROOT) + " CASCADE");
            }
        };
        try {
            seed(url, PG_USER, version, rows);
        } catch (RuntimeException e) {
            try {
                drop.run();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        DatabaseSettings settings = new DatabaseSettings(url, PG_USER, "", 4, false);
        return new Handle(Database.open(settings), settings, drop);
    }

    private static void seed(String url, String user, String version, SqlWork rows) {
        if (version != null) {
            Flyway.configure().dataSource(url, user, "").locations("classpath:db/migration").target(version).load().migrate();
        }
        try (Connection c = DriverManager.getConnection(url, user, "")) {
            rows.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the rows of schema version " + version + " at " + url, e);
        }
    }

    @FunctionalInterface
    public interface SqlWork {
        void run(Connection c) throws SQLException;
    }

    /** @param settings where {@code db} is: another node opens the same database with them ({@link #openAnother}) */
    public record Handle(Database db, DatabaseSettings settings, Cleanup cleanup) implements AutoCloseable {
        /**
         * A second pool on the same database (the same PostgreSQL schema, the same in-memory H2), as
         * another node of a cluster has; the caller closes it before this handle.
         */
        public Database openAnother() {
            return Database.open(settings);
        }

        @Override public void close() throws Exception {
            db.close();
            cleanup.run();
        }
    }

    @FunctionalInterface
    public interface Cleanup {
        void run() throws Exception;
    }
}

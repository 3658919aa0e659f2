package org.nashra.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.nashra.config.DatabaseSettings;

/** The connection pool, migrated to the current schema on open. */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** Opens the database, creating an embedded one that is not there yet. */
    public static Database open(DatabaseSettings settings) {
        return open(settings, settings.url());
    }

    /**
     * Opens a database that is already there, for commands that only read the store: an embedded
     * H2 file is not created (H2's IFEXISTS), so a mistyped data directory leaves no empty
     * database behind. A PostgreSQL database is never created by connecting, so it opens as usual.
     *
     * @throws MissingDatabaseException when there is no embedded database at the settings' URL
     */
    public static Database openExisting(DatabaseSettings settings) {
        String url = settings.url();
        boolean embeddedFile = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        if (!embeddedFile || url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=")) return open(settings);
        try {
            return open(settings, url + ";IFEXISTS=TRUE");
        } catch (StoreException e) {
            if (hasErrorCode(e, ErrorCode.DATABASE_NOT_FOUND_WITH_IF_EXISTS_1)) throw new MissingDatabaseException(url, e);
            throw e;
        }
    }

    private static Database open(DatabaseSettings settings, String url) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withoutTraceFile(url));
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("nashra-db");
        config.setConnectionTimeout(10_000);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (hasErrorCode(e, ErrorCode.DATABASE_ALREADY_OPEN_1)) {
                throw new StoreException("cannot open database " + settings.url() + ": another process has it open"
                        + " (nashra serve, demo or fetch on the same data directory); the embedded database admits one"
                        + " process at a time: stop that one, or point several at PostgreSQL (database.url)", e);
            }
            throw new StoreException("cannot open database " + settings.url() + ": " + rootMessage(e), e);
        }
        try {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot migrate database " + settings.url() + ": " + rootMessage(e), e);
        }
        return new Database(ds, settings.url().startsWith("jdbc:postgresql:"));
    }

    /**
     * H2 writes every failed statement to a {@code .trace.db} file beside the database, including
     * the expected ones (a unique key that another thread took first) and a refused lock when a
     * second process opens a data directory in use. The file outlives the command and grows
     * without bound; what failed reaches the operator through {@link StoreException} and the log.
     */
    static String withoutTraceFile(String url) {
        if (!url.startsWith("jdbc:h2:") || url.toUpperCase(Locale.ROOT).contains(";TRACE_LEVEL_FILE=")) return url;
        return url + ";TRACE_LEVEL_FILE=0";
    }

    private static boolean hasErrorCode(Throwable e, int code) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == code) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** Runs work in one transaction; rolls back on any exception. */
    public <T> T inTransaction(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    /**
     * Runs one read in the connection's own autocommit transaction: a single round trip to the
     * database, where {@link #inTransaction} adds a commit (for a read asked on every request).
     */
    public <T> T readOnce(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("database error: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}

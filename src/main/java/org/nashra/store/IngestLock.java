package org.nashra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The mutex around "decide which story, then store": without it two copies of one story that
 * arrive together would each start a story. In-process by default; across nodes a row lock on
 * {@code ingest_lock}, held by a connection of its own for the duration.
 */
public final class IngestLock {
    private final Database db;
    private final boolean acrossNodes;
    private final ReentrantLock local = new ReentrantLock();

    public IngestLock(Database db, boolean acrossNodes) {
        this.db = db;
        this.acrossNodes = acrossNodes;
    }

    /** A held lock; closing releases it. */
    public interface Held extends AutoCloseable {
        @Override void close();
    }

    public Held acquire() {
        local.lock();
        if (!acrossNodes) return local::unlock;
        Connection c = null;
        try {
            c = db.dataSource().getConnection();
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM ingest_lock WHERE id = 1 FOR UPDATE")) {
                ps.executeQuery().close();
            }
        } catch (SQLException e) {
            closeQuietly(c);
            local.unlock();
            throw new StoreException("cannot take the ingest lock: " + e.getMessage(), e);
        }
        Connection held = c;
        return () -> {
            try {
                held.commit();
            } catch (SQLException e) {
                // the row lock ends with the connection anyway
            } finally {
                closeQuietly(held);
                local.unlock();
            }
        };
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing left to release
        }
    }
}

package org.nashra.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Persisted learned-boilerplate snapshots, one JSON document per source. */
public final class BoilerplateStore {
    private final Database db;

    public BoilerplateStore(Database db) {
        this.db = db;
    }

    public Map<String, String> loadAll() {
        return db.inTransaction(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT source_id, snapshot FROM learned_boilerplate");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    public void save(String sourceId, String snapshot, Instant at) {
        db.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE learned_boilerplate SET snapshot = ?, updated_at = ? WHERE source_id = ?")) {
                ps.setString(1, snapshot);
                Sql.setInstant(ps, 2, at);
                ps.setString(3, sourceId);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO learned_boilerplate (source_id, snapshot, updated_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, sourceId);
                    ps.setString(2, snapshot);
                    Sql.setInstant(ps, 3, at);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }
}

package org.nashra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.nashra.config.SourceConfig;

/** Per-source fetch state and health. */
public final class SourceRepository {
    private final Database db;

    public SourceRepository(Database db) {
        this.db = db;
    }

    /**
     * Makes the table match the configuration: new sources are added, a source whose URL changed
     * forgets its validators and redirect, and the warnings and notes of the body they describe;
     * names follow the configuration. Rows of removed sources stay, with the name they last had:
     * their items still exist, in stories that name them.
     */
    public void sync(List<SourceConfig> sources) {
        db.inTransaction(c -> {
            for (SourceConfig s : sources) {
                Optional<SourceState> existing = find(c, s.id());
                if (existing.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO sources (id, url, name) VALUES (?, ?, ?)")) {
                        ps.setString(1, s.id());
                        ps.setString(2, s.url().toString());
                        ps.setString(3, truncate(s.name(), 500));
                        ps.executeUpdate();
                    }
                    continue;
                }
                if (!Objects.equals(existing.get().name(), truncate(s.name(), 500))) {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET name = ? WHERE id = ?")) {
                        ps.setString(1, truncate(s.name(), 500));
                        ps.setString(2, s.id());
                        ps.executeUpdate();
                    }
                }
                if (!existing.get().url().equals(s.url().toString())) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE sources SET url = ?, effective_url = NULL, etag = NULL, last_modified = NULL,"
                                    + " body_hash = NULL, warnings = NULL, notes = NULL,"
                                    + " paused = FALSE, paused_reason = NULL, next_due = NULL WHERE id = ?")) {
                        ps.setString(1, s.url().toString());
                        ps.setString(2, s.id());
                        ps.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    public Optional<SourceState> find(String id) {
        return db.inTransaction(c -> find(c, id));
    }

    /**
     * The health of the configured sources, by id. A source removed from the configuration keeps
     * its row (its items stay in stories) but is no longer fetched: its last status and next due
     * time describe nothing that will happen, so it is left out.
     */
    public List<SourceState> configured(List<SourceConfig> sources) {
        Set<String> ids = new HashSet<>();
        for (SourceConfig s : sources) ids.add(s.id());
        return all().stream().filter(s -> ids.contains(s.id())).toList();
    }

    /** Every row, removed sources' included, by id. */
    public List<SourceState> all() {
        return db.inTransaction(c -> {
            List<SourceState> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(map(rs));
            }
            return out;
        });
    }

    private static Optional<SourceState> find(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM sources WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Records one pass. Validators are only replaced when the outcome carries new ones, and warnings go
     * with them: they are the last body read's. A not-modified pass was told that body is still served,
     * so its warnings still hold (a listing that yielded nothing yields nothing while it is served
     * again); a failed pass learnt nothing new of it. Notes are the pass's own.
     */
    public void record(FetchOutcome o) {
        boolean failed = "failed".equals(o.status());
        boolean read = FetchOutcome.readBody(o.status());
        db.inTransaction(c -> {
            String sql = "UPDATE sources SET last_attempt = ?, last_status = ?, http_status = ?,"
                    + " error_streak = " + (failed ? "error_streak + 1" : "0") + ","
                    + " last_error_kind = ?, last_error = ?, items_new = ?, items_duplicate = ?, items_rejected = ?,"
                    + (read ? " warnings = ?," : "") + " notes = ?, next_due = ?,"
                    + " etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified), body_hash = COALESCE(?, body_hash),"
                    + " effective_url = COALESCE(?, effective_url),"
                    + " paused = " + (o.pauseReason() != null ? "TRUE" : "paused") + ","
                    + " paused_reason = COALESCE(?, paused_reason)"
                    + (failed ? "" : ", last_success = ?")
                    + " WHERE id = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                Sql.setInstant(ps, i++, o.attemptAt());
                ps.setString(i++, o.status());
                Sql.setInteger(ps, i++, o.httpStatus());
                ps.setString(i++, failed ? o.errorKind() : null);
                ps.setString(i++, failed ? truncate(o.error(), 2000) : null);
                ps.setInt(i++, o.itemsNew());
                ps.setInt(i++, o.itemsDuplicate());
                ps.setInt(i++, o.itemsRejected());
                if (read) ps.setString(i++, truncate(o.warnings(), 4000));
                ps.setString(i++, truncate(o.notes(), 2000));
                Sql.setInstant(ps, i++, o.nextDue());
                ps.setString(i++, o.etag());
                ps.setString(i++, o.lastModified());
                ps.setString(i++, o.bodyHash());
                ps.setString(i++, o.effectiveUrl());
                ps.setString(i++, o.pauseReason());
                if (!failed) Sql.setInstant(ps, i++, o.attemptAt());
                ps.setString(i, o.sourceId());
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("no source row '" + o.sourceId() + "' to record a fetch on", null);
                }
            }
            return null;
        });
    }

    /**
     * Claims a source for one pass so that no other node fetches it at the same time. A lease
     * that ran out (a node died mid-pass) can be taken over.
     *
     * @return false when another node holds a live lease
     */
    public boolean claim(String id, String owner, Instant now, java.time.Duration lease) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET lease_owner = ?, lease_until = ?"
                    + " WHERE id = ? AND (lease_until IS NULL OR lease_until < ? OR lease_owner = ?)")) {
                ps.setString(1, owner);
                Sql.setInstant(ps, 2, now.plus(lease));
                ps.setString(3, id);
                Sql.setInstant(ps, 4, now);
                ps.setString(5, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    public void release(String id, String owner) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?")) {
                ps.setString(1, id);
                ps.setString(2, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Drops every lease {@code owner} holds: it is stopping and will not finish those passes. */
    public void releaseAll(String owner) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE sources SET lease_owner = NULL, lease_until = NULL WHERE lease_owner = ?")) {
                ps.setString(1, owner);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Clears a pause set by a 410 or by an operator. */
    public void resume(String id) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sources SET paused = FALSE, paused_reason = NULL WHERE id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static SourceState map(ResultSet rs) throws SQLException {
        int http = rs.getInt("http_status");
        Integer httpStatus = rs.wasNull() ? null : http;
        return new SourceState(rs.getString("id"), rs.getString("name"), rs.getString("url"), rs.getString("effective_url"),
                rs.getString("etag"), rs.getString("last_modified"), rs.getString("body_hash"),
                Sql.instant(rs, "last_attempt"), Sql.instant(rs, "last_success"), rs.getString("last_status"),
                httpStatus, rs.getInt("error_streak"), rs.getString("last_error_kind"), rs.getString("last_error"),
                rs.getInt("items_new"), rs.getInt("items_duplicate"), rs.getInt("items_rejected"),
                rs.getString("warnings"), rs.getString("notes"), Sql.instant(rs, "next_due"), rs.getBoolean("paused"),
                rs.getString("paused_reason"));
    }

}

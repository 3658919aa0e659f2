package org.nashra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.nashra.dedup.Candidate;
import org.nashra.dedup.Fingerprint;
import org.nashra.dedup.StoryIndex;
import org.nashra.extract.Role;
import org.nashra.text.NormalizedItem;

/**
 * The dedup candidate index in the database (tables of V2__story_index.sql, words column of V5), so that it survives
 * restarts and several nodes share it. SQL is portable between H2 and PostgreSQL.
 *
 * <p>Lookups go by band hash within a time window (index {@code story_bands_lookup}), so their
 * cost follows the number of items in the window, not the size of the store.
 */
public final class JdbcStoryIndex implements StoryIndex {
    /** Lookup key lists are padded to this length so one prepared statement serves every item. */
    static final int KEY_SLOTS = 48;
    /** A runaway band (a formulaic headline repeated all day) must not load the whole window. */
    static final int MAX_CANDIDATE_ROWS = 2000;

    private static final String COLUMNS = "f.item_id, f.story_id, f.source_id, f.role, f.agency, f.published_at, "
            + "f.title_only, f.url_hash, f.body_hash, f.title_hash, f.shingles, f.title_tokens, f.numbers, f.words";
    private static final String CANDIDATES_SQL = "SELECT " + COLUMNS
            + " FROM story_bands b JOIN story_fingerprints f ON f.item_id = b.item_id"
            + " WHERE b.band_hash IN (" + String.join(",", java.util.Collections.nCopies(KEY_SLOTS, "?")) + ")"
            // the window is tested on the fingerprint row: H2 does not combine an IN list on the
            // index's first column with a range on its second, and would scan the whole index
            + " AND f.published_at >= ? AND f.published_at <= ?"
            + " FETCH FIRST " + MAX_CANDIDATE_ROWS + " ROWS ONLY";
    private static final String MEMBERS_SQL = "SELECT " + COLUMNS + " FROM story_fingerprints f"
            + " WHERE f.story_id = ? AND f.published_at >= ? AND f.published_at <= ?"
            + " ORDER BY f.published_at, f.item_id FETCH FIRST ? ROWS ONLY";
    private static final String INSERT_FINGERPRINT = "INSERT INTO story_fingerprints (item_id, story_id, source_id, role, "
            + "agency, published_at, title_only, url_hash, body_hash, title_hash, shingles, title_tokens, numbers, words) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BAND = "INSERT INTO story_bands (band_hash, item_id, story_id, published_at) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;

    public JdbcStoryIndex(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to) {
        long[] keys = fp.lookupKeys();
        if (keys.length == 0) return List.of();
        Map<Long, Candidate> found = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(CANDIDATES_SQL)) {
            for (int start = 0; start < keys.length; start += KEY_SLOTS) {
                long[] slice = Arrays.copyOfRange(keys, start, Math.min(keys.length, start + KEY_SLOTS));
                for (int i = 0; i < KEY_SLOTS; i++) ps.setLong(i + 1, slice[Math.min(i, slice.length - 1)]);
                ps.setObject(KEY_SLOTS + 1, utc(from));
                ps.setObject(KEY_SLOTS + 2, utc(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        if (!found.containsKey(id)) found.put(id, candidate(rs));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index lookup failed for " + item.canonicalUrl() + ": " + e.getMessage(), e);
        }
        return List.copyOf(found.values());
    }

    @Override
    public List<Candidate> members(long storyId, Instant from, Instant to, int limit) {
        List<Candidate> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(MEMBERS_SQL)) {
            ps.setLong(1, storyId);
            ps.setObject(2, utc(from));
            ps.setObject(3, utc(to));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(candidate(rs));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index: cannot read members of story " + storyId + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void add(long itemId, long storyId, NormalizedItem item, Fingerprint fp) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                add(c, itemId, storyId, item, fp);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index: cannot add item " + itemId + " (" + item.canonicalUrl()
                    + ") to story " + storyId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Adds within the caller's transaction, so the lead's ingest can store the item and its index
     * rows atomically.
     */
    public void add(Connection c, long itemId, long storyId, NormalizedItem item, Fingerprint fp) throws SQLException {
        OffsetDateTime published = utc(item.published());
        try (PreparedStatement ps = c.prepareStatement(INSERT_FINGERPRINT)) {
            ps.setLong(1, itemId);
            ps.setLong(2, storyId);
            ps.setString(3, item.raw().sourceId());
            ps.setString(4, item.raw().role().wire());
            ps.setString(5, item.agency());
            ps.setObject(6, published);
            ps.setBoolean(7, fp.titleOnly());
            ps.setLong(8, fp.urlHash());
            ps.setLong(9, fp.bodyHash());
            ps.setLong(10, fp.titleHash());
            ps.setBytes(11, Fingerprint.encode(fp.shingles()));
            ps.setBytes(12, Fingerprint.encode(fp.titleTokens()));
            ps.setString(13, numbers(fp.numbers()));
            ps.setBytes(14, Fingerprint.encode(fp.words()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_BAND)) {
            for (long key : fp.storeKeys()) {
                ps.setLong(1, key);
                ps.setLong(2, itemId);
                ps.setLong(3, storyId);
                ps.setObject(4, published);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Retention: forgets items published before {@code cutoff}. Returns the number of items removed. */
    public int purgeBefore(Instant cutoff) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement bands = c.prepareStatement("DELETE FROM story_bands WHERE published_at < ?");
                 PreparedStatement fps = c.prepareStatement("DELETE FROM story_fingerprints WHERE published_at < ?")) {
                bands.setObject(1, utc(cutoff));
                bands.executeUpdate();
                fps.setObject(1, utc(cutoff));
                return fps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index: purge before " + cutoff + " failed: " + e.getMessage(), e);
        }
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        String numbers = rs.getString(13);
        Fingerprint fp = Fingerprint.stored(Fingerprint.decode(rs.getBytes(11)), Fingerprint.decode(rs.getBytes(12)),
                Fingerprint.decode(rs.getBytes(14)), numbers == null || numbers.isEmpty() ? List.of() : Arrays.asList(numbers.split(" ")),
                rs.getBoolean(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
        return new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3),
                Role.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), fp);
    }

    /** Space-joined, cut to the column's 2000 characters at a whole number. */
    private static String numbers(List<String> numbers) {
        StringBuilder b = new StringBuilder();
        for (String n : numbers) {
            if (b.length() + n.length() + 1 > 2000) break;
            if (b.length() > 0) b.append(' ');
            b.append(n);
        }
        return b.toString();
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}

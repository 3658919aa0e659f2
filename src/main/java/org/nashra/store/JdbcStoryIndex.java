package org.nashra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.sql.DataSource;
import org.nashra.dedup.Candidate;
import org.nashra.dedup.Deduplicator;
import org.nashra.dedup.Fingerprint;
import org.nashra.dedup.Fingerprinter;
import org.nashra.dedup.KeyedCandidates;
import org.nashra.dedup.StoryIndex;
import org.nashra.extract.Role;
import org.nashra.text.NormalizedItem;

/**
 * The dedup candidate index, kept in the database so that it survives restarts and several
 * nodes share it: one row an item in {@code story_fingerprints} (V2, V5), holding everything
 * verification needs and everything its lookup keys are derived from. SQL is portable between
 * H2 and PostgreSQL.
 *
 * <p>Lookups do not go to a key table. Writing some forty key rows an item (V2's story_bands)
 * cost more than all the rest of ingest on H2 (bench/dedup/README.md), while the keys are a
 * function of the row ({@link Fingerprinter#storeKeys}). So each node files the items of the
 * spans of publication time its lookups touch in memory ({@link KeyedCandidates}), loading a
 * span from the database the first time a window reaches it, and before every lookup reads the
 * rows added since the last one: its own, and those of other nodes. Rows are only added under
 * the ingest lock, which {@link Deduplicator}'s callers hold from decision to commit, so item ids
 * grow in commit order and "rows with a greater id than the last read" misses none. Spans no
 * lookup touched lately are dropped: memory follows the window, not the store (about 3 kB an
 * item over two and a half windows, measured by bench/dedup's IngestBench).
 */
public final class JdbcStoryIndex implements StoryIndex {
    /** A runaway key (a formulaic headline repeated all day) must not load the whole window. */
    static final int MAX_CANDIDATES = 2000;
    /** Spans are this fraction of the window: a lookup (window either side) touches nine, memory holds ten. */
    private static final int SPANS_PER_WINDOW = 4;

    private static final String COLUMNS = "f.item_id, f.story_id, f.source_id, f.role, f.agency, f.published_at, "
            + "f.title_only, f.url_hash, f.body_hash, f.title_hash, f.shingles, f.title_tokens, f.numbers, f.words";
    private static final String SPAN_SQL = "SELECT " + COLUMNS + " FROM story_fingerprints f"
            + " WHERE f.published_at >= ? AND f.published_at < ?";
    /** Further behind than this, a node drops its spans and loads them again as lookups touch them. */
    static final int MAX_CATCH_UP = 2000;
    private static final String NEWER_SQL = "SELECT " + COLUMNS + " FROM story_fingerprints f"
            + " WHERE f.item_id > ? ORDER BY f.item_id FETCH FIRST " + (MAX_CATCH_UP + 1) + " ROWS ONLY";
    private static final String INSERT_FINGERPRINT = "INSERT INTO story_fingerprints (item_id, story_id, source_id, role, "
            + "agency, published_at, title_only, url_hash, body_hash, title_hash, shingles, title_tokens, numbers, words) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final long spanSeconds;
    /** Loaded spans by number, least recently used first. Guarded by itself. */
    private final LinkedHashMap<Long, KeyedCandidates> spans = new LinkedHashMap<>(16, 0.75f, true);
    /** Lookups so far, numbering them for {@link KeyedCandidates#collect}. Guarded by {@link #spans}. */
    private int lookups;
    /** Highest item id read from the database; -1 before the first lookup. Guarded by {@link #spans}. */
    private long lastRead = -1;
    /** Keys of items this node added, until their rows are read back: deriving them again costs a MinHash. */
    private final ConcurrentSkipListMap<Long, long[]> ownKeys = new ConcurrentSkipListMap<>();

    /** An index for lookups over windows of {@code window} either side of an item. */
    public JdbcStoryIndex(DataSource dataSource, Duration window) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        if (window == null || window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive: " + window);
        this.spanSeconds = Math.max(60, window.toSeconds() / SPANS_PER_WINDOW);
    }

    @Override
    public List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to) {
        List<Candidate> found = new ArrayList<>();
        read(item, fp, from, to, found);
        return List.copyOf(found);
    }

    /**
     * As {@link StoryIndex#lookup}, with the members of a story taken from the spans its candidates
     * were read from, as that read brought them up to date: a decision takes one connection and reads
     * the new rows once, where {@link #members} takes a connection and reads them again for every
     * story judged. Under the ingest lock no row is added before the decision's own item, so these
     * are the members {@link #members} would give.
     */
    @Override
    public Lookup lookup(NormalizedItem item, Fingerprint fp, Instant from, Instant to, int memberLimit) {
        List<Candidate> found = new ArrayList<>();
        List<KeyedCandidates> read = read(item, fp, from, to, found);
        // an item without keys read nothing (and has no candidates, so no story to judge)
        return new Lookup(found, read.isEmpty() ? storyId -> members(storyId, from, to, memberLimit)
                : storyId -> membersIn(read, storyId, from, to, memberLimit));
    }

    /** Adds the item's candidates to {@code found}; the spans they were read from, none for an item without keys. */
    private List<KeyedCandidates> read(NormalizedItem item, Fingerprint fp, Instant from, Instant to, List<Candidate> found) {
        long[] keys = fp.lookupKeys();
        if (keys.length == 0) return List.of();
        try (Connection c = dataSource.getConnection()) {
            synchronized (spans) {
                if (lookups == Integer.MAX_VALUE) {
                    // lookup numbers start over: spans reload, so no item carries an old number
                    spans.clear();
                    lookups = 0;
                }
                int lookup = ++lookups;
                List<KeyedCandidates> touched = current(c, from, to);
                for (long key : keys) {
                    for (KeyedCandidates span : touched) span.collect(key, from, to, found, MAX_CANDIDATES, lookup);
                }
                int keep = touched.size() + 1;
                Iterator<Long> lru = spans.keySet().iterator();
                while (spans.size() > keep && lru.hasNext()) {
                    lru.next();
                    lru.remove();
                }
                return touched;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index lookup failed for " + item.canonicalUrl() + ": " + e.getMessage(), e);
        }
    }

    /** The spans covering {@code [from, to]}, loaded and up to date with the rows added since the last read. */
    private List<KeyedCandidates> current(Connection c, Instant from, Instant to) throws SQLException {
        readNewRows(c);
        List<KeyedCandidates> covering = new ArrayList<>();
        for (long n = span(from); n <= span(to); n++) covering.add(loaded(c, n));
        return covering;
    }

    /**
     * Files rows added since the last read into the spans they belong to, if loaded. A node that
     * fell far behind (idle while others ingested, or rows bulk-loaded) starts over instead: its
     * spans reload only as lookups touch them, which reads less than every row since.
     */
    private void readNewRows(Connection c) throws SQLException {
        if (lastRead < 0) {
            // Spans load on demand from here on; rows older than this id are in the spans' loads.
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(item_id), 0) FROM story_fingerprints");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                lastRead = rs.getLong(1);
            }
            ownKeys.headMap(lastRead, true).clear();
            return;
        }
        List<Candidate> newer = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(NEWER_SQL)) {
            ps.setLong(1, lastRead);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) newer.add(candidate(rs));
            }
        }
        if (newer.size() > MAX_CATCH_UP) {
            spans.clear();
            lastRead = -1;
            readNewRows(c);
            return;
        }
        for (Candidate cand : newer) {
            KeyedCandidates span = spans.get(span(cand.published()));
            if (span != null) span.add(cand, keysOf(cand));
            lastRead = Math.max(lastRead, cand.itemId());
        }
        ownKeys.headMap(lastRead, true).clear();
    }

    private KeyedCandidates loaded(Connection c, long n) throws SQLException {
        KeyedCandidates span = spans.get(n);
        if (span != null) return span;
        span = new KeyedCandidates();
        try (PreparedStatement ps = c.prepareStatement(SPAN_SQL)) {
            ps.setObject(1, utc(Instant.ofEpochSecond(n * spanSeconds)));
            ps.setObject(2, utc(Instant.ofEpochSecond((n + 1) * spanSeconds)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Candidate cand = candidate(rs);
                    span.add(cand, keysOf(cand));
                }
            }
        }
        spans.put(n, span);
        return span;
    }

    private long[] keysOf(Candidate c) {
        long[] own = ownKeys.get(c.itemId());
        return own != null ? own : Fingerprinter.storeKeys(c.sourceId(), c.fingerprint());
    }

    private long span(Instant t) {
        return Math.floorDiv(t.getEpochSecond(), spanSeconds);
    }

    /** From the spans in memory, as candidates are: a decision reads no row but the newest. */
    @Override
    public List<Candidate> members(long storyId, Instant from, Instant to, int limit) {
        try (Connection c = dataSource.getConnection()) {
            synchronized (spans) {
                return membersIn(current(c, from, to), storyId, from, to, limit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("story index: cannot read members of story " + storyId + ": " + e.getMessage(), e);
        }
    }

    private List<Candidate> membersIn(List<KeyedCandidates> covering, long storyId, Instant from, Instant to, int limit) {
        List<Candidate> out = new ArrayList<>();
        synchronized (spans) {
            for (KeyedCandidates span : covering) span.members(storyId, from, to, out);
        }
        return KeyedCandidates.earliest(out, limit);
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
        // kept only until the row is read back, committed; a rolled-back item's go with the next read
        ownKeys.put(itemId, fp.storeKeys());
    }

    /** Retention: forgets items published before {@code cutoff}. Returns the number of items removed. */
    public int purgeBefore(Instant cutoff) {
        int removed;
        try (Connection c = dataSource.getConnection();
             PreparedStatement fps = c.prepareStatement("DELETE FROM story_fingerprints WHERE published_at < ?")) {
            fps.setObject(1, utc(cutoff));
            removed = fps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("story index: purge before " + cutoff + " failed: " + e.getMessage(), e);
        }
        synchronized (spans) {
            // spans holding any purged item go; those still needed load again from what is left
            spans.keySet().removeIf(n -> Instant.ofEpochSecond(n * spanSeconds).isBefore(cutoff));
        }
        return removed;
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

package org.nashra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.nashra.extract.Role;
import org.nashra.text.DatePrecision;
import org.nashra.text.NormalizedItem;

/** Items and the stories they belong to. The database enforces (source, guid) uniqueness. */
public final class StoryStore {
    private final Database db;
    private final String tagAuthority;
    private final ToIntFunction<String> sourcePriority;
    private final Predicate<String> configured;
    private final InstantSource clock;

    /** Every source configured, with the system clock. */
    public StoryStore(Database db, String tagAuthority, ToIntFunction<String> sourcePriority) {
        this(db, tagAuthority, sourcePriority, InstantSource.system());
    }

    /** Every source configured. */
    public StoryStore(Database db, String tagAuthority, ToIntFunction<String> sourcePriority, InstantSource clock) {
        this(db, tagAuthority, sourcePriority, id -> true, clock);
    }

    /**
     * @param tagAuthority   "host,year" part of story tag URIs; fixed once feeds are published
     * @param sourcePriority who represents a story when outlets tie (higher wins)
     * @param configured     whether a source is in the configuration: a removed source's items stay
     *                       in their stories but represent one only when no configured copy does
     * @param clock          when a change is stored: a story's {@link StoryRecord#changed()}
     */
    public StoryStore(Database db, String tagAuthority, ToIntFunction<String> sourcePriority,
                      Predicate<String> configured, InstantSource clock) {
        this.db = db;
        this.tagAuthority = tagAuthority;
        this.sourcePriority = sourcePriority;
        this.configured = configured;
        this.clock = clock;
    }

    /**
     * The identity of an item within its source: its guid, else its URL. An other-news item that
     * links to one of the outlet's own articles gets an identity of its own, so that it neither
     * stands in for that article (whose page must still be fetched and stored) nor is refused as
     * its duplicate; dedup then joins the two into one story.
     */
    public static String identity(NormalizedItem item) {
        String guid = item.raw().guid();
        String id = guid == null || guid.isBlank() ? item.raw().url() : guid;
        return item.raw().role() == Role.OTHER ? "other:" + id : id;
    }

    public boolean contains(String sourceId, String guid) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM items WHERE source_id = ? AND guid_hash = ?")) {
                ps.setString(1, sourceId);
                ps.setString(2, Sql.sha256(guid));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** Result of storing one item. */
    public record Stored(long itemId, long storyId, boolean newStory) {}

    /**
     * Stores an item in the given story, or in a new one when {@code storyId} is null, and
     * refreshes the story's representative and times; the story's changed time becomes the
     * store's clock, read inside the transaction (under the ingest lock, when ingestion holds
     * it). Empty when the item was already stored
     * (same source and guid): the unique key decides, so concurrent writers cannot double it.
     */
    public Optional<Stored> insert(NormalizedItem item, Long storyId, String rule, double score,
                                   String bodyHash, Instant fetchedAt) {
        return insert(item, storyId, rule, score, bodyHash, fetchedAt, (c, itemId, sid) -> {});
    }

    /** Work that must commit with the item or not at all (its near-duplicate index row). */
    @FunctionalInterface
    public interface Linked {
        void write(Connection c, long itemId, long storyId) throws SQLException;
    }

    /** As {@link #insert(NormalizedItem, Long, String, double, String, Instant)}, with {@code linked} in the same transaction. */
    public Optional<Stored> insert(NormalizedItem item, Long storyId, String rule, double score,
                                   String bodyHash, Instant fetchedAt, Linked linked) {
        return db.inTransaction(c -> {
            // the fetch may have begun minutes ago (article pages, politeness delays); a feed's
            // Last-Modified must not fall behind what a reader was already sent
            Instant now = clock.instant();
            boolean created = storyId == null;
            long sid = created ? createStory(c, item.published(), fetchedAt, now) : storyId;
            long itemId;
            try {
                itemId = insertItem(c, item, sid, rule, score, bodyHash, fetchedAt);
            } catch (SQLException e) {
                if (Sql.isUniqueViolation(e)) {
                    c.rollback();
                    return Optional.empty();
                }
                throw e;
            }
            refreshStory(c, sid, created ? null : fetchedAt, item.raw().role(), now);
            linked.write(c, itemId, sid);
            changed(c);
            return Optional.of(new Stored(itemId, sid, created));
        });
    }

    private long createStory(Connection c, Instant published, Instant fetchedAt, Instant now) throws SQLException {
        String placeholder = "pending:" + java.util.UUID.randomUUID();
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO stories (tag, created_at, updated_at, changed_at, published_at, member_count, has_main)"
                        + " VALUES (?, ?, ?, ?, ?, 0, FALSE)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, placeholder);
            Sql.setInstant(ps, 2, fetchedAt);
            Sql.setInstant(ps, 3, published);
            Sql.setInstant(ps, 4, now);
            Sql.setInstant(ps, 5, published);
            ps.executeUpdate();
            id = generatedId(ps);
        }
        // RFC 4151 tag: minted once from the row id, so it never changes with the representative
        try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET tag = ? WHERE id = ?")) {
            ps.setString(1, "tag:" + tagAuthority + ":story:" + id);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return id;
    }

    private static long generatedId(PreparedStatement ps) throws SQLException {
        try (ResultSet keys = ps.getGeneratedKeys()) {
            if (!keys.next()) throw new SQLException("no generated key returned");
            return keys.getLong(1);
        }
    }

    private long insertItem(Connection c, NormalizedItem item, long storyId, String rule, double score,
                            String bodyHash, Instant fetchedAt) throws SQLException {
        String guid = identity(item);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO items (source_id, guid, guid_hash, url, canonical_url, canonical_url_hash, title, title_key,"
                        + " content_text, text_key, content_html, body_hash, author, image, categories, agency, role,"
                        + " parent_url, published_at, date_precision, fetched_at, story_id, match_rule, match_score)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 1;
            ps.setString(i++, item.raw().sourceId());
            ps.setString(i++, guid);
            ps.setString(i++, Sql.sha256(guid));
            ps.setString(i++, item.raw().url());
            ps.setString(i++, item.canonicalUrl());
            ps.setString(i++, Sql.sha256(item.canonicalUrl()));
            ps.setString(i++, item.title());
            ps.setString(i++, item.titleKey());
            ps.setString(i++, item.text());
            ps.setString(i++, item.textKey());
            ps.setString(i++, item.raw().html());
            ps.setString(i++, bodyHash);
            ps.setString(i++, cut(item.raw().author(), 500));
            ps.setString(i++, item.raw().image());
            ps.setString(i++, cut(String.join("\n", item.raw().categories()), 2000));
            ps.setString(i++, item.agency());
            ps.setString(i++, item.raw().role().wire());
            ps.setString(i++, item.raw().parentUrl());
            Sql.setInstant(ps, i++, item.published());
            ps.setString(i++, item.datePrecision().wire());
            Sql.setInstant(ps, i++, fetchedAt);
            ps.setLong(i++, storyId);
            ps.setString(i++, rule);
            ps.setDouble(i, score);
            ps.executeUpdate();
            return generatedId(ps);
        }
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /**
     * Representative: a configured source's copy, then an article (role main) before an other-news
     * mention, then source priority, then completeness (a body and an image), then earliest
     * publication. Updated time (the entry's) moves only when a member joins an existing story,
     * and never stays before the publication; changed time (the store's, for feeds' Last-Modified)
     * moves on every member.
     *
     * <p>A story with articles is theirs: an other-news item that joins it leaves its updated time
     * where it was, and the first article to join a story that other-news items began makes it a
     * main story whose times are the article's, as if the article had come first. So the entry does
     * not depend on the order the article and the mentions of it arrived in.
     *
     * @param joinedAt when the member joined (its fetch), null for the member that created the story
     * @param joining  the joining member's role
     */
    private void refreshStory(Connection c, long storyId, Instant joinedAt, Role joining, Instant now) throws SQLException {
        List<StoredItem> members = members(c, List.of(storyId)).getOrDefault(storyId, List.of());
        StoredItem rep = members.stream().min(representativeOrder()).orElseThrow();
        Instant earliest = publication(members);
        long articles = members.stream().filter(m -> m.role() == Role.MAIN).count();
        boolean hasMain = articles > 0;
        boolean becameMain = joinedAt != null && joining == Role.MAIN && articles == 1;
        if (joinedAt != null && joining != Role.MAIN && hasMain) joinedAt = null;
        // a precise copy may move the publication later than a date-only one had put it
        if (joinedAt != null && joinedAt.isBefore(earliest)) joinedAt = earliest;
        String updated = becameMain ? ", updated_at = ?"
                : joinedAt != null ? ", updated_at = CASE WHEN updated_at < ? THEN ? ELSE updated_at END" : "";
        String sql = "UPDATE stories SET representative_item_id = ?, member_count = ?, has_main = ?, published_at = ?,"
                + " changed_at = ?" + updated + " WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, rep.id());
            ps.setInt(i++, members.size());
            ps.setBoolean(i++, hasMain);
            Sql.setInstant(ps, i++, earliest);
            Sql.setInstant(ps, i++, now);
            if (becameMain) {
                Sql.setInstant(ps, i++, earliest);
            } else if (joinedAt != null) {
                Sql.setInstant(ps, i++, joinedAt);
                Sql.setInstant(ps, i++, joinedAt);
            }
            ps.setLong(i, storyId);
            ps.executeUpdate();
        }
    }

    /**
     * A story's first publication: its earliest member's with a time of day. A member dated by
     * day only stands at that day's midnight, before any real time of the day, so it counts only
     * when no member has a time; then the earliest of all (a day, or the fetch time of an undated
     * copy) is the best there is. A story with articles is dated by them: an other-news item has
     * no date of its own (at best its page's, an upper bound), and the entry is the article.
     */
    static Instant publication(List<StoredItem> members) {
        List<StoredItem> dating = members.stream().anyMatch(m -> m.role() == Role.MAIN)
                ? members.stream().filter(m -> m.role() == Role.MAIN).toList() : members;
        return dating.stream().filter(m -> m.datePrecision().precise()).map(StoredItem::published)
                .min(Comparator.naturalOrder())
                .orElseGet(() -> dating.stream().map(StoredItem::published).min(Comparator.naturalOrder()).orElseThrow());
    }

    /**
     * After the configuration changed: each story represented by a copy of a source no longer
     * configured gets the copy the order now prefers, a configured source's when it has one. For
     * its readers the story changed (its title, link and author are another outlet's), so its
     * changed and updated times move to now. Callers hold the ingest lock, so no item joins
     * meanwhile.
     *
     * @return how many stories got another representative
     */
    public int reconsiderRepresentatives() {
        return db.inTransaction(c -> {
            List<Object> removed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT source_id FROM items");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) if (!configured.test(rs.getString(1))) removed.add(rs.getString(1));
            }
            if (removed.isEmpty()) return 0;
            Map<Long, Long> representedByRemoved = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id, s.representative_item_id FROM stories s"
                    + " JOIN items r ON r.id = s.representative_item_id WHERE r.source_id IN (" + placeholders(removed.size()) + ")")) {
                bind(ps, removed);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) representedByRemoved.put(rs.getLong(1), rs.getLong(2));
                }
            }
            Instant now = clock.instant();
            int moved = 0;
            List<Long> ids = new ArrayList<>(representedByRemoved.keySet());
            for (int from = 0; from < ids.size(); from += 500) {
                Map<Long, List<StoredItem>> members = members(c, ids.subList(from, Math.min(from + 500, ids.size())));
                for (Map.Entry<Long, List<StoredItem>> story : members.entrySet()) {
                    StoredItem rep = story.getValue().stream().min(representativeOrder()).orElseThrow();
                    if (rep.id() == representedByRemoved.get(story.getKey())) continue;
                    try (PreparedStatement ps = c.prepareStatement("UPDATE stories SET representative_item_id = ?, changed_at = ?,"
                            + " updated_at = CASE WHEN updated_at < ? THEN ? ELSE updated_at END WHERE id = ?")) {
                        ps.setLong(1, rep.id());
                        Sql.setInstant(ps, 2, now);
                        Sql.setInstant(ps, 3, now);
                        Sql.setInstant(ps, 4, now);
                        ps.setLong(5, story.getKey());
                        ps.executeUpdate();
                    }
                    moved++;
                }
            }
            if (moved > 0) changed(c);
            return moved;
        });
    }

    private Comparator<StoredItem> representativeOrder() {
        return Comparator.<StoredItem>comparingInt(m -> configured.test(m.sourceId()) ? 0 : 1)
                .thenComparingInt(m -> m.role() == Role.MAIN ? 0 : 1)
                .thenComparingInt(m -> -sourcePriority.applyAsInt(m.sourceId()))
                .thenComparingInt(m -> -completeness(m))
                .thenComparing(StoredItem::published)
                .thenComparingLong(StoredItem::id);
    }

    private static int completeness(StoredItem m) {
        int score = 0;
        if (m.contentText().length() > 200) score += 2;
        if (m.image() != null && !m.image().isBlank()) score += 1;
        return score;
    }

    /**
     * Stories matching the query by {@link StoryKey}, newest first (oldest first above an
     * {@code after} bound), each with its members (representative first).
     */
    public List<StoryRecord> stories(StoryQuery q) {
        return db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("SELECT s.id, s.tag, s.created_at, s.updated_at, s.changed_at, s.published_at, s.has_main,"
                    + " s.representative_item_id FROM stories s");
            List<Object> args = new ArrayList<>();
            if (!where(q, sql, args)) return List.of();
            sql.append(order(q)).append(" LIMIT ").append(q.limit());
            List<long[]> ids = new ArrayList<>();
            Map<Long, Object[]> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong("id");
                        ids.add(new long[] {id, rs.getLong("representative_item_id")});
                        rows.put(id, new Object[] {rs.getString("tag"), Sql.instant(rs, "created_at"),
                                Sql.instant(rs, "updated_at"), Sql.instant(rs, "changed_at"), Sql.instant(rs, "published_at"),
                                rs.getBoolean("has_main")});
                    }
                }
            }
            Map<Long, List<StoredItem>> members = members(c, ids.stream().map(a -> a[0]).toList());
            List<StoryRecord> out = new ArrayList<>();
            for (long[] idRep : ids) {
                List<StoredItem> ms = new ArrayList<>(members.getOrDefault(idRep[0], List.of()));
                if (ms.isEmpty()) continue;
                ms.sort(Comparator.comparing((StoredItem m) -> m.id() != idRep[1]).thenComparing(StoredItem::published));
                Object[] r = rows.get(idRep[0]);
                out.add(new StoryRecord(idRep[0], (String) r[0], (Instant) r[1], (Instant) r[2], (Instant) r[3], (Instant) r[4],
                        (Boolean) r[5], ms));
            }
            return out;
        });
    }

    /** How many stories match the query, its bounds included and its limit not. */
    public long count(StoryQuery q) {
        return db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM stories s");
            List<Object> args = new ArrayList<>();
            if (!where(q, sql, args)) return 0L;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * The key of the story {@code skip} places into the query's order (0: the first it lists), or
     * empty when fewer match: where a page of a long list starts, without reading the pages before
     * it. The query's limit is not used.
     */
    public Optional<StoryKey> keyAt(StoryQuery q, long skip) {
        if (skip < 0) throw new IllegalArgumentException("skip must be 0 or more, was " + skip);
        return db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("SELECT s.id, s.published_at FROM stories s");
            List<Object> args = new ArrayList<>();
            if (!where(q, sql, args)) return Optional.<StoryKey>empty();
            sql.append(order(q)).append(" LIMIT 1 OFFSET ").append(skip);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoryKey(Sql.instant(rs, "published_at"), rs.getLong("id")))
                            : Optional.<StoryKey>empty();
                }
            }
        });
    }

    /**
     * When the store last changed a story matching the query ({@link StoryRecord#changed()}), its
     * bounds included and its limit not; null when none matches.
     */
    public Instant lastChanged(StoryQuery q) {
        return db.inTransaction(c -> {
            StringBuilder sql = new StringBuilder("SELECT MAX(s.changed_at) AS changed FROM stories s");
            List<Object> args = new ArrayList<>();
            if (!where(q, sql, args)) return null;
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Sql.instant(rs, "changed") : null;
                }
            }
        });
    }

    /**
     * The WHERE clause of a query's filters and bounds, appended to {@code sql} with its arguments;
     * false when nothing can match (an empty source list), and no SQL need run.
     */
    private static boolean where(StoryQuery q, StringBuilder sql, List<Object> args) {
        sql.append(" WHERE s.member_count > 0");
        if (q.roles() == StoryQuery.Roles.MAIN_ONLY) sql.append(" AND s.has_main = TRUE");
        if (q.roles() == StoryQuery.Roles.OTHER_ONLY) sql.append(" AND s.has_main = FALSE");
        if (q.sources() != null) {
            if (q.sources().isEmpty()) return false;
            sql.append(" AND EXISTS (SELECT 1 FROM items i WHERE i.story_id = s.id AND i.source_id IN (")
                    .append(placeholders(q.sources().size())).append("))");
            args.addAll(q.sources());
        }
        if (!q.excluded().isEmpty()) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM items i WHERE i.story_id = s.id AND i.source_id IN (")
                    .append(placeholders(q.excluded().size())).append("))");
            args.addAll(q.excluded());
        }
        if (q.matchKey() != null && !q.matchKey().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM items i WHERE i.story_id = s.id AND (i.title_key LIKE ? OR i.text_key LIKE ?))");
            String like = "%" + q.matchKey().replace("%", "").replace("_", "") + "%";
            args.add(like);
            args.add(like);
        }
        if (q.since() != null) {
            sql.append(" AND s.published_at >= ?");
            args.add(q.since());
        }
        if (q.before() != null) {
            // the order below, as a bound: a page goes on exactly where the last one stopped
            sql.append(" AND (s.published_at < ? OR (s.published_at = ? AND s.id < ?))");
            args.add(q.before().published());
            args.add(q.before().published());
            args.add(q.before().id());
        }
        if (q.after() != null) {
            sql.append(" AND (s.published_at > ? OR (s.published_at = ? AND s.id > ?))");
            args.add(q.after().published());
            args.add(q.after().published());
            args.add(q.after().id());
        }
        return true;
    }

    /** The query's order: by {@link StoryKey}, newest first, or oldest first above an {@code after} bound. */
    private static String order(StoryQuery q) {
        String direction = q.after() != null ? "ASC" : "DESC";
        return " ORDER BY s.published_at " + direction + ", s.id " + direction;
    }

    /** One story by id, or empty. */
    public Optional<StoryRecord> story(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM stories WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<StoryRecord>empty();
                    long rep = rs.getLong("representative_item_id");
                    List<StoredItem> ms = new ArrayList<>(members(c, List.of(id)).getOrDefault(id, List.of()));
                    if (ms.isEmpty()) return Optional.<StoryRecord>empty();
                    ms.sort(Comparator.comparing((StoredItem m) -> m.id() != rep).thenComparing(StoredItem::published));
                    return Optional.of(new StoryRecord(id, rs.getString("tag"), Sql.instant(rs, "created_at"),
                            Sql.instant(rs, "updated_at"), Sql.instant(rs, "changed_at"), Sql.instant(rs, "published_at"),
                            rs.getBoolean("has_main"), ms));
                }
            }
        });
    }

    /** One item by id, or empty. */
    public Optional<StoredItem> item(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(ITEMS + " WHERE i.id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(mapItem(rs)) : Optional.<StoredItem>empty();
                }
            }
        });
    }

    /**
     * Retention: deletes stories last updated before the cutoff, with their items. A story still
     * gaining members is kept whole, so a live story never loses its early copies. Records, per
     * source that carried a removed story, when and how recent the newest removed story was
     * ({@link #purgedSince}): the documents that showed one have changed though no story did.
     *
     * @return the number of stories deleted
     */
    public int purgeStoriesBefore(Instant cutoff) {
        return db.inTransaction(c -> {
            Map<String, Instant> newestBySource = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT i.source_id, MAX(s.published_at) AS newest FROM stories s"
                    + " JOIN items i ON i.story_id = s.id WHERE s.updated_at < ? GROUP BY i.source_id")) {
                Sql.setInstant(ps, 1, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) newestBySource.put(rs.getString(1), Sql.instant(rs, "newest"));
                }
            }
            int removed;
            try (PreparedStatement items = c.prepareStatement(
                    "DELETE FROM items WHERE story_id IN (SELECT id FROM stories WHERE updated_at < ?)");
                 PreparedStatement stories = c.prepareStatement("DELETE FROM stories WHERE updated_at < ?")) {
                Sql.setInstant(items, 1, cutoff);
                items.executeUpdate();
                Sql.setInstant(stories, 1, cutoff);
                removed = stories.executeUpdate();
            }
            if (removed > 0) {
                recordPurge(c, newestBySource, clock.instant());
                changed(c);
            }
            return removed;
        });
    }

    /**
     * Moves the change counter ({@link #changes}) in the transaction of a write that changes what
     * feeds show. Last in the transaction: the row's lock is then held only until the commit, and
     * taken after every other lock of the write, so it orders writes without deadlocking them.
     */
    private static void changed(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE store_changes SET version = version + 1 WHERE id = 1")) {
            if (ps.executeUpdate() != 1) throw new SQLException("store_changes has no row 1: the V12 migration did not run");
        }
    }

    /**
     * How many writes that change what the published feeds show the store has committed, on any
     * node: a story stored or joined, representatives handed over, stories purged. One row read by
     * primary key, cheap enough to read before every cached rendering is served: a value that
     * moved means the store changed since.
     */
    public long changes() {
        return db.readOnce(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM store_changes WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("store_changes has no row 1: the V12 migration did not run");
                return rs.getLong(1);
            }
        });
    }

    /** One row per source, replacing the rows it covers: purged no later, with no newer story removed. */
    private static void recordPurge(Connection c, Map<String, Instant> newestBySource, Instant now) throws SQLException {
        try (PreparedStatement covered = c.prepareStatement(
                "DELETE FROM story_purges WHERE source_id = ? AND purged_at <= ? AND newest_published <= ?");
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO story_purges (source_id, purged_at, newest_published) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Instant> e : newestBySource.entrySet()) {
                covered.setString(1, e.getKey());
                Sql.setInstant(covered, 2, now);
                Sql.setInstant(covered, 3, e.getValue());
                covered.executeUpdate();
                insert.setString(1, e.getKey());
                Sql.setInstant(insert, 2, now);
                Sql.setInstant(insert, 3, e.getValue());
                insert.executeUpdate();
            }
        }
    }

    /**
     * When the retention purge last removed a story that one of {@code sources} carried, published
     * at or after {@code reach}: a document whose stories reach back to {@code reach} may have
     * shown it, and has changed since, though no story it shows has.
     *
     * @param reach the earliest publication time a document depends on; null for one that reaches
     *              the end of its feed
     * @return the time, or null when no such story was removed
     */
    public Instant purgedSince(Set<String> sources, Instant reach) {
        if (sources.isEmpty()) return null;
        return db.inTransaction(c -> {
            String sql = "SELECT MAX(purged_at) AS purged FROM story_purges WHERE source_id IN (" + placeholders(sources.size())
                    + ")" + (reach != null ? " AND newest_published >= ?" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Object> args = new ArrayList<>(sources);
                if (reach != null) args.add(reach);
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Sql.instant(rs, "purged") : null;
                }
            }
        });
    }

    /** Items of one source stored so far (retention purges included). */
    public long itemCount(String sourceId) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM items WHERE source_id = ?")) {
                ps.setString(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    public long itemCount() {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM items"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Items with their source's stored name (sources removed from the configuration keep theirs). */
    private static final String ITEMS = "SELECT i.*, src.name AS source_name FROM items i LEFT JOIN sources src ON src.id = i.source_id";

    private static Map<Long, List<StoredItem>> members(Connection c, List<Long> storyIds) throws SQLException {
        Map<Long, List<StoredItem>> out = new LinkedHashMap<>();
        if (storyIds.isEmpty()) return out;
        try (PreparedStatement ps = c.prepareStatement(ITEMS + " WHERE i.story_id IN ("
                + placeholders(storyIds.size()) + ") ORDER BY i.published_at, i.id")) {
            bind(ps, new ArrayList<>(storyIds));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredItem m = mapItem(rs);
                    out.computeIfAbsent(m.storyId(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        return out;
    }

    private static StoredItem mapItem(ResultSet rs) throws SQLException {
        String cats = rs.getString("categories");
        double score = rs.getDouble("match_score");
        Double matchScore = rs.wasNull() ? null : score;
        return new StoredItem(rs.getLong("id"), rs.getLong("story_id"), rs.getString("source_id"),
                rs.getString("source_name"), rs.getString("url"), rs.getString("canonical_url"), rs.getString("title"),
                rs.getString("content_text"), rs.getString("content_html"), rs.getString("author"),
                rs.getString("image"), cats == null || cats.isEmpty() ? List.of() : Arrays.asList(cats.split("\n")),
                rs.getString("agency"), Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
                rs.getString("parent_url"), Sql.instant(rs, "published_at"),
                DatePrecision.fromWire(rs.getString("date_precision")), Sql.instant(rs, "fetched_at"),
                rs.getString("match_rule"), matchScore);
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof Instant t) Sql.setInstant(ps, i + 1, t);
            else if (a instanceof Long l) ps.setLong(i + 1, l);
            else ps.setString(i + 1, (String) a);
        }
    }
}

package org.nashra.web;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.nashra.config.FeedConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.config.OtherNewsMode;
import org.nashra.config.SourceConfig;
import org.nashra.publish.Archive;
import org.nashra.publish.FeedDocument;
import org.nashra.publish.FeedFormat;
import org.nashra.publish.FeedWriter;
import org.nashra.publish.OtherNewsDigest;
import org.nashra.publish.SourceRef;
import org.nashra.publish.StoryView;
import org.nashra.store.StoredItem;
import org.nashra.store.StoryKey;
import org.nashra.store.StoryQuery;
import org.nashra.store.StoryRecord;
import org.nashra.store.StoryStore;
import org.nashra.text.ArabicText;

/**
 * Builds published feeds from stored stories and keeps their bytes until the stories change, so
 * that a poll costs a map lookup and a look at the store's change counter, not a query and a
 * render.
 */
public final class FeedService {
    /** Which part of a feed: its stories, or (other_news: separate) its other-news companion. */
    public enum Part { MAIN, OTHER }

    /** Feeds, entries and API pages together (512 of each before they shared one map). */
    private static final int MAX_CACHED = 1536;
    private static final Duration DIGEST_WINDOW = Duration.ofHours(6);

    /** Replaced whole when serve applies an edit of feeds.yml ({@link #reconfigure}). */
    private volatile FeedsFile feeds;
    private final StoryStore store;
    private final FeedWriter writer;
    private final HttpSettings http;
    private static final Logger log = LoggerFactory.getLogger(FeedService.class);
    private final Renderings renderings = new Renderings(MAX_CACHED, cacheBytes());
    /** The store's change counter ({@link StoryStore#changes}), read before a rendering is served. */
    private final LongSupplier storeChanges;
    /** The counter's value when the renderings were last checked against it. */
    private final AtomicLong seenChanges = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong lastUnreadableLog = new AtomicLong(Long.MIN_VALUE);
    private final WebSubPinger pinger;
    private final Clock clock;
    private final FeedPages pages;

    public FeedService(FeedsFile feeds, StoryStore store, FeedWriter writer, HttpSettings http) {
        this(feeds, store, writer, http, Clock.systemUTC());
    }

    public FeedService(FeedsFile feeds, StoryStore store, FeedWriter writer, HttpSettings http, Clock clock) {
        this(feeds, store, writer, http, clock, new FreshRead(store::changes)::get);
    }

    /**
     * @param storeChanges the store's change counter, read before every cached rendering is served:
     *                     other nodes on the same database (and a {@code nashra fetch} beside
     *                     {@code serve} on PostgreSQL) change the store without telling this one.
     *                     The other constructors read {@link StoryStore#changes} through a
     *                     {@link FreshRead}, so that requests arriving together share one read. A
     *                     constant leaves the renderings to {@link #invalidate} alone, which is
     *                     right only for a store that this process alone writes (bench/publish's
     *                     check.sh compares the two).
     */
    public FeedService(FeedsFile feeds, StoryStore store, FeedWriter writer, HttpSettings http, Clock clock,
                       LongSupplier storeChanges) {
        this.clock = clock;
        this.storeChanges = storeChanges;
        this.feeds = feeds;
        this.store = store;
        this.writer = writer;
        this.http = http;
        this.pinger = new WebSubPinger(http.websubHub());
        this.pages = new FeedPages(store, this::view);
    }

    /**
     * Stories changed through this node: drop every cached rendering and tell the WebSub hub. (The
     * renderings would go at the next request anyway, when the store's change counter is read; the
     * hub hears of a change only from the node that made it.)
     */
    public void invalidate() {
        renderings.storiesChanged();
        List<URI> topics = new ArrayList<>();
        for (FeedConfig f : feeds.feeds()) {
            for (FeedFormat fmt : FeedFormat.values()) topics.add(URI.create(feedUrl(f.id()) + "." + fmt.extension()));
        }
        pinger.ping(topics);
    }

    /**
     * feeds.yml was edited: from now on the feeds are {@code next}'s. The cached renderings of a feed
     * are dropped when what it is made of besides the stories changed ({@link #renderedFrom}); other
     * feeds keep theirs. Renderings of those feeds begun before the swap are not served after it.
     */
    public void reconfigure(FeedsFile next) {
        FeedsFile before = feeds;
        List<String> changed = new ArrayList<>();
        for (FeedConfig f : next.feeds()) {
            Optional<FeedConfig> was = before.feed(f.id());
            if (was.isEmpty() || !renderedFrom(before, was.get()).equals(renderedFrom(next, f))) changed.add(f.id());
        }
        before.feeds().stream().map(FeedConfig::id).filter(id -> next.feed(id).isEmpty()).forEach(changed::add);
        // the new definitions first: a rendering stamped with a feed's new generation reads them
        feeds = next;
        changed.forEach(renderings::feedRedefined);
        List<URI> topics = new ArrayList<>();
        for (String id : changed) {
            if (next.feed(id).isEmpty()) continue;
            for (FeedFormat fmt : FeedFormat.values()) topics.add(URI.create(feedUrl(id) + "." + fmt.extension()));
        }
        if (!topics.isEmpty()) pinger.ping(topics);
    }

    /**
     * What a feed's renderings are made of besides the stories: its definition, the sources it
     * includes with the zone its digests follow and the polling bounds its freshness follows, and
     * every source's name (a story lists each outlet that carried it, included in the feed or not).
     */
    private static List<Object> renderedFrom(FeedsFile config, FeedConfig feed) {
        List<Object> included = config.sources().stream().filter(feed::includes)
                .map(s -> List.of(s.id(), s.timezone(), s.minInterval())).collect(java.util.stream.Collectors.toList());
        Map<String, String> names = new java.util.TreeMap<>();
        config.sources().forEach(s -> names.put(s.id(), s.name()));
        return List.of(feed, included, names);
    }

    /** The configured base URL without a trailing slash. */
    private String root() {
        return http.baseUrl().toString().replaceAll("/+$", "");
    }

    /** The index page, the "site" of every published feed. */
    public URI siteUrl() {
        return URI.create(root() + "/");
    }

    /** Absolute URL of a published feed, without extension. */
    public String feedUrl(String feedId) {
        return root() + "/feeds/" + feedId;
    }

    /** The server's time, by the clock the feeds are made by. */
    Instant now() {
        return clock.instant();
    }

    public List<FeedConfig> feeds() {
        return feeds.feeds();
    }

    public Optional<Rendered> render(String feedId, Part part, FeedFormat format, FeedParams params) {
        Renderings.Stamp stamp = current(feedId);
        Optional<FeedConfig> feed = feeds.feed(feedId);
        if (feed.isEmpty()) return Optional.empty();
        if (part == Part.OTHER && feed.get().otherNews() != OtherNewsMode.SEPARATE) return Optional.empty();
        checkSelection(params);
        String key = part + "|" + format + "|" + params.cacheKey();
        Rendered hit = usable(renderings.get(feedId, key, Rendered.class));
        if (hit != null) return Optional.of(hit);
        return Optional.of(rendered(feedId, key, stamp, format, () -> document(feed.get(), part, params)));
    }

    /**
     * The generations a rendering of {@code feedId} made now is made under, once the renderings
     * are checked against the store's change counter. Read before the feed's definition and the
     * store, so that a change of either after this is a later generation.
     */
    private Renderings.Stamp current(String feedId) {
        long changes;
        try {
            changes = storeChanges.getAsLong();
        } catch (RuntimeException e) {
            // the database away: a copy already made is still the best answer a reader can get (a
            // rendering not yet made fails on the store anyway)
            unreadable(e);
            return renderings.stamp(feedId);
        }
        if (changes != seenChanges.get()) {
            // generation first, then the value seen: whoever sees the value sees the generation it moved
            renderings.storiesChanged();
            seenChanges.set(changes);
        }
        return renderings.stamp(feedId);
    }

    /** Said once a minute at most: every request of an outage would otherwise say it. */
    private void unreadable(RuntimeException e) {
        long now = System.nanoTime();
        long last = lastUnreadableLog.get();
        if (last != Long.MIN_VALUE && now - last < java.util.concurrent.TimeUnit.MINUTES.toNanos(1)) return;
        if (lastUnreadableLog.compareAndSet(last, now)) {
            log.warn("cannot read the store's change counter ({}); serving the copies already rendered", e.getMessage());
        }
    }

    /** The document rendered now, in {@code format}, and kept under {@code key} until the next change. */
    private Rendered rendered(String feedId, String key, Renderings.Stamp stamp, FeedFormat format,
                              java.util.function.Supplier<FeedDocument> document) {
        // read before the store: what the copy shows is the store as of then, or later
        Instant madeAt = clock.instant();
        return kept(feedId, key, stamp, format, madeAt, document.get());
    }

    /** {@code doc} written in {@code format}, read from the store from {@code madeAt} on, and kept under {@code key}. */
    private Rendered kept(String feedId, String key, Renderings.Stamp stamp, FeedFormat format, Instant madeAt,
                          FeedDocument doc) {
        Rendered r = new Rendered(writer.write(doc, format), doc.updated(), madeAt, format.contentType(), doc.ttl());
        renderings.put(feedId, key, stamp, r, (long) r.bytes().length + r.gzipped().length);
        return r;
    }

    /**
     * A cached copy, or null when there is none or it is to be made again: one made within the
     * second of its change says an earlier Last-Modified, which a date never revalidates; once
     * that second is over, the same bytes made again say the change's own second.
     */
    private Rendered usable(Rendered hit) {
        return hit == null || hit.unsettledAt(clock.instant()) ? null : hit;
    }

    /**
     * What the renderings may hold: an eighth of the heap, so that a small node (a 512 MB heap)
     * keeps 64 MB of them and a crawler of the archives cannot crowd out the rest.
     */
    private static long cacheBytes() {
        return Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 8);
    }

    /** A story's entry on the heap, roughly: its texts as UTF-16, and a fixed part for the rest. */
    private static long heapBytes(StoryView v) {
        long chars = (long) v.title().length() + v.summary().length() + v.contentHtml().length() + v.link().length();
        return 2 * chars + 256L * (1 + v.sources().size());
    }

    /** One stored story with its members, for the JSON API. */
    public Optional<StoryRecord> story(long id) {
        return store.story(id);
    }

    /**
     * The stories of a feed as entries, for the JSON API and the HTML pages; kept, like the feeds'
     * bytes, until the next change, so a page asked for often costs no query.
     */
    public List<StoryView> entries(String feedId, Part part, FeedParams params) {
        Renderings.Stamp stamp = current(feedId);
        Optional<FeedConfig> feed = feeds.feed(feedId);
        if (feed.isEmpty()) return List.of();
        checkSelection(params);
        String key = "entries|" + part + "|" + params.cacheKey();
        Entries hit = renderings.get(feedId, key, Entries.class);
        if (hit != null) return hit.entries();
        Entries entries = new Entries(document(feed.get(), part, params).entries());
        renderings.put(feedId, key, stamp, entries, entries.entries().stream().mapToLong(FeedService::heapBytes).sum());
        return entries.entries();
    }

    /** A feed's entries as a value of one type, to be kept among the renderings. */
    private record Entries(List<StoryView> entries) {
        Entries {
            entries = List.copyOf(entries);
        }
    }

    /**
     * A page of a feed's stories for the JSON API, with the API URLs of the pages beside it.
     *
     * @param stories  the entries, each body as the feeds publish it ({@link FeedWriter#bodyHtml}):
     *                 sanitized, links absolute
     * @param next     the older entries, as the feed's next link names them, or null at the end
     * @param previous the newer entries, as the feed's previous link names them, or null on the
     *                 first page
     */
    public record StoriesPage(List<Story> stories, URI next, URI previous) {
        public StoriesPage {
            stories = List.copyOf(stories);
        }
    }

    /**
     * An entry of the API's page with the paging cursor of its place in the feed ({@link Cursor}),
     * as the feeds' {@code before} and {@code after} links name it: the story's own, or an
     * other-news digest's earliest item's. A digest's id is 0 and its time its earliest item's,
     * so the cursor is the only way a client can page from it.
     */
    public record Story(StoryView story, String cursor) {}

    /**
     * The JSON API's page of a feed's stories: the entries of the feed's page, with its paging
     * links on the API's path, kept like the feeds' bytes until the next change.
     */
    public Optional<StoriesPage> apiStories(String feedId, FeedParams params) {
        Renderings.Stamp stamp = current(feedId);
        Optional<FeedConfig> feed = feeds.feed(feedId);
        if (feed.isEmpty()) return Optional.empty();
        checkSelection(params);
        String key = "api|" + params.cacheKey();
        StoriesPage hit = renderings.get(feedId, key, StoriesPage.class);
        if (hit != null) return Optional.of(hit);
        Built built = built(feed.get(), Part.MAIN, params);
        FeedDocument doc = built.document();
        String api = root() + "/api/feeds/" + feedId + "/stories";
        StoriesPage page = new StoriesPage(built.entries().stream()
                .map(e -> new Story(published(e.view()), Cursor.format(e.key()))).toList(),
                onPath(api, doc.nextUrl()), onPath(api, doc.prevUrl()));
        renderings.put(feedId, key, stamp, page, page.stories().stream().mapToLong(e -> heapBytes(e.story())).sum());
        return Optional.of(page);
    }

    /** The entry with its body as the feeds publish it, for readers of the API who show it as it is. */
    private static StoryView published(StoryView v) {
        return new StoryView(v.id(), v.tagId(), v.title(), v.summary(), FeedWriter.bodyHtml(v), v.link(), v.sources(),
                v.categories(), v.author(), v.image(), v.agency(), v.published(), v.updated());
    }

    /** A feed's paging link moved to another path, its query (cursor and filters) kept. */
    private static URI onPath(String path, URI link) {
        return link == null ? null : URI.create(link.getRawQuery() == null ? path : path + "?" + link.getRawQuery());
    }

    FeedDocument document(FeedConfig feed, Part part, FeedParams params) {
        return built(feed, part, params).document();
    }

    /** A feed's page as a document, and its entries with their places in the feed. */
    private record Built(FeedDocument document, List<PagedEntry> entries) {}

    /** The stories of a feed's part that {@code params} select (their cursors aside), up to {@code limit}. */
    private StoryQuery query(FeedConfig feed, Part part, FeedParams params, int limit) {
        String key = params.q() == null ? null : ArabicText.matchingKey(params.q());
        return new StoryQuery(sourcesOf(feed, params), excludedOf(feed, params), roles(feed, part), key,
                params.since(), null, limit);
    }

    /**
     * A feed's tag id. A filtered view (?source=, ?exclude=, ?q= ...) is a feed of its own: a reader that
     * follows its self link or feed_url, or tells feeds apart by id, must not land on the whole feed.
     */
    private String feedTag(FeedConfig feed, Part part, String selection) {
        return "tag:" + http.tagAuthority() + ":feed/" + feed.id() + (part == Part.OTHER ? "/other" : "")
                + (selection.isEmpty() ? "" : "?" + selection);
    }

    /** The other-news digests of a feed with other_news: digest, over {@code q}'s filters. */
    private DigestWindows digestWindows(FeedConfig feed, StoryQuery q, String selection) {
        // a filtered view's digest pages show its own members, as its entries do
        URI pages = URI.create(feedUrl(feed.id()) + "/other-news" + (selection.isEmpty() ? "" : "?" + selection));
        return new DigestWindows(store, q.withRoles(StoryQuery.Roles.OTHER_ONLY), DIGEST_WINDOW, zoneOf(feed),
                feedTag(feed, Part.MAIN, selection), pages, this::view);
    }

    /**
     * One other-news digest entry, where its link leads ({@code /feeds/{id}/other-news/PT6H/2026-11-29T09:00Z}):
     * the window of {@code window} from {@code start} of a feed with other_news: digest, within the selection of
     * {@code params}. Empty when the feed has no digests, the window is none of the feed's, or no item falls in it.
     */
    public Optional<StoryView> digest(String feedId, String window, String start, FeedParams params) {
        Optional<FeedConfig> feed = feeds.feed(feedId);
        if (feed.isEmpty() || feed.get().otherNews() != OtherNewsMode.DIGEST || !window.equals(DIGEST_WINDOW.toString())) {
            return Optional.empty();
        }
        checkSelection(params);
        Optional<Instant> from = OtherNewsDigest.startNamed(start);
        if (from.isEmpty()) return Optional.empty();
        return digestWindows(feed.get(), query(feed.get(), Part.MAIN, params, 1), params.selectionQuery()).at(from.get());
    }

    private Built built(FeedConfig feed, Part part, FeedParams params) {
        StoryKey before = params.before() == null ? null : Cursor.parse("before", params.before(), Long.MAX_VALUE);
        StoryKey after = params.after() == null ? null : Cursor.parse("after", params.after(), Long.MIN_VALUE);
        int limit = Math.min(params.limit() > 0 ? params.limit() : feed.limit(), 1000);
        StoryQuery q = query(feed, part, params, limit);
        String selection = params.selectionQuery();
        String feedTag = feedTag(feed, part, selection);
        URI site = siteUrl();
        DigestWindows digest = part == Part.MAIN && feed.otherNews() == OtherNewsMode.DIGEST
                ? digestWindows(feed, q, selection)
                : null;
        FeedPages.Page page = after != null ? pages.newer(q, digest, after, limit) : pages.older(q, digest, before, limit);
        List<StoryView> entries = page.entries().stream().map(PagedEntry::view).toList();
        String path = "/feeds/" + feed.id() + (part == Part.OTHER ? "/other" : "");
        URI base = URI.create(root() + path);
        // RFC 5005 paging: a page links on away from its cursor when more entries lie there, and
        // back towards it (where the page it came from lies) when it has an entry to start from
        URI next = null;
        URI prev = null;
        if (!page.entries().isEmpty()) {
            PagedEntry newest = page.entries().get(0);
            PagedEntry oldest = page.entries().get(page.entries().size() - 1);
            boolean olderBeyond = after != null || page.more();
            boolean newerBeyond = after != null ? page.more() : before != null;
            if (olderBeyond) next = pageUrl(base, "before", oldest.key(), params);
            if (newerBeyond) prev = pageUrl(base, "after", newest.key(), params);
        }
        String title = part == Part.OTHER ? feed.title() + " — أخبار أخرى" : feed.title();
        // Last-Modified and the feed's updated: when the store last changed what this document
        // shows, not the entries' publication times: a story that arrives dated before the newest
        // entry changes the feed too, and a reader asking If-Modified-Since must get it
        Instant updated = page.changed() != null ? page.changed() : emptySince(feed, part);
        Instant reach = page.reach();
        Archive archive = null;
        // the archives are the whole feed's: a filtered view has none of its own to link to
        if (part == Part.MAIN && params.first() && selection.isEmpty()) {
            Optional<DayArchives.Newest> older = archives(feed).newestBefore(DayArchives.startOf(today()));
            if (older.isPresent()) {
                // the newest archive: the newest page of the day of the newest entry before today
                archive = new Archive(false, null, archiveUrl(feed, new DayArchives.Place(older.get().day(), 1)), null);
                updated = latest(updated, DayArchives.linkedSince(older.get()));
            }
            // the prev-archive link names the newest entry before today: its removal moves the link
            reach = older.isEmpty() || reach == null ? null : earliest(reach, older.get().reach());
        }
        // stories removed by retention change what a document shows, though no story it shows changed
        Instant purged = store.purgedSince(sourcesOf(feed, params), reach);
        if (purged != null) updated = latest(updated, purged);
        // the limit shapes a page, not which feed it is
        URI self = selection.isEmpty() ? base : URI.create(base + "?" + selection);
        return new Built(new FeedDocument(feed.id() + (part == Part.OTHER ? "-other" : ""), title, feed.description(),
                // WebSub hubs hear of the whole feed's URLs only: a view with a query is no topic they know
                self, site, selection.isEmpty() ? http.websubHub() : null, next, prev, entries, updated, feedTag, archive,
                Freshness.of(feeds, feed)),
                page.entries());
    }

    /**
     * The updated time of a page with no entries: when the feed last changed. Whatever would put an
     * entry on the page is a change of the feed (a story arriving, or gaining the member that makes
     * it match), so that is the last time the page could have changed, where the epoch, which the
     * page said before, told readers that a feed with stories had never changed. The epoch stays
     * for a feed that has never held a story.
     */
    private Instant emptySince(FeedConfig feed, Part part) {
        FeedParams all = FeedParams.defaults(0);
        StoryQuery.Roles roles = part == Part.MAIN && feed.otherNews() == OtherNewsMode.DIGEST
                ? StoryQuery.Roles.ANY : roles(feed, part);
        Instant changed = store.lastChanged(new StoryQuery(sourcesOf(feed, all), excludedOf(feed, all), roles, null,
                null, null, 1));
        return changed != null ? changed : Instant.EPOCH;
    }

    private static URI pageUrl(URI base, String direction, StoryKey cursor, FeedParams params) {
        String rest = params.linkQuery();
        return URI.create(base + "?" + direction + "=" + Cursor.format(cursor) + (rest.isEmpty() ? "" : "&" + rest));
    }

    private static StoryQuery.Roles roles(FeedConfig feed, Part part) {
        if (part == Part.OTHER) return StoryQuery.Roles.OTHER_ONLY;
        return feed.otherNews() == OtherNewsMode.INLINE ? StoryQuery.Roles.ANY : StoryQuery.Roles.MAIN_ONLY;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * RFC 5005 archive of one UTC day, or of one page of a day of more than
     * {@link DayArchives#PAGE} stories ({@link DayArchives}). Only days from the day of the feed's
     * first entry to yesterday are archives: today's stories are still arriving and live in the feed
     * itself, and a day before the first entry would be an empty archive whose next-archive link
     * leads through empty days up to it.
     *
     * @param page 1 for the day's own document (its newest stories), 2 and on for older ones
     */
    public Optional<Rendered> archive(String feedId, LocalDate day, int page, FeedFormat format) {
        Renderings.Stamp stamp = current(feedId);
        Optional<FeedConfig> feed = feeds.feed(feedId);
        if (feed.isEmpty() || !day.isBefore(today()) || page < 1) return Optional.empty();
        String key = "archive|" + day + "|" + page + "|" + format;
        Rendered hit = usable(renderings.get(feedId, key, Rendered.class));
        if (hit != null) return Optional.of(hit);
        DayArchives archives = archives(feed.get());
        if (archives.newestBefore(DayArchives.startOf(day.plusDays(1))).isEmpty()) return Optional.empty();
        // read before the store, as rendered() does: what the copy shows is the store as of then, or later
        Instant madeAt = clock.instant();
        return archiveDocument(feed.get(), archives, day, page).map(doc -> kept(feedId, key, stamp, format, madeAt, doc));
    }

    /**
     * A past day's archive (a page of it) changes only when what it holds does: a story of that
     * day arrives or gains a member (in digest mode, an other item of a window placed on it), or
     * one of its links moves (the newer archive appears once the next day is over; the older one
     * is the day of the newest entry before it). Its Last-Modified is the latest of those, so
     * changes elsewhere in the feed leave it alone.
     */
    Optional<FeedDocument> archiveDocument(FeedConfig feed, DayArchives archives, LocalDate day, int page) {
        Optional<DayArchives.Page> found = archives.page(day, page, today());
        if (found.isEmpty()) return Optional.empty();
        DayArchives.Page p = found.get();
        Instant updated = p.changed();
        // its entries, and the newest one before them that its prev-archive link names
        Instant purged = store.purgedSince(sourcesOf(feed, FeedParams.defaults(0)), p.reach());
        if (purged != null) updated = latest(updated, purged);
        DayArchives.Place self = new DayArchives.Place(day, page);
        Archive archive = new Archive(true, URI.create(feedUrl(feed.id())),
                p.prev() == null ? null : archiveUrl(feed, p.prev()), p.next() == null ? null : archiveUrl(feed, p.next()));
        String suffix = day + (page == 1 ? "" : "/" + page);
        String tag = "tag:" + http.tagAuthority() + ":feed/" + feed.id() + "/archive/" + suffix;
        String title = feed.title() + " — أرشيف " + day + (page == 1 ? "" : " (" + page + ")");
        return Optional.of(new FeedDocument(feed.id() + "-archive-" + suffix.replace('/', '-'), title, feed.description(),
                archiveUrl(feed, self), siteUrl(), http.websubHub(), null, null,
                p.entries().stream().map(PagedEntry::view).toList(), updated, tag, archive, Freshness.ARCHIVE));
    }

    /** The archive document of a day's page, without extension: the day's own URL for its first page. */
    private URI archiveUrl(FeedConfig feed, DayArchives.Place place) {
        return URI.create(feedUrl(feed.id()) + "/archive/" + place.day() + (place.page() == 1 ? "" : "/" + place.page()));
    }

    /**
     * The whole feed's archives: its own stories and, in digest mode, its other-news digests, as its
     * unfiltered first page shows them (each digest with the id, link and content it has there).
     */
    private DayArchives archives(FeedConfig feed) {
        StoryQuery stories = query(feed, Part.MAIN, FeedParams.defaults(0), DayArchives.PAGE);
        DigestWindows digest = feed.otherNews() == OtherNewsMode.DIGEST ? digestWindows(feed, stories, "") : null;
        return new DayArchives(store, stories, digest, this::view, DayArchives.PAGE);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Digest windows follow the local day of the feed's first source. */
    private ZoneId zoneOf(FeedConfig feed) {
        return feeds.sources().stream().filter(feed::includes).map(SourceConfig::timezone).findFirst()
                .orElse(ZoneId.of("UTC"));
    }

    /** Known values listed in an error at most: a service may aggregate thousands of sources. */
    private static final int LISTED = 40;

    /**
     * Refuses a filter naming a source or group that no configured source is or has. A mistyped
     * value gave an empty feed, 200 and updated in 1970, which a reader cannot tell from a quiet
     * one. A known source or group that the feed leaves out still gives an empty view, as it always
     * did: that is what the filter asks for.
     *
     * @throws IllegalArgumentException naming the parameter, the values not known and those known
     */
    private void checkSelection(FeedParams params) {
        if (params.source().isEmpty() && params.group().isEmpty() && params.exclude().isEmpty()) return;
        Set<String> ids = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        for (SourceConfig s : feeds.sources()) {
            ids.add(s.id());
            groups.addAll(s.groups());
        }
        known("source", params.source(), ids, "a configured source");
        known("exclude", params.exclude(), ids, "a configured source");
        known("group", params.group(), groups, "a group of a configured source");
    }

    private static void known(String param, Set<String> given, Set<String> known, String what) {
        List<String> unknown = given.stream().filter(v -> !known.contains(v)).sorted().toList();
        if (unknown.isEmpty()) return;
        String listed = known.isEmpty() ? "there is none"
                : known.stream().limit(LISTED).collect(Collectors.joining(", "))
                        + (known.size() > LISTED ? " and " + (known.size() - LISTED) + " more" : "");
        throw new IllegalArgumentException(param + " must name " + what + " (" + listed + "), got "
                + unknown.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ")));
    }

    /** The feed's sources, narrowed by the ?source= and ?group= parameters; null means all. */
    private Set<String> sourcesOf(FeedConfig feed, FeedParams params) {
        Set<String> out = new LinkedHashSet<>();
        for (SourceConfig s : feeds.sources()) {
            if (!feed.includes(s)) continue;
            if (!params.source().isEmpty() && !params.source().contains(s.id())) continue;
            if (!params.group().isEmpty() && s.groups().stream().noneMatch(params.group()::contains)) continue;
            out.add(s.id());
        }
        return out;
    }

    /**
     * The sources whose stories the feed leaves out: its configured {@code exclude} and the
     * {@code ?exclude=} parameter, one filter. A story any excluded source carried is left out
     * whole, even when an included source carried it too, so an excluded outlet is never a
     * story's link, author or listed source in the feed. Trimming the include list alone (as
     * {@link FeedConfig#includes} does) kept such stories, with the excluded outlet as their
     * representative when it had the higher priority.
     */
    private static Set<String> excludedOf(FeedConfig feed, FeedParams params) {
        Set<String> out = new LinkedHashSet<>(feed.excludeSources());
        out.addAll(params.exclude());
        return out;
    }

    StoryView view(StoryRecord story) {
        StoredItem rep = story.representative();
        List<SourceRef> refs = SourceRef.distinct(story.members().stream()
                .map(m -> new SourceRef(m.sourceId(), sourceName(m), m.url(), m.title(), m.role()))
                .toList());
        String image = story.members().stream().map(StoredItem::image).filter(Objects::nonNull).findFirst().orElse(null);
        String agency = story.members().stream().map(StoredItem::agency).filter(Objects::nonNull).findFirst().orElse(null);
        String html = rep.contentHtml().isBlank() ? paragraphs(rep.contentText()) : rep.contentHtml();
        return new StoryView(story.id(), story.tag(), rep.title(), lead(rep.contentText()), html, rep.url(), refs,
                rep.categories(), rep.author(), image, agency, story.published(), story.updated());
    }

    /** The configured name; for a source removed from the configuration, the name it last had there. */
    private String sourceName(StoredItem m) {
        return feeds.source(m.sourceId()).map(SourceConfig::name)
                .orElse(m.sourceName() != null ? m.sourceName() : m.sourceId());
    }

    static String lead(String text) {
        String first = text.strip().split("\n", 2)[0];
        if (first.length() <= 300) return first;
        int cut = first.lastIndexOf(' ', 300);
        return first.substring(0, cut > 100 ? cut : 300) + "…";
    }

    private static String paragraphs(String text) {
        StringBuilder b = new StringBuilder();
        for (String p : text.split("\n")) {
            if (p.isBlank()) continue;
            b.append("<p>").append(org.jsoup.nodes.Entities.escape(p.strip())).append("</p>");
        }
        return b.toString();
    }
}

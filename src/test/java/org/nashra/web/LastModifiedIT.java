package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.publish.FeedWriter;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Regression (QA, HIGH): Last-Modified and the feed's updated were the newest entry's updated
 * time, which is a publication time, so a new story dated before the newest entry left them where
 * they were: a reader polling with If-Modified-Since got 304 and never saw the story. They are now
 * when the store last changed what the document shows, by the store's clock; entries keep their
 * publication times. The server's clock says 2026-12-01; the store's is moved by each test.
 */
class LastModifiedIT {
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ATOM = "http://www.w3.org/2005/Atom";

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    /** A server over a fresh database whose store's clock the test moves. */
    record Server(TestDatabases.Handle db, StoryStore store, FeedService feeds, WebServer web,
                  AtomicReference<Instant> storeClock, AtomicReference<Instant> serverClock) implements AutoCloseable {

        /** Stores a main story of wafa's at {@code storedAt} by the store's clock; returns its id. */
        long add(String guid, String published, String storedAt) {
            return join(null, "wafa", guid, published, storedAt);
        }

        /** Stores an item in story {@code storyId} (a new story when null) and tells the service. */
        long join(Long storyId, String source, String guid, String published, String storedAt) {
            Instant t = Instant.parse(published);
            Instant at = Instant.parse(storedAt);
            storeClock.set(at);
            String title = "خبر " + guid + " من " + source;
            RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                    "نص الخبر", null, t, null, null, null, List.of(), Role.MAIN, null);
            long id = store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                    ArabicText.matchingKey("نص الخبر"), raw.url(), t, null, List.of()), storyId, storyId == null ? "new" : "near",
                    0.9, null, at).orElseThrow().storyId();
            feeds.invalidate();
            return id;
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override public void close() throws Exception {
            web.close();
            db.close();
        }
    }

    static Server start(String kind, Path dir) throws Exception {
        return start(kind, dir, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: nile, name: النيل, url: "https://nile.example/rss", groups: [iraq] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """);
    }

    /** A server of the feeds and sources {@code feedsYml} defines, with wafa's stories a and b. */
    static Server start(String kind, Path dir, String feedsYml) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, feedsYml);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        TestDatabases.Handle db = TestDatabases.open(kind);
        new SourceRepository(db.db()).sync(file.sources());
        AtomicReference<Instant> storeClock = new AtomicReference<>(Instant.parse("2026-11-29T09:00:00Z"));
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> 0, storeClock::get);
        HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
        AtomicReference<Instant> serverClock = new AtomicReference<>(TODAY.instant());
        FeedService feeds = new FeedService(file, store, new FeedWriter(), http, new MovableClock(serverClock));
        WebServer web = new WebServer(feeds, file, new SourceRepository(db.db()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
        Server s = new Server(db, store, feeds, web, storeClock, serverClock);
        s.add("a", "2026-11-29T08:00:00Z", "2026-11-29T08:05:00Z");
        s.add("b", "2026-11-29T08:40:00Z", "2026-11-29T08:45:00Z");
        return s;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aNewStoryDatedBeforeTheNewestEntryIsNotAnsweredWith304(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            HttpResponse<String> first = s.get("/feeds/all.atom");
            String lastModified = header(first, "Last-Modified");

            // the reported case: stored a day later, dated between the two entries
            s.add("late", "2026-11-29T08:20:00Z", "2026-11-30T12:00:00Z");

            HttpResponse<String> again = s.get("/feeds/all.atom", "If-Modified-Since", lastModified);
            assertThat(again.statusCode()).as("the feed changed since " + lastModified).isEqualTo(200);
            assertThat(again.body()).contains("خبر late من wafa");
            assertThat(header(again, "ETag")).isNotEqualTo(header(first, "ETag"));
            Instant modified = httpDate(header(again, "Last-Modified"));
            assertThat(modified).isEqualTo("2026-11-30T12:00:00Z");
            assertThat(feedUpdated(again.body())).as("the feed's own updated says the same").isEqualTo(modified);
            assertThat(s.get("/feeds/all.atom", "If-Modified-Since", header(again, "Last-Modified")).statusCode())
                    .isEqualTo(304);
            // the entry itself keeps its publication time
            Element late = entry(again.body(), "خبر late من wafa");
            assertThat(child(late, "published")).isEqualTo("2026-11-29T08:20:00Z");
            assertThat(child(late, "updated")).isEqualTo("2026-11-29T08:20:00Z");

            // RSS and JSON Feed say the same time as Atom
            HttpResponse<String> rss = s.get("/feeds/all.rss");
            assertThat(httpDate(header(rss, "Last-Modified"))).isEqualTo(modified);
            assertThat(rss.body()).contains("<lastBuildDate>Mon, 30 Nov 2026 12:00:00 GMT</lastBuildDate>");
            assertThat(s.get("/feeds/all.json").body()).contains("\"updated\" : \"2026-11-30T12:00:00Z\"");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStoryGainingAMemberMovesLastModifiedAndItsEntrysUpdated(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            long a = s.add("c", "2026-11-29T07:00:00Z", "2026-11-29T09:00:00Z");
            String lastModified = header(s.get("/feeds/all.atom"), "Last-Modified");

            s.join(a, "nile", "c2", "2026-11-29T06:50:00Z", "2026-11-30T13:00:00Z");

            HttpResponse<String> again = s.get("/feeds/all.atom", "If-Modified-Since", lastModified);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(httpDate(header(again, "Last-Modified"))).isEqualTo("2026-11-30T13:00:00Z");
            // the earlier copy represents it now (earliest wins a tie); the entry is the same story
            Element story = entry(again.body(), "خبر c2 من nile");
            assertThat(child(story, "id")).endsWith(":story:" + a);
            assertThat(child(story, "published")).as("its first publication").isEqualTo("2026-11-29T06:50:00Z");
            assertThat(child(story, "updated")).as("when it gained the member").isEqualTo("2026-11-30T13:00:00Z");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aPastDaysArchiveChangesOnlyWhenItsOwnStoriesDo(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            String path = "/feeds/all/archive/2026-11-29.atom";
            HttpResponse<String> first = s.get(path);
            assertThat(first.statusCode()).isEqualTo(200);
            String lastModified = header(first, "Last-Modified");

            // today's story changes the feed, not the archive of the 29th
            s.add("today", "2026-12-01T08:00:00Z", "2026-12-01T08:10:00Z");
            HttpResponse<String> unchanged = s.get(path, "If-Modified-Since", lastModified);
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(header(s.get(path), "ETag")).isEqualTo(header(first, "ETag"));
            assertThat(header(s.get(path), "Last-Modified")).isEqualTo(lastModified);

            // a story of the 29th stored late, dated before the others of that day
            s.add("early", "2026-11-29T06:00:00Z", "2026-12-01T09:00:00Z");
            HttpResponse<String> changed = s.get(path, "If-Modified-Since", lastModified);
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("خبر early من wafa");
            assertThat(httpDate(header(changed, "Last-Modified"))).isEqualTo("2026-12-01T09:00:00Z");
            assertThat(feedUpdated(changed.body())).isEqualTo("2026-12-01T09:00:00Z");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStoryBeyondThePageThatGivesItANextLinkMovesLastModified(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            HttpResponse<String> first = s.get("/feeds/all.atom?limit=2");
            assertThat(first.body()).doesNotContain("rel=\"next\"");
            String lastModified = header(first, "Last-Modified");

            s.add("older", "2026-11-29T05:00:00Z", "2026-11-30T15:00:00Z");

            HttpResponse<String> again = s.get("/feeds/all.atom?limit=2", "If-Modified-Since", lastModified);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("rel=\"next\"").doesNotContain("خبر older من wafa");
            assertThat(httpDate(header(again, "Last-Modified"))).isEqualTo("2026-11-30T15:00:00Z");
        }
    }

    /**
     * Regression (HTTP validators): HTTP dates have whole seconds, the store keeps microseconds. A copy
     * sent in the second of a change said Last-Modified: that second, and a story stored later in the
     * same second left the feed at that second too, so a reader asking If-Modified-Since got 304 and
     * never saw the story.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void aStoryStoredLaterInTheSecondOfTheReadersCopyIsNotAnsweredWith304(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            s.add("c", "2026-11-30T11:00:00Z", "2026-11-30T12:00:00.300Z");
            s.serverClock().set(Instant.parse("2026-11-30T12:00:00.500Z"));
            HttpResponse<String> first = s.get("/feeds/all.atom");
            String lastModified = header(first, "Last-Modified");
            assertThat(httpDate(lastModified)).as("not after the copy was made (RFC 9110 8.8.2.1)")
                    .isBeforeOrEqualTo("2026-11-30T12:00:00Z");

            s.add("d", "2026-11-30T11:30:00Z", "2026-11-30T12:00:00.800Z");
            s.serverClock().set(Instant.parse("2026-11-30T12:00:02.500Z"));

            HttpResponse<String> again = s.get("/feeds/all.atom", "If-Modified-Since", lastModified);
            assertThat(again.statusCode()).as("the feed changed after the copy sent as of " + lastModified).isEqualTo(200);
            assertThat(again.body()).contains("خبر d من wafa");
            // the change's second is long over: Last-Modified is that change rounded up, and holds
            String settled = header(again, "Last-Modified");
            assertThat(httpDate(settled)).isEqualTo("2026-11-30T12:00:01Z");
            assertThat(s.get("/feeds/all.atom", "If-Modified-Since", settled).statusCode()).isEqualTo(304);
            assertThat(s.get("/feeds/all.atom", "If-Modified-Since", lastModified).statusCode()).isEqualTo(200);
        }
    }

    /**
     * A copy made in the second of a change cannot say when it was last modified to the second, so
     * a date alone does not get it a 304 until its second is over; its ETag still does, and once the
     * second is over the same bytes are sent with a Last-Modified that does.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void aCopyMadeInTheSecondOfAChangeIsRevalidatedByItsEtagAndSettlesAfterwards(String kind, @TempDir Path dir)
            throws Exception {
        try (Server s = start(kind, dir)) {
            s.add("c", "2026-11-30T11:00:00Z", "2026-11-30T12:00:00.300Z");
            s.serverClock().set(Instant.parse("2026-11-30T12:00:00.500Z"));
            HttpResponse<String> first = s.get("/feeds/all.atom");
            String etag = header(first, "ETag");
            String early = header(first, "Last-Modified");

            s.serverClock().set(Instant.parse("2026-11-30T12:00:00.700Z"));
            assertThat(s.get("/feeds/all.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(s.get("/feeds/all.atom", "If-Modified-Since", early).statusCode())
                    .as("a change may still come within the second of " + early).isEqualTo(200);

            s.serverClock().set(Instant.parse("2026-11-30T12:00:05Z"));
            HttpResponse<String> later = s.get("/feeds/all.atom");
            assertThat(header(later, "ETag")).as("the same bytes").isEqualTo(etag);
            assertThat(httpDate(header(later, "Last-Modified"))).isEqualTo("2026-11-30T12:00:01Z");
            assertThat(s.get("/feeds/all.atom", "If-Modified-Since", header(later, "Last-Modified")).statusCode())
                    .isEqualTo(304);

            // a change within the second of the settled date still shows: the ETag moves, the date too
            s.add("d", "2026-11-30T11:30:00Z", "2026-11-30T12:00:05.100Z");
            s.serverClock().set(Instant.parse("2026-11-30T12:00:09Z"));
            assertThat(s.get("/feeds/all.atom", "If-None-Match", etag).statusCode()).isEqualTo(200);
            assertThat(s.get("/feeds/all.atom", "If-Modified-Since", header(later, "Last-Modified")).statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * Regression (HTTP validators): the retention purge removed stories and so changed the bytes and
     * the ETag of the documents that showed them, but not their Last-Modified: a reader asking
     * If-Modified-Since got 304 and kept a feed listing stories that were gone. A document whose
     * stories do not reach back to what was removed keeps its date.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void theRetentionPurgeMovesLastModifiedOfTheDocumentsThatShowedWhatItRemoved(String kind, @TempDir Path dir)
            throws Exception {
        try (Server s = start(kind, dir)) {
            s.add("old", "2026-11-20T08:00:00Z", "2026-11-20T08:05:00Z");
            HttpResponse<String> whole = s.get("/feeds/all.atom");
            HttpResponse<String> json = s.get("/feeds/all.json");
            assertThat(whole.body()).contains("خبر old من wafa");
            // the newest story, and the one beyond it for its next link: the 29th only
            HttpResponse<String> newest = s.get("/feeds/all.atom?limit=1");
            // its prev-archive link leads to the 20th
            HttpResponse<String> archive = s.get("/feeds/all/archive/2026-11-29.atom");
            assertThat(archive.body()).contains("/feeds/all/archive/2026-11-20");

            s.storeClock().set(Instant.parse("2026-12-01T10:30:00Z"));
            assertThat(s.store().purgeStoriesBefore(Instant.parse("2026-11-25T00:00:00Z"))).isEqualTo(1);
            s.feeds().invalidate();
            s.serverClock().set(Instant.parse("2026-12-01T11:00:00Z"));

            HttpResponse<String> purged = s.get("/feeds/all.atom", "If-Modified-Since", header(whole, "Last-Modified"));
            assertThat(purged.statusCode()).as("the feed lost a story").isEqualTo(200);
            assertThat(purged.body()).doesNotContain("خبر old من wafa");
            assertThat(httpDate(header(purged, "Last-Modified"))).isEqualTo("2026-12-01T10:30:00Z");
            assertThat(feedUpdated(purged.body())).as("the feed's own updated says the same")
                    .isEqualTo("2026-12-01T10:30:00Z");
            assertThat(s.get("/feeds/all.json", "If-Modified-Since", header(json, "Last-Modified")).statusCode())
                    .isEqualTo(200);

            HttpResponse<String> relinked = s.get("/feeds/all/archive/2026-11-29.atom", "If-Modified-Since",
                    header(archive, "Last-Modified"));
            assertThat(relinked.statusCode()).as("its prev-archive link is gone").isEqualTo(200);
            assertThat(relinked.body()).doesNotContain("/feeds/all/archive/2026-11-20");
            assertThat(httpDate(header(relinked, "Last-Modified"))).isEqualTo("2026-12-01T10:30:00Z");

            HttpResponse<String> same = s.get("/feeds/all.atom?limit=1", "If-Modified-Since", header(newest, "Last-Modified"));
            assertThat(same.statusCode()).as("a page that never reached the 20th").isEqualTo(304);
            assertThat(header(s.get("/feeds/all.atom?limit=1"), "ETag")).isEqualTo(header(newest, "ETag"));
        }
    }

    /** The server's clock, moved by the test. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(AtomicReference<Instant> now) {
            this.now = now;
        }

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " in " + r.headers()));
    }

    static Instant httpDate(String value) {
        return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    static Element root(String atom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }

    static Instant feedUpdated(String atom) throws Exception {
        return Instant.parse(child(root(atom), "updated"));
    }

    /** The entry whose title is {@code title}. */
    static Element entry(String atom, String title) throws Exception {
        List<Element> entries = new ArrayList<>();
        for (Node n = root(atom).getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals("entry")) entries.add(e);
        }
        return entries.stream().filter(e -> title.equals(child(e, "title"))).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + title + " in\n" + atom));
    }

    /** Text of the first direct Atom child named {@code name}. */
    static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ATOM.equals(e.getNamespaceURI()) && e.getLocalName().equals(name)) {
                return e.getTextContent().strip();
            }
        }
        throw new AssertionError("no " + name + " in " + parent.getLocalName());
    }
}

package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
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

/**
 * Regression (QA, archives): the archives of a feed with {@code other_news: digest} left out its
 * "أخبار أخرى" digest entries, which the feed carries beside its stories (e.g.
 * {@code tag:…:feed/dig/other-news/PT6H/2026-11-28T21:00Z}), so once a digest dropped off the feed a
 * reader rebuilding history from the archives never saw its items. Each digest is now in the
 * archive of the day of its earliest item, as the feed shows it. Digest windows follow Baghdad's day
 * (six hours from 21:00Z); the server's clock says 2026-12-01.
 */
class ArchiveDigestsIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DIGEST = "tag:nashra.test,2026:feed/dig/other-news/PT6H/";

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    record Server(TestDatabases.Handle db, StoryStore store, FeedService feeds, WebServer web,
                  AtomicReference<Instant> storeClock) implements AutoCloseable {
        String base() {
            return "http://127.0.0.1:" + web.port();
        }

        void add(String source, String guid, Role role, String published, String storedAt) {
            Instant t = Instant.parse(published);
            Instant at = Instant.parse(storedAt);
            storeClock.set(at);
            String title = "خبر " + guid + " من " + source;
            RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                    "نص الخبر", null, t, null, null, null, List.of(), role, null);
            store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                    ArabicText.matchingKey("نص الخبر"), raw.url(), t, null, List.of()), null, "new", 0, null, at);
            feeds.invalidate();
        }

        HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
            URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl.replace("http://127.0.0.1/", base() + "/")
                    : base() + pathOrUrl);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as("GET %s: %s", uri, r.body()).isIn(200, 304);
            return r;
        }

        JsonNode json(String pathOrUrl) throws Exception {
            return JSON.readTree(get(pathOrUrl).body());
        }

        @Override public void close() throws Exception {
            web.close();
            db.close();
        }
    }

    /**
     * Stories on the 28th and 29th; other news in a window of the 28th (09:00Z), in a window across
     * the night of the 28th (21:00Z to 03:00Z on the 29th) and on the 30th, a day without stories.
     */
    static Server start(String kind, Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                defaults: { timezone: Asia/Baghdad }
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: nile, name: النيل, url: "https://nile.example/rss", groups: [egypt] }
                feeds:
                  - { id: dig, title: كل الأخبار, include: { groups: ["*"] }, other_news: digest, limit: 100 }
                  - { id: sep, title: منفصلة, include: { groups: ["*"] }, other_news: separate }
                  - { id: drop, title: بلا أخبار أخرى, include: { groups: ["*"] }, other_news: drop }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        TestDatabases.Handle db = TestDatabases.open(kind);
        new SourceRepository(db.db()).sync(file.sources());
        AtomicReference<Instant> storeClock = new AtomicReference<>(Instant.parse("2026-11-28T00:00:00Z"));
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> 0, storeClock::get);
        HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
        AtomicReference<Instant> serverClock = new AtomicReference<>(LastModifiedIT.TODAY.instant());
        FeedService feeds = new FeedService(file, store, new FeedWriter(), http, new LastModifiedIT.MovableClock(serverClock));
        WebServer web = new WebServer(feeds, file, new SourceRepository(db.db()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
        Server s = new Server(db, store, feeds, web, storeClock);
        s.add("wafa", "m1", Role.MAIN, "2026-11-28T10:00:00Z", "2026-11-28T10:05:00Z");
        s.add("wafa", "o1", Role.OTHER, "2026-11-28T10:30:00Z", "2026-11-28T10:35:00Z");
        s.add("nile", "o2", Role.OTHER, "2026-11-28T11:00:00Z", "2026-11-28T11:05:00Z");
        s.add("nile", "o3", Role.OTHER, "2026-11-28T22:00:00Z", "2026-11-28T22:05:00Z");
        s.add("wafa", "o4", Role.OTHER, "2026-11-29T01:00:00Z", "2026-11-29T01:05:00Z");
        s.add("nile", "m2", Role.MAIN, "2026-11-29T08:00:00Z", "2026-11-29T08:05:00Z");
        s.add("wafa", "o5", Role.OTHER, "2026-11-30T12:00:00Z", "2026-11-30T12:05:00Z");
        s.add("wafa", "m3", Role.MAIN, "2026-12-01T08:00:00Z", "2026-12-01T08:05:00Z");
        return s;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eachDigestOfTheFeedIsInTheArchiveOfItsEarliestItemsDayAsTheFeedShowsIt(String kind, @TempDir Path dir)
            throws Exception {
        try (Server s = start(kind, dir)) {
            Map<String, JsonNode> inFeed = digests(s.json("/feeds/dig.json").get("items"));
            assertThat(inFeed.keySet()).containsExactly(DIGEST + "2026-11-30T09:00Z", DIGEST + "2026-11-28T21:00Z",
                    DIGEST + "2026-11-28T09:00Z");

            Map<String, JsonNode> archives = archives(s, "/feeds/dig.json");
            assertThat(archives.keySet()).as("the 30th holds a digest and no story").containsExactly(
                    "http://127.0.0.1/feeds/dig/archive/2026-11-30.json",
                    "http://127.0.0.1/feeds/dig/archive/2026-11-29.json",
                    "http://127.0.0.1/feeds/dig/archive/2026-11-28.json");
            Map<String, List<String>> ids = new LinkedHashMap<>();
            archives.forEach((url, doc) -> ids.put(url, ids(doc.get("items"))));
            assertThat(ids.get("http://127.0.0.1/feeds/dig/archive/2026-11-30.json"))
                    .containsExactly(DIGEST + "2026-11-30T09:00Z");
            assertThat(ids.get("http://127.0.0.1/feeds/dig/archive/2026-11-29.json"))
                    .as("the night's window is the 28th's: its earliest item is").containsExactly("tag:nashra.test,2026:story:6");
            assertThat(ids.get("http://127.0.0.1/feeds/dig/archive/2026-11-28.json")).containsExactly(
                    DIGEST + "2026-11-28T21:00Z", DIGEST + "2026-11-28T09:00Z", "tag:nashra.test,2026:story:1");

            // the same entry as in the feed: id, title, dates, and content (the night's with the 29th's item)
            Map<String, JsonNode> archived = new LinkedHashMap<>();
            archives.values().forEach(doc -> archived.putAll(digests(doc.get("items"))));
            assertThat(archived).isEqualTo(inFeed);
            assertThat(archived.get(DIGEST + "2026-11-28T21:00Z").get("content_html").asText())
                    .contains("خبر o3 من nile").contains("خبر o4 من wafa");
            // and in Atom and RSS, by id
            String atom = s.get("/feeds/dig/archive/2026-11-28.atom").body();
            assertThat(atom).contains("<id>" + DIGEST + "2026-11-28T21:00Z</id>");
            assertThat(s.get("/feeds/dig/archive/2026-11-30.rss").body())
                    .contains("<guid isPermaLink=\"false\">" + DIGEST + "2026-11-30T09:00Z</guid>");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void feedsThatPublishNoDigestsArchiveNone(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            for (String feed : List.of("sep", "drop")) {
                Map<String, JsonNode> archives = archives(s, "/feeds/" + feed + ".json");
                assertThat(archives.keySet()).as(feed).containsExactly(
                        "http://127.0.0.1/feeds/" + feed + "/archive/2026-11-29.json",
                        "http://127.0.0.1/feeds/" + feed + "/archive/2026-11-28.json");
                for (JsonNode doc : archives.values()) {
                    assertThat(digests(doc.get("items"))).as(feed).isEmpty();
                    assertThat(doc.toString()).as(feed).doesNotContain("خبر o");
                }
            }
        }
    }

    /**
     * Regression (validators): an archive's Last-Modified must move when a digest leaves it or
     * changes, though none of its stories changed.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void aDigestChangingOrMovingToAnotherDayMovesTheArchivesLastModified(String kind, @TempDir Path dir)
            throws Exception {
        try (Server s = start(kind, dir)) {
            String day28 = "/feeds/dig/archive/2026-11-28.json";
            String day30 = "/feeds/dig/archive/2026-11-30.json";
            HttpResponse<String> first28 = s.get(day28);
            HttpResponse<String> first30 = s.get(day30);
            assertThat(s.get(day28, "If-Modified-Since", LastModifiedIT.header(first28, "Last-Modified")).statusCode())
                    .isEqualTo(304);

            // an item of the 29th joins the night's window, placed on the 28th
            s.add("nile", "o6", Role.OTHER, "2026-11-29T02:00:00Z", "2026-12-01T09:00:00Z");
            HttpResponse<String> joined = s.get(day28, "If-Modified-Since", LastModifiedIT.header(first28, "Last-Modified"));
            assertThat(joined.statusCode()).isEqualTo(200);
            assertThat(joined.body()).contains("خبر o6 من nile");
            assertThat(LastModifiedIT.httpDate(LastModifiedIT.header(joined, "Last-Modified")))
                    .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));

            // an item of the 29th's night (21:00Z) stored late, then one before it, on the 29th: the
            // window, placed on the 30th by its first item, moves to the 29th (whose newest entry,
            // which the 30th's prev-archive link names, is a story after it)
            s.add("nile", "m4", Role.MAIN, "2026-11-29T23:50:00Z", "2026-12-01T09:05:00Z");
            s.add("wafa", "o7", Role.OTHER, "2026-11-30T01:00:00Z", "2026-12-01T09:10:00Z");
            HttpResponse<String> before = s.get(day30);
            assertThat(ids(JSON.readTree(before.body()).get("items"))).contains(DIGEST + "2026-11-29T21:00Z");
            s.add("nile", "o8", Role.OTHER, "2026-11-29T23:00:00Z", "2026-12-01T09:20:00Z");
            HttpResponse<String> left = s.get(day30, "If-Modified-Since", LastModifiedIT.header(before, "Last-Modified"));
            assertThat(left.statusCode()).as("the window left the 30th").isEqualTo(200);
            assertThat(ids(JSON.readTree(left.body()).get("items"))).containsExactly(DIGEST + "2026-11-30T09:00Z");
            assertThat(ids(s.json("/feeds/dig/archive/2026-11-29.json").get("items")))
                    .containsExactly("tag:nashra.test,2026:story:10", DIGEST + "2026-11-29T21:00Z", "tag:nashra.test,2026:story:6");
            assertThat(LastModifiedIT.httpDate(LastModifiedIT.header(left, "Last-Modified")))
                    .isEqualTo(Instant.parse("2026-12-01T09:20:00Z"));
            assertThat(LastModifiedIT.httpDate(LastModifiedIT.header(first30, "Last-Modified")))
                    .isBefore(LastModifiedIT.httpDate(LastModifiedIT.header(left, "Last-Modified")));
        }
    }

    /** Every archive from the feed's prev-archive link on, by URL, oldest last. */
    static Map<String, JsonNode> archives(Server s, String feed) throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        JsonNode doc = s.json(feed);
        while (doc.at("/_nashra/prev_archive_url").isTextual()) {
            String url = doc.at("/_nashra/prev_archive_url").asText();
            doc = s.json(url);
            assertThat(doc.at("/_nashra/archive").asBoolean()).as(url).isTrue();
            assertThat(out.put(url, doc)).as("%s once", url).isNull();
        }
        return out;
    }

    static Map<String, JsonNode> digests(JsonNode items) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        items.forEach(i -> {
            if (i.get("id").asText().startsWith(DIGEST) || i.get("title").asText().startsWith("أخبار أخرى")) {
                out.put(i.get("id").asText(), i);
            }
        });
        return out;
    }

    static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }
}

package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * Regression (QA, archives): a day's RFC 5005 archive held its 1,000 newest stories and no more
 * (FeedService.archiveDocument asked the store for 1,000), so with 1,100 stories in a day the 100
 * earliest were in no archive, and a reader rebuilding history from the archives never saw them.
 * A heavy day is now several archive documents, newest first, chained by prev-archive and
 * next-archive: every story is in exactly one. The server's clock says 2026-12-01.
 */
class ArchivePagesIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String HISTORY = "http://purl.org/syndication/history/1.0";
    /** Stories on the heavy day, 2026-11-29: a page of 1,000 and 100 more. */
    static final int HEAVY = 1100;

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    record Server(TestDatabases.Handle db, StoryStore store, FeedService feeds, WebServer web,
                  AtomicReference<Instant> storeClock) implements AutoCloseable {
        String base() {
            return "http://127.0.0.1:" + web.port();
        }

        /** Stores a main story of {@code source}'s at {@code storedAt} by the store's clock. */
        void add(String source, String guid, Instant published, Instant storedAt) {
            add(source, guid, Role.MAIN, published, storedAt);
        }

        void add(String source, String guid, Role role, Instant published, Instant storedAt) {
            storeClock.set(storedAt);
            String title = "خبر " + guid + " من " + source;
            RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                    "نص الخبر", null, published, null, null, null, List.of(), role, null);
            store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                    ArabicText.matchingKey("نص الخبر"), raw.url(), published, null, List.of()), null, "new", 0, null, storedAt);
        }

        HttpResponse<String> get(String pathOrUrl, String... headers) throws Exception {
            URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl.replace("http://127.0.0.1/", base() + "/")
                    : base() + pathOrUrl);
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override public void close() throws Exception {
            web.close();
            db.close();
        }
    }

    /**
     * 1,100 stories on the 29th, one a minute from midnight, alternately wafa's and nile's
     * (guids h0 to h1099, oldest first); one on the 27th, none on the 28th, one on the 30th and
     * one today. Other news on the 29th, which feed dig shows in digests of six hours (UTC): at
     * 00:30 and 05:00 (page 2's time, and page 1's), at 12:00 and at 23:30.
     */
    static Server start(String kind, Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                defaults: { timezone: UTC }
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: nile, name: النيل, url: "https://nile.example/rss", groups: [egypt] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] }, other_news: drop }
                  - { id: dig, title: مع أخبار أخرى, include: { groups: ["*"] }, other_news: digest }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        TestDatabases.Handle db = TestDatabases.open(kind);
        new SourceRepository(db.db()).sync(file.sources());
        AtomicReference<Instant> storeClock = new AtomicReference<>(Instant.parse("2026-11-29T00:00:00Z"));
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> 0, storeClock::get);
        HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
        FeedService feeds = new FeedService(file, store, new FeedWriter(), http, LastModifiedIT.TODAY);
        WebServer web = new WebServer(feeds, file, new SourceRepository(db.db()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
        Server s = new Server(db, store, feeds, web, storeClock);
        Instant day = Instant.parse("2026-11-29T00:00:00Z");
        for (int i = 0; i < HEAVY; i++) {
            Instant t = day.plusSeconds(60L * i);
            s.add(i % 2 == 0 ? "wafa" : "nile", "h" + i, t, t.plusSeconds(30));
        }
        s.add("wafa", "d27", Instant.parse("2026-11-27T12:00:00Z"), Instant.parse("2026-11-27T12:05:00Z"));
        s.add("nile", "d30", Instant.parse("2026-11-30T12:00:00Z"), Instant.parse("2026-11-30T12:05:00Z"));
        s.add("wafa", "today", Instant.parse("2026-12-01T08:00:00Z"), Instant.parse("2026-12-01T08:05:00Z"));
        for (String t : List.of("00:30", "05:00", "12:00", "23:30")) {
            Instant at = Instant.parse("2026-11-29T" + t + ":00Z");
            s.add("nile", "o" + t.replace(":", ""), Role.OTHER, at, at.plusSeconds(10));
        }
        return s;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyStoryOfAHeavyDayIsInExactlyOneArchiveReachedFromTheFeed(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            // the feed links the newest archive; each archive the next older one
            Map<String, Doc> chain = new LinkedHashMap<>();
            String url = link(s.get("/feeds/all.atom").body(), "prev-archive");
            while (url != null) {
                HttpResponse<String> r = s.get(url);
                assertThat(r.statusCode()).as(url).isEqualTo(200);
                Doc doc = Doc.of(r.body());
                assertThat(chain.put(url, doc)).as("%s is reached once", url).isNull();
                url = doc.links().get("prev-archive");
            }
            assertThat(chain.keySet()).containsExactly(
                    "http://127.0.0.1/feeds/all/archive/2026-11-30.atom",
                    "http://127.0.0.1/feeds/all/archive/2026-11-29.atom",
                    "http://127.0.0.1/feeds/all/archive/2026-11-29/2.atom",
                    "http://127.0.0.1/feeds/all/archive/2026-11-27.atom");

            List<String> all = new ArrayList<>();
            chain.values().forEach(d -> all.addAll(d.titles()));
            assertThat(all).as("every story before today, once").doesNotHaveDuplicates().hasSize(HEAVY + 2);
            Doc newest = chain.get("http://127.0.0.1/feeds/all/archive/2026-11-29.atom");
            Doc older = chain.get("http://127.0.0.1/feeds/all/archive/2026-11-29/2.atom");
            assertThat(newest.titles()).hasSize(DayArchives.PAGE).startsWith("خبر h1099 من nile").endsWith("خبر h100 من wafa");
            assertThat(older.titles()).as("the day's 100 earliest stories").hasSize(100)
                    .startsWith("خبر h99 من nile").endsWith("خبر h0 من wafa");
            for (Map.Entry<String, Doc> e : chain.entrySet()) {
                assertThat(e.getValue().archive()).as("fh:archive in %s", e.getKey()).isTrue();
                assertThat(e.getValue().links().get("current")).isEqualTo("http://127.0.0.1/feeds/all.atom");
                assertThat(e.getValue().links().get("self")).isEqualTo(e.getKey());
            }

            // next-archive walks the same documents the other way, through the empty 28th
            assertThat(Doc.of(s.get("/feeds/all/archive/2026-11-27.atom").body()).links().get("next-archive"))
                    .isEqualTo("http://127.0.0.1/feeds/all/archive/2026-11-28.atom");
            assertThat(Doc.of(s.get("/feeds/all/archive/2026-11-28.atom").body()).links().get("next-archive"))
                    .as("the 29th's oldest page").isEqualTo("http://127.0.0.1/feeds/all/archive/2026-11-29/2.atom");
            assertThat(older.links().get("next-archive")).isEqualTo("http://127.0.0.1/feeds/all/archive/2026-11-29.atom");
            assertThat(newest.links().get("next-archive")).isEqualTo("http://127.0.0.1/feeds/all/archive/2026-11-30.atom");
            assertThat(chain.get("http://127.0.0.1/feeds/all/archive/2026-11-30.atom").links()).doesNotContainKey("next-archive");

            // the page is an archive in every format, each holding the same 100 stories
            JsonNode json = new ObjectMapper().readTree(s.get("/feeds/all/archive/2026-11-29/2.json").body());
            assertThat(json.at("/_nashra/archive").asBoolean()).isTrue();
            assertThat(json.get("items")).hasSize(100);
            assertThat(json.at("/_nashra/prev_archive_url").asText()).isEqualTo("http://127.0.0.1/feeds/all/archive/2026-11-27.json");
            assertThat(json.at("/_nashra/next_archive_url").asText()).isEqualTo("http://127.0.0.1/feeds/all/archive/2026-11-29.json");
            String rss = s.get("/feeds/all/archive/2026-11-29/2.rss").body();
            assertThat(rss.split("<item>", -1)).hasSize(101);
            assertThat(rss).contains("<fh:archive").contains("href=\"http://127.0.0.1/feeds/all/archive/2026-11-27.rss\" rel=\"prev-archive\"");
            // valid Atom
            com.thaiopensource.validate.ValidationDriver jing =
                    new com.thaiopensource.validate.ValidationDriver(com.thaiopensource.validate.rng.CompactSchemaReader.getInstance());
            assertThat(jing.loadSchema(new org.xml.sax.InputSource(getClass().getResource("/schemas/atom.rnc").toString()))).isTrue();
            assertThat(jing.validate(new org.xml.sax.InputSource(new ByteArrayInputStream(
                    s.get("/feeds/all/archive/2026-11-29/2.atom").body().getBytes(StandardCharsets.UTF_8))))).isTrue();

            // one URL per document: no page 1, none past the last, none of a day of one page
            for (String path : List.of("/feeds/all/archive/2026-11-29/1.atom", "/feeds/all/archive/2026-11-29/02.atom",
                    "/feeds/all/archive/2026-11-29/3.atom", "/feeds/all/archive/2026-11-30/2.atom",
                    "/feeds/all/archive/2026-12-01/2.atom", "/feeds/all/archive/2026-11-29/2.xml",
                    "/feeds/all/archive/2026-11-29/two.atom", "/feeds/nope/archive/2026-11-29/2.atom")) {
                HttpResponse<String> r = s.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(404);
                assertThat(r.body()).as(path).contains("/feeds/{id}/archive/YYYY-MM-DD/2.atom");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aLateStoryReshapesTheHeavyDaysPagesAndMovesTheirValidators(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            String path = "/feeds/all/archive/2026-11-29/2.atom";
            HttpResponse<String> first = s.get(path);
            String etag = LastModifiedIT.header(first, "ETag");
            String lastModified = LastModifiedIT.header(first, "Last-Modified");
            assertThat(LastModifiedIT.httpDate(lastModified)).as("the day's last change")
                    .isEqualTo(Instant.parse("2026-11-29T18:19:30Z"));
            assertThat(s.get(path, "If-None-Match", etag).statusCode()).isEqualTo(304);
            assertThat(s.get(path, "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
            HttpResponse<String> older = s.get("/feeds/all/archive/2026-11-27.atom");

            // the newest story of the 29th, stored today: page 1 gains it, and hands its oldest to page 2
            s.add("wafa", "late", Instant.parse("2026-11-29T23:00:00Z"), Instant.parse("2026-12-01T09:00:00Z"));
            s.feeds().invalidate();

            HttpResponse<String> moved = s.get(path, "If-Modified-Since", lastModified);
            assertThat(moved.statusCode()).as("page 2 changed though none of its stories did").isEqualTo(200);
            assertThat(LastModifiedIT.httpDate(LastModifiedIT.header(moved, "Last-Modified")))
                    .isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
            assertThat(LastModifiedIT.feedUpdated(moved.body())).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
            assertThat(s.get(path, "If-None-Match", etag).statusCode()).isEqualTo(200);
            List<String> titles = Doc.of(moved.body()).titles();
            assertThat(titles).hasSize(101).startsWith("خبر h100 من wafa");
            List<String> page1 = Doc.of(s.get("/feeds/all/archive/2026-11-29.atom").body()).titles();
            assertThat(page1).hasSize(DayArchives.PAGE).startsWith("خبر late من wafa").doesNotContain("خبر h100 من wafa");

            // the 27th links the 28th, which did not change: its copy stands
            assertThat(s.get("/feeds/all/archive/2026-11-27.atom", "If-Modified-Since",
                    LastModifiedIT.header(older, "Last-Modified")).statusCode()).isEqualTo(304);
        }
    }

    /**
     * A digest is on the page among whose stories its earliest item falls, whole: the night's window
     * on the 100 earliest stories' page, though one of its items is of page 1's time.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void aHeavyDaysDigestsAreEachOnThePageOfTheirEarliestItem(String kind, @TempDir Path dir) throws Exception {
        try (Server s = start(kind, dir)) {
            String digest = "tag:nashra.test,2026:feed/dig/other-news/PT6H/2026-11-29T";
            Map<String, List<String>> ids = new LinkedHashMap<>();
            for (String page : List.of("2026-11-29", "2026-11-29/2")) {
                JsonNode json = new ObjectMapper().readTree(s.get("/feeds/dig/archive/" + page + ".json").body());
                List<String> out = new ArrayList<>();
                json.get("items").forEach(i -> out.add(i.get("id").asText()));
                ids.put(page, out);
                if (page.endsWith("/2")) {
                    JsonNode night = json.get("items").get(out.indexOf(digest + "00:00Z"));
                    assertThat(night.get("content_html").asText()).contains("خبر o0030 من nile").contains("خبر o0500 من nile");
                }
            }
            List<String> first = ids.get("2026-11-29");
            assertThat(first).hasSize(DayArchives.PAGE + 2).startsWith(digest + "18:00Z")
                    .contains(digest + "12:00Z").doesNotContain(digest + "00:00Z", digest + "06:00Z");
            List<String> second = ids.get("2026-11-29/2");
            assertThat(second).hasSize(100 + 1).contains(digest + "00:00Z").doesNotContain(digest + "12:00Z", digest + "18:00Z");
            // in its place among the stories, newest first: its earliest item is of h30's minute, and
            // stored after it (stories h0 to h1099 are 1 to 1100)
            int at = second.indexOf(digest + "00:00Z");
            assertThat(second.get(at - 1)).isEqualTo("tag:nashra.test,2026:story:32");
            assertThat(second.get(at + 1)).isEqualTo("tag:nashra.test,2026:story:31");
        }
    }

    /** What a reader takes from an Atom document: its links by rel, entries' titles, and whether it is an archive. */
    record Doc(Map<String, String> links, List<String> titles, boolean archive) {
        static Doc of(String atom) throws Exception {
            Element root = root(atom);
            Map<String, String> links = new LinkedHashMap<>();
            List<String> titles = new ArrayList<>();
            boolean archive = false;
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) continue;
                if (HISTORY.equals(e.getNamespaceURI()) && e.getLocalName().equals("archive")) archive = true;
                if (!ATOM.equals(e.getNamespaceURI())) continue;
                if (e.getLocalName().equals("link")) links.put(e.getAttribute("rel"), e.getAttribute("href"));
                if (e.getLocalName().equals("entry")) titles.add(LastModifiedIT.child(e, "title"));
            }
            Set<String> seen = new HashSet<>(titles);
            assertThat(seen).as("titles in one document").hasSameSizeAs(titles);
            return new Doc(links, titles, archive);
        }
    }

    static String link(String atom, String rel) throws Exception {
        return Doc.of(atom).links().get(rel);
    }

    static Element root(String atom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
    }
}

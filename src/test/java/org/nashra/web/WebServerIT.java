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
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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

/** The HTTP contract feed readers rely on: validators, 304, gzip, HEAD, CORS, filters. */
class WebServerIT {
    static TestDatabases.Handle db;
    static WebServer server;
    static FeedService feeds;
    static StoryStore store;
    static String base;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: nile, name: النيل, url: "https://nile.example/rss", groups: [egypt] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] }, other_news: separate }
                  - { id: dig, title: موجز, include: { groups: ["*"] }, other_news: digest }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        db = TestDatabases.open("h2");
        new SourceRepository(db.db()).sync(file.sources());
        // the store's clock before the server's: a change after the server's "now" is a copy made
        // within the second of its change, whose date revalidates nothing (LastModified)
        store = new StoryStore(db.db(), "nashra.test,2026", id -> 0,
                java.time.InstantSource.fixed(Instant.parse("2026-11-29T09:00:00.250Z")));
        Instant t = Instant.parse("2026-11-29T08:00:00Z");
        add("wafa", "a1", "الرئيس الأسد يستقبل وفداً", Role.MAIN, t);
        add("nile", "b1", "مصر تعلن موازنة جديدة", Role.MAIN, t.plusSeconds(60));
        add("wafa", "o1", "خبر من أخبار أخرى", Role.OTHER, t.plusSeconds(120));
        server = new WebServer(feeds = new FeedService(file, store, new FeedWriter(),
                new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026"),
                java.time.Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), java.time.ZoneOffset.UTC)),
                file, new SourceRepository(db.db()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026"))
                .start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    static void add(String source, String guid, String title, Role role, Instant t) {
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                "نص الخبر", null, t, null, null, null, List.of(), role, null);
        store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title), ArabicText.matchingKey("نص الخبر"),
                raw.url(), t, null, List.of()), null, "new", 0, null, t);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        db.close();
    }

    static HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void feedHasStrongValidatorsAndAnswersConditionalRequestsWith304() throws Exception {
        HttpResponse<byte[]> r = get("/feeds/all.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/atom+xml; charset=utf-8");
        String etag = r.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("\"").doesNotStartWith("W/");
        String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).matches("public, max-age=\\d+");

        assertThat(get("/feeds/all.atom", "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(get("/feeds/all.atom", "If-Modified-Since", lastModified).statusCode()).isEqualTo(304);
        assertThat(get("/feeds/all.atom", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
        // the same bytes twice: the ETag is stable between polls
        assertThat(get("/feeds/all.atom").headers().firstValue("ETag")).contains(etag);
    }

    @Test
    void gzipIsAnotherRepresentationWithItsOwnEtag() throws Exception {
        HttpResponse<byte[]> plain = get("/feeds/all.rss");
        HttpResponse<byte[]> gz = get("/feeds/all.rss", "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gz.headers().firstValue("Vary").orElseThrow()).contains("Accept-Encoding");
        byte[] inflated = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();
        assertThat(inflated).isEqualTo(plain.body());
        assertThat(gz.headers().firstValue("ETag")).isNotEqualTo(plain.headers().firstValue("ETag"));
        assertThat(get("/feeds/all.rss", "Accept-Encoding", "gzip", "If-None-Match",
                gz.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
    }

    @Test
    void headHasHeadersButNoBody() throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + "/feeds/all.json"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("ETag")).isPresent();
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void filtersAndOtherNewsCompanion() throws Exception {
        String all = new String(get("/feeds/all.json").body(), StandardCharsets.UTF_8);
        assertThat(all).contains("الرئيس الأسد يستقبل وفداً").contains("مصر تعلن موازنة جديدة").doesNotContain("خبر من أخبار أخرى");
        String q = new String(get("/feeds/all.json?q=" + java.net.URLEncoder.encode("الاسد", StandardCharsets.UTF_8)).body(),
                StandardCharsets.UTF_8);
        assertThat(q).contains("الرئيس الأسد").doesNotContain("مصر تعلن");
        String egypt = new String(get("/feeds/all.json?group=egypt").body(), StandardCharsets.UTF_8);
        assertThat(egypt).contains("مصر تعلن").doesNotContain("الأسد");
        String excluded = new String(get("/feeds/all.json?exclude=nile").body(), StandardCharsets.UTF_8);
        assertThat(excluded).doesNotContain("مصر تعلن");
        String other = new String(get("/feeds/all/other.json").body(), StandardCharsets.UTF_8);
        assertThat(other).contains("خبر من أخبار أخرى").doesNotContain("مصر تعلن");
        assertThat(get("/feeds/all.json?limit=zero").statusCode()).isEqualTo(400);
        assertThat(get("/feeds/nope.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void digestModeGroupsOtherNewsIntoOneEntryBesideTheStories() throws Exception {
        String json = new String(get("/feeds/dig.json").body(), StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.JsonNode items = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("items");
        assertThat(items).hasSize(3);
        List<String> titles = new java.util.ArrayList<>();
        items.forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).contains("الرئيس الأسد يستقبل وفداً", "مصر تعلن موازنة جديدة");
        com.fasterxml.jackson.databind.JsonNode digest = java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.get("title").asText().startsWith("أخبار أخرى")).findFirst().orElseThrow();
        assertThat(digest.get("content_html").asText()).contains("خبر من أخبار أخرى").contains("https://wafa.example/o1");
        // the digest's id is stable across renders
        feeds.invalidate();
        String again = new String(get("/feeds/dig.json").body(), StandardCharsets.UTF_8);
        assertThat(again).contains(digest.get("id").asText());
    }

    /**
     * QA run: a digest entry linked to the index page, where a reader who follows it finds other
     * stories. It links to a page of its own window, at a URL built like its id, so it stays stable.
     */
    @Test
    void aDigestEntryLinksToAPageOfItsWindow() throws Exception {
        String page = "/feeds/dig/other-news/PT6H/2026-11-29T06:00Z";
        assertThat(digestEntry("/feeds/dig.json").get("url").asText()).isEqualTo("http://127.0.0.1" + page);
        assertThat(digestEntry("/feeds/dig.json?source=wafa").get("url").asText())
                .as("a filtered view's digest shows its own members").isEqualTo("http://127.0.0.1" + page + "?source=wafa");

        HttpResponse<byte[]> r = get(page);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html").contains("charset=utf-8");
        org.jsoup.nodes.Document html = org.jsoup.Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8));
        assertThat(html.select("h1").text()).isEqualTo("أخبار أخرى — 29 تشرين الثاني 2026، 06:00–12:00");
        assertThat(html.select("a[href=https://wafa.example/o1]").text()).isEqualTo("خبر من أخبار أخرى");
        assertThat(html.select("html").attr("dir")).isEqualTo("rtl");

        assertThat(get(page + "?source=nile").statusCode()).as("no item of nile in the window").isEqualTo(404);
        assertThat(get("/feeds/dig/other-news/PT6H/2026-11-29T07:00Z").statusCode()).as("not a window's start").isEqualTo(404);
        assertThat(get("/feeds/dig/other-news/PT3H/2026-11-29T06:00Z").statusCode()).as("not the feed's window").isEqualTo(404);
        assertThat(get("/feeds/all/other-news/PT6H/2026-11-29T06:00Z").statusCode()).as("all has no digests").isEqualTo(404);
        assertThat(get("/feeds/dig/other-news/PT6H/yesterday").statusCode()).isEqualTo(404);
    }

    static com.fasterxml.jackson.databind.JsonNode digestEntry(String path) throws Exception {
        com.fasterxml.jackson.databind.JsonNode items = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(get(path).body()).get("items");
        return java.util.stream.StreamSupport.stream(items.spliterator(), false)
                .filter(i -> i.get("title").asText().startsWith("أخبار أخرى")).findFirst().orElseThrow();
    }

    @Test
    void opmlListsSourcesAndPublishedFeeds() throws Exception {
        HttpResponse<byte[]> sources = get("/sources.opml");
        assertThat(sources.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/x-opml");
        org.w3c.dom.Document doc = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(sources.body()));
        assertThat(doc.getElementsByTagName("outline").getLength()).isGreaterThanOrEqualTo(2);
        assertThat(new String(sources.body(), StandardCharsets.UTF_8)).contains("xmlUrl=\"https://wafa.example/rss\"");
        String feedsOpml = new String(get("/feeds.opml").body(), StandardCharsets.UTF_8);
        assertThat(feedsOpml).contains("xmlUrl=\"http://127.0.0.1/feeds/all.atom\"")
                .contains("xmlUrl=\"http://127.0.0.1/feeds/dig.atom\"");
    }

    @Test
    void pagingFollowsTheNextLink() throws Exception {
        String first = new String(get("/feeds/all.atom?limit=1").body(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("rel=\"next\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*rel=\"next\"").matcher(first);
        assertThat(m.find()).as("next link in %s", first).isTrue();
        String next = (m.group(1) != null ? m.group(1) : m.group(2)).replace("&amp;", "&");
        String path = URI.create(next).getRawPath() + "?" + URI.create(next).getRawQuery();
        String second = new String(get(path).body(), StandardCharsets.UTF_8);
        assertThat(first).contains("مصر تعلن");
        assertThat(second).contains("الرئيس الأسد").doesNotContain("مصر تعلن");
    }

    @Test
    void badPagingCursorsAreRefused() throws Exception {
        assertThat(get("/feeds/all.json?before=yesterday").statusCode()).isEqualTo(400);
        assertThat(get("/feeds/all.json?after=1795944600000-x").statusCode()).isEqualTo(400);
        assertThat(get("/feeds/all.json?before=1795944600000-1&after=1795944600000-1").statusCode()).isEqualTo(400);
        assertThat(new String(get("/feeds/all.json?before=1.5-").body(), StandardCharsets.UTF_8)).contains("'before'");
    }

    @Test
    void pastDaysAreRfc5005ArchivesLinkedFromTheFeed() throws Exception {
        String live = new String(get("/feeds/all.atom").body(), StandardCharsets.UTF_8);
        assertThat(live).contains("rel=\"prev-archive\"").contains("http://127.0.0.1/feeds/all/archive/2026-11-29.atom");

        HttpResponse<byte[]> r = get("/feeds/all/archive/2026-11-29.atom");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).isPresent();
        String archive = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(archive).contains("<fh:archive").contains("http://purl.org/syndication/history/1.0")
                .contains("rel=\"current\"").contains("rel=\"next-archive\"")
                .contains("الرئيس الأسد يستقبل وفداً").contains("مصر تعلن موازنة جديدة").doesNotContain("خبر من أخبار أخرى");
        com.thaiopensource.validate.ValidationDriver jing =
                new com.thaiopensource.validate.ValidationDriver(com.thaiopensource.validate.rng.CompactSchemaReader.getInstance());
        assertThat(jing.loadSchema(new org.xml.sax.InputSource(getClass().getResource("/schemas/atom.rnc").toString()))).isTrue();
        assertThat(jing.validate(new org.xml.sax.InputSource(new ByteArrayInputStream(r.body())))).isTrue();

        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(get("/feeds/all/archive/2026-11-29.json").body());
        assertThat(json.at("/_nashra/archive").asBoolean()).isTrue();
        assertThat(json.at("/_nashra/current_url").asText()).isEqualTo("http://127.0.0.1/feeds/all.json");
        assertThat(get("/feeds/all/archive/2026-12-01.atom").statusCode()).as("today is not an archive yet").isEqualTo(404);
        assertThat(get("/feeds/all/archive/yesterday.atom").statusCode()).isEqualTo(404);
    }

    @Test
    void daysBeforeTheFirstStoryAreNoArchives() throws Exception {
        // regression (QA of the demo): 2020-01-01 answered an empty archive whose next-archive led
        // day by day through years of empty archives
        for (String day : List.of("2020-01-01", "2026-11-28")) {
            for (String format : List.of("atom", "rss", "json")) {
                assertThat(get("/feeds/all/archive/" + day + "." + format).statusCode()).as(day + "." + format).isEqualTo(404);
            }
        }
        assertThat(get("/feeds/all/archive/2026-11-29.rss").statusCode()).as("the first story's day").isEqualTo(200);
        HttpResponse<byte[]> empty = get("/feeds/all/archive/2026-11-30.json");
        assertThat(empty.statusCode()).as("an empty day after the first story stays an archive").isEqualTo(200);
        assertThat(new String(empty.body(), StandardCharsets.UTF_8)).contains("\"items\" : [ ]");
    }

    @Test
    void storyApiSaysWhyEachMemberJoined() throws Exception {
        com.fasterxml.jackson.databind.JsonNode story = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(get("/api/stories/1").body());
        assertThat(story.get("tag").asText()).isEqualTo("tag:nashra.test,2026:story:1");
        assertThat(story.at("/members/0/match_rule").asText()).isEqualTo("new");
        assertThat(story.at("/members/0/source").asText()).isEqualTo("wafa");
        assertThat(get("/api/stories/999").statusCode()).isEqualTo(404);
        assertThat(get("/api/stories/abc").statusCode()).isEqualTo(400);
    }

    @Test
    void indexPageAdvertisesFeedsAndSourcesApiAnswers() throws Exception {
        String index = new String(get("/").body(), StandardCharsets.UTF_8);
        assertThat(index).contains("dir=\"rtl\"").contains("rel=\"alternate\" type=\"application/atom+xml\"");
        String api = new String(get("/api/sources").body(), StandardCharsets.UTF_8);
        assertThat(api).contains("\"id\":\"wafa\"").contains("\"error_streak\":0");
        assertThat(new String(get("/metrics").body(), StandardCharsets.UTF_8)).isNotNull();
    }
}

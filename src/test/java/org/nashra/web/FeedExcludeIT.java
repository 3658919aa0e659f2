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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * Regression (QA as an operator): a feed with {@code exclude: { sources: [furat] }} in feeds.yml
 * still published the stories furat carried beside an included outlet, with furat as their link
 * and author (it had the higher priority), while {@code ?exclude=furat} left them out. The
 * configured exclude only trimmed the include list. It now leaves out every story furat carried,
 * as documented, in every format, page, archive, other-news entry and the JSON API.
 */
class FeedExcludeIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FURAT_NAME = "وكالة الفرات";
    static final Pattern NEXT = Pattern.compile("<(?:atom:)?link[^>]*rel=\"next\"[^>]*>");
    static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    static TestDatabases.Handle db;
    static WebServer server;
    static String base;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: furat, name: وكالة الفرات, url: "https://furat.example/rss", groups: [iraq], priority: 9 }
                feeds:
                  - { id: iraq, title: العراق, include: { groups: [iraq] }, exclude: { sources: [furat] }, other_news: digest }
                  - { id: sep, title: العراق منفصلة, include: { groups: [iraq] }, exclude: { sources: [furat] }, other_news: separate }
                  - { id: inline, title: العراق كله, include: { sources: [wafa, furat] }, exclude: { sources: [furat] }, other_news: inline }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        db = TestDatabases.open("h2");
        new SourceRepository(db.db()).sync(file.sources());
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> file.source(id).orElseThrow().priority());
        Instant t = Instant.parse("2026-11-29T08:00:00Z");
        add(store, "wafa", "w1", "خبر وفا الأول", Role.MAIN, t, null);
        // one story, carried by both: furat represents it (priority 9)
        long shared = add(store, "wafa", "w2", "خبر مشترك بين المصدرين", Role.MAIN, t.plusSeconds(60), null);
        add(store, "furat", "f2", "خبر مشترك بين المصدرين", Role.MAIN, t.plusSeconds(61), shared);
        add(store, "furat", "f3", "خبر الفرات وحدها", Role.MAIN, t.plusSeconds(120), null);
        add(store, "wafa", "w4", "خبر وفا الأخير", Role.MAIN, t.plusSeconds(180), null);
        // other news: one of each, and one both carried
        add(store, "wafa", "wo1", "خبر آخر من وفا", Role.OTHER, t.plusSeconds(240), null);
        add(store, "furat", "fo1", "خبر آخر من الفرات", Role.OTHER, t.plusSeconds(300), null);
        long otherShared = add(store, "wafa", "wo2", "خبر آخر مشترك", Role.OTHER, t.plusSeconds(360), null);
        add(store, "furat", "fo2", "خبر آخر مشترك", Role.OTHER, t.plusSeconds(361), otherShared);
        HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
        server = new WebServer(new FeedService(file, store, new FeedWriter(), http,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)), file, new SourceRepository(db.db()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    static long add(StoryStore store, String source, String guid, String title, Role role, Instant t, Long story) {
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                "نص الخبر", null, t, null, null, null, List.of(), role, null);
        return store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                ArabicText.matchingKey("نص الخبر"), raw.url(), t, null, List.of()), story, story == null ? "new" : "title",
                1, null, t).orElseThrow().storyId();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        db.close();
    }

    static String get(String pathOrUrl) throws Exception {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl.replace("http://127.0.0.1/", base + "/"))
                : URI.create(base + pathOrUrl);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as("GET %s: %s", uri, r.body()).isEqualTo(200);
        return r.body();
    }

    static void assertNoFurat(String what, String body) {
        assertThat(body).as(what).doesNotContain("furat.example").doesNotContain(FURAT_NAME)
                .doesNotContain("خبر مشترك بين المصدرين").doesNotContain("خبر آخر مشترك");
    }

    /** Every page of a feed, following its next links from the first, in pages of one entry. */
    static List<String> pages(String path, String format) throws Exception {
        List<String> out = new ArrayList<>();
        String url = path + "." + format + "?limit=1";
        while (url != null && out.size() < 20) {
            String body = get(url);
            out.add(body);
            url = null;
            if (format.equals("json")) {
                JsonNode next = JSON.readTree(body).get("next_url");
                if (next != null) url = next.asText();
            } else {
                Matcher link = NEXT.matcher(body);
                if (link.find()) {
                    Matcher href = HREF.matcher(link.group());
                    if (href.find()) url = href.group(1).replace("&amp;", "&");
                }
            }
        }
        return out;
    }

    @Test
    void aStoryAnExcludedSourceCarriedIsLeftOutOfEveryFormatAndPage() throws Exception {
        for (String feed : List.of("/feeds/iraq", "/feeds/sep", "/feeds/inline")) {
            for (String format : List.of("atom", "rss", "json")) {
                String whole = get(feed + "." + format);
                assertNoFurat(feed + "." + format, whole);
                assertThat(whole).as(feed + "." + format).contains("خبر وفا الأول").contains("خبر وفا الأخير");
                List<String> pages = pages(feed, format);
                assertThat(pages).as(feed + "." + format + " in pages of one").hasSizeGreaterThan(1);
                for (String page : pages) assertNoFurat(feed + "." + format + " page", page);
            }
        }
    }

    @Test
    void otherNewsAnExcludedSourceCarriedIsLeftOutOfDigestsAndCompanions() throws Exception {
        for (String format : List.of("atom", "rss", "json")) {
            String digest = get("/feeds/iraq." + format);
            assertThat(digest).as("digest " + format).contains("خبر آخر من وفا").doesNotContain("خبر آخر من الفرات");
            String companion = get("/feeds/sep/other." + format);
            assertNoFurat("companion " + format, companion);
            assertThat(companion).as("companion " + format).contains("خبر آخر من وفا")
                    .doesNotContain("خبر آخر من الفرات");
            String inline = get("/feeds/inline." + format);
            assertThat(inline).as("inline " + format).contains("خبر آخر من وفا").doesNotContain("خبر آخر من الفرات");
        }
    }

    @Test
    void archivesLeaveThemOutToo() throws Exception {
        for (String format : List.of("atom", "rss", "json")) {
            String archive = get("/feeds/iraq/archive/2026-11-29." + format);
            assertNoFurat("archive " + format, archive);
            assertThat(archive).as("archive " + format).contains("خبر وفا الأول");
        }
    }

    @Test
    void theJsonApiAndTheQueryParameterAgreeWithTheConfiguredExclude() throws Exception {
        String api = get("/api/feeds/iraq/stories");
        assertNoFurat("API", api);
        assertThat(api).contains("خبر وفا الأول");
        // the configured exclude and ?exclude= are one filter: asking for it again changes nothing
        JsonNode configured = JSON.readTree(get("/feeds/inline.json")).get("items");
        JsonNode asked = JSON.readTree(get("/feeds/inline.json?exclude=furat")).get("items");
        assertThat(configured).isEqualTo(asked);
        assertThat(JSON.readTree(get("/feeds/inline.json?source=furat")).get("items")).isEmpty();
    }

    /** QA: a filtered view named itself as the whole feed (self, feed_url and id), and linked the whole feed's archives. */
    @Test
    void aFilteredViewNamesItselfAndNotTheWholeFeed() throws Exception {
        String whole = get("/feeds/iraq.atom");
        assertThat(whole).contains("<id>tag:nashra.test,2026:feed/iraq</id>")
                .contains("rel=\"self\" type=\"application/atom+xml\" href=\"http://127.0.0.1/feeds/iraq.atom\"")
                .contains("rel=\"prev-archive\"");

        String view = get("/feeds/iraq.atom?source=wafa&limit=2");
        assertThat(view).contains("<id>tag:nashra.test,2026:feed/iraq?source=wafa</id>")
                .containsPattern("<link rel=\"self\"[^>]*href=\"http://127.0.0.1/feeds/iraq.atom\\?source=wafa\"")
                .doesNotContain("rel=\"prev-archive\"");
        assertThat(JSON.readTree(get("/feeds/iraq.json?source=wafa&limit=2")).get("feed_url").asText())
                .isEqualTo("http://127.0.0.1/feeds/iraq.json?source=wafa");
    }
}

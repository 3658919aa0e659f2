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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
 * Regressions (QA as an aggregator) in {@code /api/feeds/{id}/stories}: its {@code contentHtml}
 * kept the outlet's relative links ({@code /akhbar/0.html}), which the feeds make absolute, and
 * its answer had no paging links, so a client built the {@code before} cursor by hand.
 */
class StoriesApiIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BODY = "<p>قال المصدر <a href=\"/akhbar/0.html\">في خبر سابق</a> إن العمل مستمر."
            + " <img src=\"img/1.jpg\" alt=\"صورة\"></p><script>alert(1)</script>";

    static TestDatabases.Handle db;
    static WebServer server;
    static String base;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: babil, name: بوابة بابل, url: "https://babil.example/", type: html, groups: [iraq] }
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] }, other_news: digest }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        db = TestDatabases.open("h2");
        new SourceRepository(db.db()).sync(file.sources());
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Instant t = Instant.parse("2026-11-29T08:00:00Z");
        for (int i = 1; i <= 5; i++) {
            String source = i % 2 == 0 ? "wafa" : "babil";
            add(store, source, "akhbar/" + i + ".html", "خبر رقم " + i + " من " + source, Role.MAIN, t.plusSeconds(60L * i));
        }
        // two at one instant: the cursor must tell them apart
        add(store, "wafa", "akhbar/6.html", "خبر رقم 6 من wafa", Role.MAIN, t.plusSeconds(300));
        // at the instant of the other-news item, stored before it: a story just below the digest
        add(store, "wafa", "akhbar/7.html", "خبر رقم 7 من wafa", Role.MAIN, t.plusSeconds(90));
        add(store, "babil", "akhbar/o1.html", "خبر من أخبار أخرى", Role.OTHER, t.plusSeconds(90));
        HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
        server = new WebServer(new FeedService(file, store, new FeedWriter(), http,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC)), file, new SourceRepository(db.db()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + server.port();
    }

    static void add(StoryStore store, String source, String path, String title, Role role, Instant t) {
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + path, path, title, BODY,
                "قال المصدر في خبر سابق إن العمل مستمر.", null, t, null, null, null, List.of(), role, null);
        store.insert(new NormalizedItem(raw, title, raw.text(), ArabicText.matchingKey(title),
                ArabicText.matchingKey(raw.text()), raw.url(), t, null, List.of()), null, "new", 0, null, t);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        db.close();
    }

    /** GET of a path, or of an absolute link the server wrote (its base URL is http://127.0.0.1). */
    static JsonNode get(String pathOrLink) throws Exception {
        String url = pathOrLink.startsWith("http://127.0.0.1/") ? base + pathOrLink.substring("http://127.0.0.1".length())
                : base + pathOrLink;
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("stories").forEach(s -> out.add(s.get("tagId").asText()));
        return out;
    }

    @Test
    void contentHtmlIsTheFeedsBodyWithAbsoluteLinks() throws Exception {
        JsonNode api = get("/api/feeds/all/stories");
        JsonNode feed = get("/feeds/all.json");
        int checked = 0;
        for (JsonNode story : api.get("stories")) {
            if (!story.get("link").asText().startsWith("https://babil.example/akhbar/")) continue;
            String html = story.get("contentHtml").asText();
            assertThat(html).as(story.get("link").asText())
                    .contains("href=\"https://babil.example/akhbar/0.html\"")
                    .contains("src=\"https://babil.example/akhbar/img/1.jpg\"")
                    .doesNotContain("href=\"/akhbar").doesNotContain("src=\"img/").doesNotContain("<script")
                    .contains("dir=\"rtl\"");
            JsonNode item = null;
            for (JsonNode i : feed.get("items")) if (i.get("id").asText().equals(story.get("tagId").asText())) item = i;
            assertThat(item).as("the same story in the JSON Feed").isNotNull();
            // the feeds' content is this body, then the list of outlets the API gives as data
            assertThat(item.get("content_html").asText()).startsWith(html);
            checked++;
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void nextAndPreviousWalkTheFeedsPages() throws Exception {
        List<String> all = ids(get("/api/feeds/all/stories?limit=1000"));
        assertThat(all).hasSize(8); // seven stories and one other-news digest
        assertThat(get("/api/feeds/all/stories?limit=1000").get("next").isNull()).isTrue();

        List<JsonNode> pages = new ArrayList<>();
        JsonNode page = get("/api/feeds/all/stories?limit=2");
        assertThat(page.get("previous").isNull()).as("the first page has no previous").isTrue();
        while (true) {
            pages.add(page);
            if (page.get("next").isNull()) break;
            assertThat(pages).as("pages").hasSizeLessThan(10);
            page = get(page.get("next").asText());
        }
        List<String> walked = new ArrayList<>();
        pages.forEach(p -> walked.addAll(ids(p)));
        assertThat(walked).containsExactlyElementsOf(all);

        // the same cursors as the JSON Feed's own links, on the API's path
        JsonNode feed = get("/feeds/all.json?limit=2");
        assertThat(URI.create(pages.get(0).get("next").asText()).getPath()).isEqualTo("/api/feeds/all/stories");
        assertThat(URI.create(pages.get(0).get("next").asText()).getRawQuery())
                .isEqualTo(URI.create(feed.get("next_url").asText()).getRawQuery());

        // previous links lead back through the same pages
        List<String> back = new ArrayList<>();
        JsonNode p = pages.get(pages.size() - 1);
        while (!p.get("previous").isNull()) {
            p = get(p.get("previous").asText());
            List<String> ids = ids(p);
            Collections.reverse(ids);
            back.addAll(ids);
        }
        Collections.reverse(back);
        assertThat(back).containsExactlyElementsOf(all.subList(0, all.size() - ids(pages.get(pages.size() - 1)).size()));
    }

    /**
     * Regression (QA as an aggregator): the API's entries had no cursor. A story's could be pieced
     * together from its time and id, but an other-news digest has id 0 and sits at its earliest
     * item's place, so a client paging from a digest by what the entry shows skipped the story of
     * that instant below it, or got the digest again. Every entry now carries the feeds' cursor.
     */
    @Test
    void everyEntryCarriesTheCursorThatPagesFromItDigestsIncluded() throws Exception {
        JsonNode all = get("/api/feeds/all/stories?limit=1000");
        List<String> ids = ids(all);
        int digests = 0;
        for (int i = 0; i < ids.size(); i++) {
            JsonNode entry = all.get("stories").get(i);
            assertThat(entry.hasNonNull("cursor")).as("cursor of " + ids.get(i)).isTrue();
            String cursor = entry.get("cursor").asText();
            assertThat(cursor).matches("\\d+(\\.\\d+)?-\\d+");
            if (entry.get("id").asLong() == 0) digests++;
            assertThat(ids(get("/api/feeds/all/stories?limit=1000&before=" + cursor))).as("the entries after " + ids.get(i))
                    .containsExactlyElementsOf(ids.subList(i + 1, ids.size()));
            assertThat(ids(get("/api/feeds/all/stories?limit=1000&after=" + cursor))).as("the entries before " + ids.get(i))
                    .containsExactlyElementsOf(ids.subList(0, i));
        }
        assertThat(digests).isEqualTo(1);
        // the cursor the feeds' next link names a page's last entry by
        JsonNode page = get("/api/feeds/all/stories?limit=2");
        assertThat(page.get("next").asText()).contains("before=" + page.get("stories").get(1).get("cursor").asText() + "&");
    }

    @Test
    void pagingLinksKeepTheFilters() throws Exception {
        JsonNode page = get("/api/feeds/all/stories?limit=1&exclude=babil");
        assertThat(page.get("next").asText()).contains("exclude=babil").contains("limit=1");
        List<String> walked = new ArrayList<>(ids(page));
        while (!page.get("next").isNull()) {
            page = get(page.get("next").asText());
            walked.addAll(ids(page));
        }
        assertThat(walked).containsExactlyElementsOf(ids(get("/api/feeds/all/stories?limit=1000&exclude=babil")));
        assertThat(walked).hasSize(4);
    }
}

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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.config.SourceConfig;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.publish.FeedWriter;
import org.nashra.store.FetchOutcome;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;
import org.w3c.dom.Element;

/**
 * Regression (QA): a source removed from feeds.yml stayed in the health output as "ok" with a
 * next due time that never came, and went on representing the stories it had carried with a
 * configured source, named by its bare id. Health now lists the configured sources; a removed
 * source's copy represents a story only when no configured copy does, and keeps its last name.
 */
class RemovedSourceIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Instant PUBLISHED = Instant.parse("2026-11-29T08:00:00Z");

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static FeedsFile config(Path dir, String name, String sources) throws Exception {
        Path yml = dir.resolve(name);
        Files.writeString(yml, "sources:\n" + sources + """
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """);
        return ConfigLoader.loadFeeds(yml);
    }

    static StoryStore store(TestDatabases.Handle db, FeedsFile config, String now) {
        return new StoryStore(db.db(), "nashra.test,2026",
                id -> config.source(id).map(SourceConfig::priority).orElse(0),
                id -> config.source(id).isPresent(), () -> Instant.parse(now));
    }

    static long add(StoryStore store, Long story, String source, String guid) {
        String title = "افتتاح جسر جديد على نهر دجلة في بغداد";
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                "نص الخبر", null, PUBLISHED, null, null, null, List.of(), Role.MAIN, null);
        return store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                ArabicText.matchingKey("نص الخبر"), raw.url(), PUBLISHED, null, List.of()), story,
                story == null ? "new" : "near", 0.9, null, PUBLISHED).orElseThrow().storyId();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRemovedSourceLeavesHealthAndNoLongerRepresentsAStoryAConfiguredSourceCarried(String kind, @TempDir Path dir)
            throws Exception {
        FeedsFile before = config(dir, "before.yml", """
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: dijla, name: قناة دجلة, url: "https://dijla.example/rss", groups: [iraq], priority: 5 }
                """);
        FeedsFile after = config(dir, "after.yml", """
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                """);
        try (TestDatabases.Handle db = TestDatabases.open(kind)) {
            SourceRepository sources = new SourceRepository(db.db());
            sources.sync(before.sources());
            StoryStore first = store(db, before, "2026-11-29T09:00:00Z");
            long story = add(first, null, "dijla", "d1");
            add(first, story, "wafa", "w1");
            assertThat(first.story(story).orElseThrow().representative().sourceId()).as("priority 5").isEqualTo("dijla");
            sources.record(new FetchOutcome("dijla", Instant.parse("2026-11-29T09:00:00Z"), "ok", 200, null, null, 1, 0, 0,
                    null, Instant.parse("2026-11-29T09:15:00Z"), null, null, null, null, null));

            // restarted without dijla, as the composition root does it: sync, then representatives
            sources.sync(after.sources());
            StoryStore second = store(db, after, "2026-11-30T10:00:00Z");
            assertThat(second.reconsiderRepresentatives()).isEqualTo(1);
            HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
            FeedService feeds = new FeedService(after, second, new FeedWriter(), http,
                    Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
            try (WebServer web = new WebServer(feeds, after, sources, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                    http).start("127.0.0.1", 0)) {
                String base = "http://127.0.0.1:" + web.port();

                JsonNode health = new ObjectMapper().readTree(get(base + "/api/sources").body());
                List<String> ids = new ArrayList<>();
                health.path("sources").forEach(s -> ids.add(s.path("id").asText()));
                assertThat(ids).as("configured sources only").containsExactly("wafa");
                assertThat(health.path("sources").get(0).path("name").asText()).isEqualTo("وفا");

                HttpResponse<String> atom = get(base + "/feeds/all.atom");
                Element entry = LastModifiedIT.entry(atom.body(), "افتتاح جسر جديد على نهر دجلة في بغداد");
                assertThat(entry.getElementsByTagNameNS(LastModifiedIT.ATOM, "link").item(0).getAttributes()
                        .getNamedItem("href").getNodeValue()).isEqualTo("https://wafa.example/w1");
                assertThat(LastModifiedIT.child((Element) entry.getElementsByTagNameNS(LastModifiedIT.ATOM, "author").item(0),
                        "name")).isEqualTo("وفا");
                String content = LastModifiedIT.child(entry, "content");
                assertThat(content).as("the removed source still listed, by the name it had")
                        .contains("قناة دجلة").doesNotContain(">dijla<");
                assertThat(LastModifiedIT.httpDate(LastModifiedIT.header(atom, "Last-Modified")))
                        .as("a new representative is a change").isEqualTo("2026-11-30T10:00:00Z");
                assertThat(LastModifiedIT.child(entry, "updated")).isEqualTo("2026-11-30T10:00:00Z");
            }
            assertThat(second.reconsiderRepresentatives()).as("nothing left to move").isZero();
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}

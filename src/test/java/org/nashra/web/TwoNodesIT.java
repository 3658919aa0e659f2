package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
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
import org.nashra.store.Database;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;

/**
 * Regression (several nodes on one database): a node served its cached rendering of a feed until
 * its own next pass invalidated it, however the store had changed meanwhile through another node:
 * two nodes behind one address answered with two versions of a feed, and a reader's 304 depended
 * on which node it reached. Two service instances, each with its own pool, on one schema.
 */
class TwoNodesIT {
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Clock SERVERS = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    /** One node: its own pool, store, renderings and HTTP server. */
    record Node(Database db, StoryStore store, FeedService feeds, WebServer web) implements AutoCloseable {
        static Node start(Database db, FeedsFile file, AtomicReference<Instant> storeClock) {
            StoryStore store = new StoryStore(db, "nashra.test,2026", id -> 0, storeClock::get);
            HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
            FeedService feeds = new FeedService(file, store, new FeedWriter(), http, SERVERS);
            WebServer web = new WebServer(feeds, file, new SourceRepository(db),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
            return new Node(db, store, feeds, web);
        }

        /** Stores a main story of wafa's, as this node's pass would, and drops this node's renderings. */
        void add(String guid, String published) {
            Instant t = Instant.parse(published);
            String title = "خبر " + guid;
            RawItem raw = new RawItem("wafa", "https://wafa.example/" + guid, guid, title, "<p>نص الخبر</p>", "نص الخبر",
                    null, t, null, null, null, List.of(), Role.MAIN, null);
            store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                    ArabicText.matchingKey("نص الخبر"), raw.url(), t, null, List.of()), null, "new", 0, null, t).orElseThrow();
            feeds.invalidate();
        }

        HttpResponse<String> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path));
            for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        @Override public void close() {
            web.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyNodeServesWhatTheStoreHoldsWhicheverNodeChangedIt(String kind, @TempDir Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        AtomicReference<Instant> storeClock = new AtomicReference<>(Instant.parse("2026-11-29T09:00:00Z"));
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            new SourceRepository(h.db()).sync(file.sources());
            try (Database other = h.openAnother();
                 Node reader = Node.start(h.db(), file, storeClock);
                 Node writer = Node.start(other, file, storeClock)) {
                writer.add("first", "2026-11-29T08:00:00Z");
                String[] paths = {"/feeds/all.atom", "/feeds/all.json", "/api/feeds/all/stories", "/",
                        "/feeds/all/archive/2026-11-29.atom"};
                HttpResponse<String> before = reader.get("/feeds/all.atom");
                for (String path : paths) {
                    assertThat(reader.get(path).body()).as("the reader's copy of " + path).contains("خبر first");
                }

                storeClock.set(Instant.parse("2026-11-30T12:00:00Z"));
                writer.add("second", "2026-11-29T08:30:00Z");

                for (String path : paths) {
                    assertThat(reader.get(path).body()).as(path + " on the node that did not store it")
                            .contains("خبر second");
                }
                HttpResponse<String> after = reader.get("/feeds/all.atom", "If-None-Match", LastModifiedIT.header(before, "ETag"));
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(LastModifiedIT.header(after, "ETag")).as("both nodes send the same bytes")
                        .isEqualTo(LastModifiedIT.header(writer.get("/feeds/all.atom"), "ETag"));
                assertThat(reader.get("/feeds/all.atom", "If-Modified-Since", LastModifiedIT.header(before, "Last-Modified"))
                        .statusCode()).isEqualTo(200);

                // the retention purge on one node empties the feed on the other
                storeClock.set(Instant.parse("2026-11-30T13:00:00Z"));
                assertThat(writer.store().purgeStoriesBefore(Instant.parse("2026-11-30T00:00:00Z"))).isEqualTo(2);
                writer.feeds().invalidate();
                for (String path : paths) {
                    assertThat(reader.get(path).body()).as(path + " after the other node's purge")
                            .doesNotContain("خبر first").doesNotContain("خبر second");
                }
            }
        }
    }
}

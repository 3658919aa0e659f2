package org.nashra.web;

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
import java.util.List;
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
 * A real server on an ephemeral port over embedded H2, with enough sources and stories that the
 * index page, the JSON API and the OPML lists are big enough to be worth compressing, as in the
 * demo. Stories are on 2026-11-29; the clock says 2026-12-01, so that day is an archive.
 */
final class TestServer implements AutoCloseable {
    static final String[] SOURCES = {"wafa", "nile", "dijla", "furat", "basra", "manara"};
    static final Instant DAY = Instant.parse("2026-11-29T08:00:00Z");

    final String base;
    private final TestDatabases.Handle db;
    private final WebServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(TestDatabases.Handle db, WebServer server) {
        this.db = db;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    static TestServer start(Path dir) throws Exception {
        StringBuilder yml = new StringBuilder("sources:\n");
        for (String s : SOURCES) {
            yml.append("  - { id: ").append(s).append(", name: مصدر ").append(s).append(", url: \"https://")
                    .append(s).append(".example/rss\", groups: [iraq] }\n");
        }
        yml.append("""
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] }, other_news: separate }
                """);
        Path file = dir.resolve("feeds.yml");
        Files.writeString(file, yml);
        FeedsFile feeds = ConfigLoader.loadFeeds(file);
        TestDatabases.Handle db = TestDatabases.open("h2");
        new SourceRepository(db.db()).sync(feeds.sources());
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        for (int i = 0; i < 24; i++) {
            String source = SOURCES[i % SOURCES.length];
            add(store, source, "s" + i, "خبر رقم " + i + " عن موازنة العراق ومشاريع الكهرباء في " + source, Role.MAIN,
                    DAY.plusSeconds(60L * i));
        }
        add(store, "wafa", "o1", "خبر من أخبار أخرى", Role.OTHER, DAY.plusSeconds(3600));
        HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
        FeedService service = new FeedService(feeds, store, new FeedWriter(), http,
                Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        WebServer server = new WebServer(service, feeds, new SourceRepository(db.db()),
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), http).start("127.0.0.1", 0);
        return new TestServer(db, server);
    }

    private static void add(StoryStore store, String source, String guid, String title, Role role, Instant t) {
        String text = "نص الخبر الكامل كما نشره المصدر، بفقرات عدة عن الموضوع نفسه.";
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>" + text + "</p>",
                text, null, t, null, null, null, List.of(), role, null);
        store.insert(new NormalizedItem(raw, title, text, ArabicText.matchingKey(title), ArabicText.matchingKey(text),
                raw.url(), t, null, List.of()), null, "new", 0, null, t);
    }

    /** The request as sent, headers in name/value pairs; the body is read raw (no decompression). */
    HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() throws Exception {
        server.close();
        db.close();
    }
}

package org.nashra.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;
import org.nashra.config.DatabaseSettings;
import org.nashra.store.Database;
import org.nashra.store.SourceRepository;

/**
 * {@code nashra fetch} runs its sources at once, as {@code serve} does: QA saw one slow outlet hold up
 * every source listed after it. Overlap is shown by what the store recorded, never by how long the run took.
 */
class FetchCommandIT {
    /**
     * The slow outlet keeps its answer back until the quick outlets' items are stored, for at most this long. A
     * fixed delay of a few seconds shows the same on an idle machine; on a loaded two-core one the quick passes'
     * first run (class loading, JIT) took over 4 s, so the order is made certain instead of likely. Run one
     * after another, the quick sources would not start before the slow one ended: it waits this out and is
     * stored first.
     */
    static final Duration HOLD = Duration.ofSeconds(15);

    @TempDir Path dir;
    WireMockServer wm;
    Path feeds, config;

    @BeforeEach
    void start() throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.eclipse"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .extensions(new AnswerOnceStored()));
        wm.start();
        String published = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1));
        wm.stubFor(get(urlEqualTo("/slow.rss")).willReturn(rss(published, "slow", "البرلمان يصوّت على قانون الموازنة",
                "صوّت مجلس النواب اليوم على قانون الموازنة الاتحادية بعد جلسة طويلة.")).withServeEventListener(AnswerOnceStored.NAME, Parameters.empty()));
        wm.stubFor(get(urlEqualTo("/quick-a.rss")).willReturn(rss(published, "quick-a", "ارتفاع أسعار الذهب في الأسواق المحلية",
                "ارتفعت أسعار الذهب في الأسواق المحلية صباح اليوم بنسبة طفيفة.")));
        wm.stubFor(get(urlEqualTo("/broken.rss")).willReturn(aResponse().withStatus(500).withBody("oops")));
        wm.stubFor(get(urlEqualTo("/quick-b.rss")).willReturn(rss(published, "quick-b", "افتتاح جسر جديد في البصرة",
                "افتتحت المحافظة جسرا جديدا يربط ضفتي شط العرب قبل موعده.")));

        String base = "http://127.0.0.1:" + wm.port();
        feeds = dir.resolve("feeds.yml");
        // the slow outlet first: run one after another, it would hold up every other source
        Files.writeString(feeds, """
                sources:
                  - { id: slow, url: "%1$s/slow.rss", type: rss }
                  - { id: quick-a, url: "%1$s/quick-a.rss", type: rss }
                  - { id: broken, url: "%1$s/broken.rss", type: rss }
                  - { id: quick-b, url: "%1$s/quick-b.rss", type: rss }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(base));
        // one host for all four: the per-host gate lets them all in, a short gap apart
        config = dir.resolve("nashra.yml");
        Files.writeString(config, """
                fetch:
                  allow_private_hosts: [127.0.0.1]
                  per_host_concurrency: 4
                  per_host_gap: 50ms
                worker_threads: 4
                """);
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder rss(String published, String id,
                                                                                  String title, String text) {
        return aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%1$s</title>
                <link>https://%1$s.example/</link><description>أخبار</description>
                <item><title>%2$s</title><link>https://%1$s.example/news/1</link><guid>%1$s-1</guid>
                <description>%3$s</description><pubDate>%4$s</pubDate></item>
                </channel></rss>""".formatted(id, title, text, published).getBytes(StandardCharsets.UTF_8));
    }

    CliRun fetch(String... ids) {
        List<String> args = new ArrayList<>(List.of("--feeds", feeds.toString(), "--config", config.toString(),
                "--data", dir.resolve("data").toString(), "fetch"));
        args.addAll(List.of(ids));
        return CliRun.of(args.toArray(String[]::new));
    }

    Database database() throws Exception {
        return Database.openExisting(ConfigLoader.loadSettings(config, dir.resolve("data")).database());
    }

    /** Holds a response until the quick sources' items are in the store (the same embedded database, in this JVM). */
    final class AnswerOnceStored implements ServeEventListener {
        static final String NAME = "answer-once-quick-sources-are-stored";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public void beforeResponseSent(ServeEvent event, Parameters parameters) {
            Instant giveUp = Instant.now().plus(HOLD);
            String url = DatabaseSettings.embeddedUrl(dir.resolve("data"));
            try {
                while (Instant.now().isBefore(giveUp)) {
                    try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                         PreparedStatement ps = c.prepareStatement(
                                 "SELECT COUNT(*) FROM items WHERE source_id IN ('quick-a', 'quick-b')");
                         ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (rs.getInt(1) == 2) return;
                    } catch (SQLException notYet) {
                        // the database or its tables are not there yet
                    }
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    record Stored(String sourceId, Instant fetchedAt) {}

    /** The stored items in the order they were stored (ids are assigned in insertion order). */
    List<Stored> storedInOrder() throws Exception {
        try (Database db = database(); Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT source_id, fetched_at FROM items ORDER BY id");
             ResultSet rs = ps.executeQuery()) {
            List<Stored> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Stored(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant()));
            }
            return out;
        }
    }

    @Test
    void theQuickSourcesAreStoredBeforeTheSlowOneAnswersAndTheLinesKeepTheConfiguredOrder() throws Exception {
        CliRun run = fetch();

        assertThat(run.code()).as("a source failed: %s%s", run.out(), run.err()).isEqualTo(3);
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.out()).hasSize(4);
        assertThat(lines.get(0)).matches("slow\\s+ok\\s+new=1 dup=0 rejected=0 took .*");
        assertThat(lines.get(1)).matches("quick-a\\s+ok\\s+new=1 dup=0 rejected=0 took .*");
        assertThat(lines.get(2)).matches("broken\\s+failed\\s+new=0 dup=0 rejected=0 took .*HTTP_SERVER_ERROR.*500.*");
        assertThat(lines.get(3)).matches("quick-b\\s+ok\\s+new=1 dup=0 rejected=0 took .*");

        // the slow outlet answered (it did not wait out HOLD and get stored first): both quick ones were
        // fetched and stored while it kept its answer back
        List<Stored> stored = storedInOrder();
        assertThat(stored).extracting(Stored::sourceId).as("items in the order they were stored")
                .containsExactlyInAnyOrder("slow", "quick-a", "quick-b").endsWith("slow");
        Instant slowFetched = stored.get(2).fetchedAt();
        assertThat(stored.subList(0, 2)).allSatisfy(s -> assertThat(s.fetchedAt()).isBefore(slowFetched));
        wm.verify(1, getRequestedFor(urlEqualTo("/slow.rss")));

        // and every lease the run took is given back
        try (Database db = database(); Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM sources WHERE lease_owner IS NOT NULL");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aSourceAnotherProcessIsFetchingIsReportedBusyAndLeftAlone() throws Exception {
        assertThat(fetch("quick-a").code()).isZero(); // creates the database
        try (Database db = database()) {
            SourceRepository sources = new SourceRepository(db);
            assertThat(sources.claim("quick-b", "other-node/4242/nashra-serve", Instant.now(), Duration.ofMinutes(15))).isTrue();
        }

        CliRun run = fetch("quick-b", "quick-a");

        assertThat(run.code()).as(run.out() + run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("quick-b").contains("busy").contains("another process holds this source's lease");
        assertThat(lines.get(1)).matches("quick-a\\s+(ok|not_modified)\\s+new=0 .*");
        wm.verify(0, getRequestedFor(urlEqualTo("/quick-b.rss")));
    }
}

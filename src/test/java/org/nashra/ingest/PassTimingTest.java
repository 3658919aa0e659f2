package org.nashra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.fetch.Body;
import org.nashra.fetch.FailureKind;
import org.nashra.fetch.FetchRequest;
import org.nashra.fetch.FetchResult;
import org.nashra.fetch.Fetcher;
import org.nashra.fetch.Validators;
import org.nashra.store.BoilerplateStore;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ItemNormalizer;

/**
 * A pass's reported time leaves out what its requests waited at the per-host politeness gate: QA saw a
 * source that answers at once reported as slow because it queued behind its host's other sources.
 */
class PassTimingTest {
    static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    static final URI FEED = URI.create("https://rafidain.example/rss.xml");
    static final URI ARTICLE = URI.create("https://rafidain.example/news/1");
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>وكالة الرافدين</title><link>https://rafidain.example/</link>
            <description>أخبار</description>
            <item><title>البرلمان يصوّت على قانون الموازنة</title><link>https://rafidain.example/news/1</link>
            <guid>r-1</guid><description>صوّت مجلس النواب اليوم على قانون الموازنة.</description>
            <pubDate>Sun, 29 Nov 2026 11:00:00 +0300</pubDate></item>
            </channel></rss>
            """;

    /** A clock the fake fetcher moves, as a real fetch takes time. */
    static final class MovingClock extends Clock {
        Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    /** Each request takes {@code took} on the clock, {@code waited} of it at the host's gate. */
    record Step(Duration took, Duration waited, Function<FetchRequest, FetchResult> answer) {}

    TestDatabases.Handle db;
    SourceRepository sources;
    MovingClock clock = new MovingClock();
    List<Step> steps = new ArrayList<>();
    List<URI> asked = new ArrayList<>();

    @BeforeEach
    void open() {
        db = TestDatabases.open("h2");
        sources = new SourceRepository(db.db());
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    SourceRefresher refresher() {
        Fetcher fetcher = request -> {
            asked.add(request.url());
            Step step = steps.remove(0);
            clock.advance(step.took());
            return step.answer().apply(request);
        };
        StoryStore stories = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Ingestor ingestor = new Ingestor(stories,
                Assigners.dedup(new JdbcStoryIndex(db.db().dataSource(), DedupSettings.DEFAULT.window()), DedupSettings.DEFAULT),
                new IngestLock(db.db(), false));
        return new SourceRefresher(fetcher, sources, ingestor, new ItemNormalizer(), FixedPoll.QUARTER_HOUR, clock,
                BoilerplateMemory.load(new BoilerplateStore(db.db())));
    }

    @Test
    void aSourceThatAnswersAtOnceAfterWaitingForItsHostIsNotReportedSlow() {
        SourceConfig source = SourceConfig.of("rafidain", FEED, SourceType.RSS);
        sources.sync(List.of(source));
        Duration took = Duration.ofMillis(4200), waited = Duration.ofSeconds(3);
        steps.add(new Step(took, waited, r -> new FetchResult.NotModified(r.url(), 304, "304 Not Modified", Validators.NONE,
                null, took, waited)));

        PassSummary pass = refresher().refresh(source);

        assertThat(pass.status()).isEqualTo("not_modified");
        assertThat(pass.took()).isEqualTo(Duration.ofMillis(1200));
        assertThat(pass.hostWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pass.line()).contains("took 1.2 s (waited 3.0 s for host politeness)");
    }

    @Test
    void theWaitsOfEveryRequestOfAPassAddUp() {
        SourceConfig plain = SourceConfig.of("rafidain", FEED, SourceType.RSS);
        SourceConfig source = new SourceConfig(plain.id(), plain.name(), plain.url(), plain.type(), plain.groups(),
                plain.priority(), plain.interval(), null, null, null, "ar", true, null, true, null, null, List.of(),
                List.of());
        sources.sync(List.of(source));
        // the feed: 1.5 s, 1 s of it queued; the article page for its full text: 2.5 s, 2 s of it queued
        steps.add(new Step(Duration.ofMillis(1500), Duration.ofSeconds(1), r -> new FetchResult.Fetched(r.url(), r.url(),
                200, "application/rss+xml", new Body(RSS.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8,
                "header", Validators.NONE, null, false, Duration.ofMillis(1500), Duration.ofSeconds(1))));
        steps.add(new Step(Duration.ofMillis(2500), Duration.ofSeconds(2), r -> new FetchResult.Failed(r.url(),
                FailureKind.HTTP_SERVER_ERROR, "GET " + r.url() + " answered 503", 503, null,
                Duration.ofMillis(2500), Duration.ofSeconds(2))));

        PassSummary pass = refresher().refresh(source);

        assertThat(asked).containsExactly(FEED, ARTICLE);
        assertThat(pass.status()).isEqualTo("ok");
        assertThat(pass.itemsNew()).isEqualTo(1);
        assertThat(pass.hostWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pass.took()).isEqualTo(Duration.ofSeconds(1));
        assertThat(pass.line()).contains("took 1.0 s (waited 3.0 s for host politeness)");
    }

    @Test
    void aPassThatNeverWaitedSaysNothingAboutWaiting() {
        SourceConfig source = SourceConfig.of("rafidain", FEED, SourceType.RSS);
        sources.sync(List.of(source));
        steps.add(new Step(Duration.ofMillis(340), Duration.ZERO, r -> new FetchResult.NotModified(r.url(),
                304, "304 Not Modified", Validators.NONE, null, Duration.ofMillis(340), Duration.ZERO)));

        PassSummary pass = refresher().refresh(source);

        assertThat(pass.line()).endsWith("took 340 ms");
    }

}

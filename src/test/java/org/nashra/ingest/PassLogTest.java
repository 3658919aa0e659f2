package org.nashra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import org.slf4j.LoggerFactory;

/**
 * What a pass writes to the log. QA run: "source dijla: dijla   ok ..." named the source twice, every
 * failed pass came twice (once at WARN, then as the pass line at INFO), and counts read "1 items".
 */
class PassLogTest {
    static final URI FEED = PassTimingTest.FEED;
    static final SourceConfig SOURCE = SourceConfig.of("rafidain", FEED, SourceType.RSS);
    static final Duration TOOK = Duration.ofMillis(340);

    TestDatabases.Handle db;
    SourceRepository sources;
    PassTimingTest.MovingClock clock = new PassTimingTest.MovingClock();
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger logger = (Logger) LoggerFactory.getLogger(SourceRefresher.class);

    @BeforeEach
    void open() {
        db = TestDatabases.open("h2");
        sources = new SourceRepository(db.db());
        sources.sync(List.of(SOURCE));
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void close() throws Exception {
        logger.detachAppender(logged);
        db.close();
    }

    private PassSummary pass(Duration retention, Function<FetchRequest, FetchResult> answer) {
        Fetcher fetcher = request -> {
            clock.advance(TOOK);
            return answer.apply(request);
        };
        StoryStore stories = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Ingestor ingestor = new Ingestor(stories,
                Assigners.dedup(new JdbcStoryIndex(db.db().dataSource(), DedupSettings.DEFAULT.window()), DedupSettings.DEFAULT),
                new IngestLock(db.db(), false));
        return new SourceRefresher(fetcher, sources, ingestor, new ItemNormalizer(), FixedPoll.QUARTER_HOUR, clock,
                BoilerplateMemory.load(new BoilerplateStore(db.db())), retention).refresh(SOURCE);
    }

    private static FetchResult body(FetchRequest r, String text) {
        return new FetchResult.Fetched(r.url(), r.url(), 200, "application/rss+xml", new Body(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, "header", Validators.NONE, null, false, TOOK, Duration.ZERO);
    }

    private List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : logged.list) out.add(e.getLevel() + " " + e.getFormattedMessage());
        return out;
    }

    @Test
    void aPassIsOneLineNamingTheSourceOnce() {
        pass(null, r -> body(r, PassTimingTest.RSS));

        assertThat(lines()).containsExactly("INFO source rafidain: ok new=1 dup=0 rejected=0 took 340 ms");
    }

    @Test
    void aFailedPassIsOneLineAtWarn() {
        pass(null, r -> new FetchResult.Failed(r.url(), FailureKind.HTTP_SERVER_ERROR,
                "GET " + r.url() + " answered 500 (Internal Server Error)", 500, null, TOOK, Duration.ZERO));

        assertThat(lines()).containsExactly("WARN source rafidain: failed new=0 dup=0 rejected=0 took 340 ms: HTTP_SERVER_ERROR "
                + FEED + ": GET " + FEED + " answered 500 (Internal Server Error)");
    }

    @Test
    void aBodyThatIsNoFeedIsOneLineAtWarn() {
        pass(null, r -> body(r, "this is not a feed at all"));

        assertThat(lines()).singleElement().asString()
                .startsWith("WARN source rafidain: failed new=0 dup=0 rejected=0 took 340 ms: BAD_CONTENT " + FEED + ": not a feed");
    }

    @Test
    void oneItemOutsideRetentionIsOneItem() {
        // the item is of 2026-11-29 08:00 UTC; a day's retention from 2026-11-30 09:00 leaves it out
        clock.advance(Duration.ofDays(1));
        PassSummary pass = pass(Duration.ofDays(1), r -> body(r, PassTimingTest.RSS));

        assertThat(pass.warnings()).singleElement().asString().startsWith("1 item published before ");
    }
}

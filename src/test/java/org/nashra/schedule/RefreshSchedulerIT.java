package org.nashra.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.fetch.FetchResult;
import org.nashra.fetch.Fetcher;
import org.nashra.fetch.Validators;
import org.nashra.ingest.Assigners;
import org.nashra.ingest.BoilerplateMemory;
import org.nashra.ingest.Ingestor;
import org.nashra.ingest.FixedPoll;
import org.nashra.ingest.NextPoll;
import org.nashra.ingest.PassSummary;
import org.nashra.ingest.SourceRefresher;
import org.nashra.store.BoilerplateStore;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.store.SourceRepository;
import org.nashra.store.SourceState;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ItemNormalizer;

/** The scheduler on real Quartz threads and an embedded database, with a fetcher that misbehaves on cue. */
class RefreshSchedulerIT {
    /** Generous for a loaded two-core machine: the passes here are due within seconds. */
    static final long DEADLINE_SECONDS = 20;

    /** Errors come back after two seconds, anything else after an hour: only a retry can make a second pass soon. */
    static final NextPoll SOON_AFTER_ERRORS = new FixedPoll(Duration.ofHours(1), Duration.ofSeconds(2));

    /**
     * Regression: a scheduled pass that threw out of the refresher (here the fetch stage, outside the
     * refresher's own catch) left its source's one-shot trigger spent, and the source was never fetched
     * again until a restart. Now the failure is on the source's health and the source comes back.
     */
    @Test
    void aPassThatThrowsIsRecordedInHealthAndItsSourceIsStillRescheduled() throws Exception {
        URI url = URI.create("http://127.0.0.1:9/feed.rss");
        // two-second bounds, which the loader would refuse, so that the retry comes within the test's patience
        SourceConfig source = new SourceConfig("wobbly", "مصدر متعثر", url, SourceType.RSS, List.of(), 0,
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(16), ZoneId.of("UTC"), "ar", false, null,
                true, null, null, List.of(), List.of());
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch healthChecked = new CountDownLatch(1);
        Fetcher fetcher = request -> {
            if (calls.incrementAndGet() == 1) throw new IllegalStateException("boom: a bug in the fetch stage");
            secondStarted.countDown();
            await(healthChecked);
            return new FetchResult.NotModified(request.url(), 304, "304 Not Modified", Validators.NONE, null,
                    Duration.ZERO, Duration.ZERO);
        };
        List<PassSummary> told = new CopyOnWriteArrayList<>();
        try (TestDatabases.Handle db = TestDatabases.open("h2")) {
            SourceRepository sources = new SourceRepository(db.db());
            sources.sync(List.of(source));
            SourceRefresher refresher = refresher(db, sources, fetcher);
            try (RefreshScheduler scheduler = new RefreshScheduler(refresher, sources, 2, Clock.systemUTC(), told::add)) {
                scheduler.start(List.of(source));
                try {
                    assertThat(secondStarted.await(DEADLINE_SECONDS, TimeUnit.SECONDS))
                            .as("the source is fetched again after the pass that threw").isTrue();
                    SourceState failed = sources.find("wobbly").orElseThrow();
                    assertThat(failed.lastStatus()).isEqualTo("failed");
                    assertThat(failed.lastErrorKind()).isEqualTo("INTERNAL");
                    assertThat(failed.lastError()).contains("boom: a bug in the fetch stage");
                    assertThat(failed.errorStreak()).isEqualTo(1);
                    assertThat(told).extracting(PassSummary::status).as("counted as a failed pass").containsExactly("failed");
                    healthChecked.countDown();

                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
                    while (!"not_modified".equals(sources.find("wobbly").orElseThrow().lastStatus())
                            && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    SourceState recovered = sources.find("wobbly").orElseThrow();
                    assertThat(recovered.lastStatus()).isEqualTo("not_modified");
                    assertThat(recovered.errorStreak()).isZero();
                } finally {
                    // the second pass waits for this; closing the scheduler waits for the pass
                    healthChecked.countDown();
                }
            }
        }
    }

    /**
     * QA with two serve nodes: each planned the source in its own memory, and the one that found it busy
     * came back after min_interval and, the lease free again, fetched it anew: the outlet was polled once
     * per node. A node whose firing finds that another has passed the source since goes by the store's plan.
     */
    @Test
    void twoNodesPassASourceOncePerDueTime() throws Exception {
        SourceConfig source = new SourceConfig("shared", "مصدر مشترك", URI.create("http://127.0.0.1:9/feed.rss"), SourceType.RSS,
                List.of(), 0, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(16), ZoneId.of("UTC"), "ar",
                false, null, true, null, null, List.of(), List.of());
        AtomicInteger fetches = new AtomicInteger();
        Fetcher slow = request -> {
            fetches.incrementAndGet();
            try {
                Thread.sleep(1500); // long enough for the other node to find the source busy
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new FetchResult.NotModified(request.url(), 304, "304 Not Modified", Validators.NONE, null,
                    Duration.ZERO, Duration.ZERO);
        };
        try (TestDatabases.Handle db = TestDatabases.open("h2")) {
            SourceRepository sources = new SourceRepository(db.db());
            sources.sync(List.of(source));
            try (RefreshScheduler one = new RefreshScheduler(refresher(db, sources, slow), sources, 2, Clock.systemUTC(), p -> { });
                 RefreshScheduler two = new RefreshScheduler(refresher(db, sources, slow), sources, 2, Clock.systemUTC(), p -> { })) {
                one.start(List.of(source));
                two.start(List.of(source));
                // both fire within two seconds; the busy one comes back min_interval (2 s) later, and again
                Thread.sleep(9_000);
                assertThat(fetches.get()).as("passes of a source due again in an hour").isEqualTo(1);
            }
        }
    }

    /** `nashra fetch` runs passes through passNow: one that throws is the same failed pass on health. */
    @Test
    void aPassNowThatThrowsIsAFailedPassOnTheSourcesHealth() throws Exception {
        SourceConfig source = new SourceConfig("wobbly", "مصدر متعثر", URI.create("http://127.0.0.1:9/feed.rss"), SourceType.RSS,
                List.of(), 0, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(16), ZoneId.of("UTC"), "ar",
                false, null, true, null, null, List.of(), List.of());
        Fetcher fetcher = request -> {
            throw new IllegalStateException("boom: a bug in the fetch stage");
        };
        List<PassSummary> told = new CopyOnWriteArrayList<>();
        try (TestDatabases.Handle db = TestDatabases.open("h2")) {
            SourceRepository sources = new SourceRepository(db.db());
            sources.sync(List.of(source));
            try (RefreshScheduler scheduler = new RefreshScheduler(refresher(db, sources, fetcher), sources, 2, Clock.systemUTC(),
                    told::add)) {
                PassSummary pass = scheduler.passNow(List.of(source)).get(0).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
                assertThat(pass.status()).isEqualTo("failed");
                assertThat(pass.error()).contains("boom: a bug in the fetch stage");
                SourceState state = sources.find("wobbly").orElseThrow();
                assertThat(state.lastStatus()).isEqualTo("failed");
                assertThat(state.lastErrorKind()).isEqualTo("INTERNAL");
                assertThat(state.errorStreak()).isEqualTo(1);
                assertThat(told).extracting(PassSummary::status).containsExactly("failed");
            }
        }
    }

    private static SourceRefresher refresher(TestDatabases.Handle db, SourceRepository sources, Fetcher fetcher) {
        StoryStore stories = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Ingestor ingestor = new Ingestor(stories, Assigners.dedup(new JdbcStoryIndex(db.db().dataSource(),
                DedupSettings.DEFAULT.window()), DedupSettings.DEFAULT), new IngestLock(db.db(), false));
        return new SourceRefresher(fetcher, sources, ingestor, new ItemNormalizer(), SOON_AFTER_ERRORS, Clock.systemUTC(),
                BoilerplateMemory.load(new BoilerplateStore(db.db())));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(DEADLINE_SECONDS * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

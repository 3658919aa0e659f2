package org.nashra.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.nashra.config.FeedsFile;
import org.nashra.config.Settings;
import org.nashra.config.SourceConfig;
import org.nashra.fetch.Fetcher;
import org.nashra.fetch.HttpFetcher;
import org.nashra.ingest.BoilerplateMemory;
import org.nashra.ingest.Ingestor;
import org.nashra.store.BoilerplateStore;
import org.nashra.ingest.NextPoll;
import org.nashra.ingest.SourceRefresher;
import org.nashra.ingest.Assigners;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.publish.FeedWriter;
import org.nashra.store.Database;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.Plural;
import org.nashra.web.FeedService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The composition root: the one place where the stages are wired together. */
final class App implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(App.class);

    final Settings settings;
    /** Replaced when serve applies an edit of feeds.yml ({@link #reconfigure}). */
    private volatile FeedsFile feeds;
    /** Source priorities by id, of the configured sources only: replaced with {@link #feeds}. */
    private volatile Map<String, Integer> priority;
    private final IngestLock lock;
    final Database db;
    final SourceRepository sources;
    final StoryStore stories;
    final JdbcStoryIndex storyIndex;
    final Fetcher fetcher;
    final SourceRefresher refresher;
    final FeedService feedService;
    final PrometheusMeterRegistry metrics;
    final Clock clock = Clock.systemUTC();

    /** Over the configured database, created when it is not there yet. */
    App(Settings settings, FeedsFile feeds) {
        this(settings, feeds, Database.open(settings.database()));
    }

    /** Over {@code db}, already open; the App closes it. */
    App(Settings settings, FeedsFile feeds, Database db) {
        this.settings = settings;
        this.feeds = feeds;
        this.metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.db = db;
        this.sources = new SourceRepository(db);
        sources.sync(feeds.sources());
        this.priority = priorities(feeds);
        // through the fields, not the maps of now: an edit of feeds.yml replaces them while serving
        this.stories = new StoryStore(db, settings.http().tagAuthority(), id -> priority.getOrDefault(id, 0),
                id -> priority.containsKey(id), clock);
        this.lock = new IngestLock(db, settings.database().clustered());
        representByConfiguredSources();
        this.fetcher = new HttpFetcher(settings.fetch(), clock);
        this.storyIndex = new JdbcStoryIndex(db.dataSource(), feeds.dedup().window());
        Ingestor ingestor = new Ingestor(stories, Assigners.dedup(storyIndex, feeds.dedup()), lock);
        NextPoll poll = Wiring.nextPoll(settings);
        this.refresher = new SourceRefresher(fetcher, sources, ingestor, new ItemNormalizer(), poll, clock,
                BoilerplateMemory.load(new BoilerplateStore(db)), settings.retention());
        this.feedService = new FeedService(feeds, stories, new FeedWriter(), settings.http());
    }

    /** The configuration the service runs on. */
    FeedsFile feeds() {
        return feeds;
    }

    private static Map<String, Integer> priorities(FeedsFile feeds) {
        Map<String, Integer> priority = new HashMap<>();
        for (SourceConfig s : feeds.sources()) priority.put(s.id(), s.priority());
        return Map.copyOf(priority);
    }

    /**
     * feeds.yml was edited while serving: the store's view of the sources becomes {@code next}'s, as a
     * start on it would make it. Rows are added and renamed; priorities and which sources count as
     * configured follow; and when sources were removed, the stories they represent are handed over as at
     * start. The dedup settings stay those the service started with (a restart applies them), as do the
     * other stages', which take each source's settings at each pass. Safe to repeat.
     *
     * @return how many stories got another representative
     */
    int reconfigure(FeedsFile next) {
        sources.sync(next.sources());
        boolean removed = feeds.sources().stream().anyMatch(s -> next.source(s.id()).isEmpty());
        priority = priorities(next);
        int moved = removed ? representByConfiguredSources() : 0;
        // last: should a step above fail, a retry of the same edit still sees what it removes
        feeds = new FeedsFile(next.path(), next.sources(), next.feeds(), feeds.dedup());
        return moved;
    }

    /** A source removed from feeds.yml no longer represents the stories a configured source also carried. */
    private int representByConfiguredSources() {
        int moved;
        try (IngestLock.Held held = lock.acquire()) {
            moved = stories.reconsiderRepresentatives();
        }
        if (moved > 0) {
            log.info("{} represented by sources no longer in the configuration now {} a configured source's copy"
                    + " as representative", Plural.of(moved, "story", "stories"), moved == 1 ? "has" : "have");
        }
        return moved;
    }

    @Override
    public void close() {
        fetcher.close();
        db.close();
    }

    /** Seams for stages that land separately; kept in one place so they are easy to find. */
    static final class Wiring {
        private Wiring() {}

        static NextPoll nextPoll(Settings settings) {
            // a fixed seed per deployment keeps each source's jitter the same across restarts
            long seed = settings.http().tagAuthority().hashCode();
            return new org.nashra.schedule.AdaptivePoll(new org.nashra.schedule.PollingPolicy(settings.fetch().maxBackoff(), seed));
        }
    }
}

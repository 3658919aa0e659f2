package org.nashra.cli;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nashra.ingest.PassSummary;
import org.nashra.schedule.RefreshScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.nashra.web.WebServer;

/** The running service: the HTTP server and the scheduler over one App. */
final class Service implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Service.class);
    final App app;
    final WebServer web;
    final RefreshScheduler scheduler;

    Service(App app) {
        this.app = app;
        this.web = new WebServer(app.feedService, app.feeds, app.sources, app.metrics, app.settings.http())
                .start(app.settings.http().host(), app.settings.http().port());
        this.scheduler = new RefreshScheduler(app.refresher, app.sources, app.settings.workerThreads(), app.clock,
                this::afterPass);
        scheduler.start(app.feeds.sources());
        housekeeping.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
    }

    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nashra-retention");
        t.setDaemon(true);
        return t;
    });

    private void afterPass(PassSummary pass) {
        if (pass.itemsNew() > 0) app.feedService.invalidate();
        MeterRegistry m = app.metrics;
        m.counter("nashra_passes", "source", pass.sourceId(), "status", pass.status()).increment();
        m.counter("nashra_items_new", "source", pass.sourceId()).increment(pass.itemsNew());
        m.counter("nashra_items_duplicate", "source", pass.sourceId()).increment(pass.itemsDuplicate());
        m.counter("nashra_items_rejected", "source", pass.sourceId()).increment(pass.itemsRejected());
        // one timer for all sources: a timer per source costs kilobytes each at 10,000 sources
        m.timer("nashra_pass_duration", "status", pass.status()).record(pass.elapsed());
        // extraction warnings (selectors that stopped matching, non-Arabic text, empty listings) tell
        // an operator that an outlet changed its layout before readers notice
        long ruleWarnings = pass.notes().stream().filter(n -> !n.startsWith("charset ") && !n.startsWith("moved ")).count();
        m.counter("nashra_extraction_warnings", "source", pass.sourceId()).increment(ruleWarnings);
    }

    /** Retention: stories untouched for longer than retention.max_age go, with their index rows. */
    private void purge() {
        try {
            Instant cutoff = app.clock.instant().minus(app.settings.retention());
            int stories = app.stories.purgeStoriesBefore(cutoff);
            app.storyIndex.purgeBefore(cutoff);
            if (stories > 0) {
                app.feedService.invalidate();
                log.info("retention: removed {} stories last updated before {}", stories, cutoff);
            }
        } catch (RuntimeException e) {
            log.error("retention pass failed", e);
        }
    }

    /** Blocks until the JVM is asked to stop, then shuts down in order. */
    void awaitShutdown() throws InterruptedException {
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close();
            main.interrupt();
        }, "nashra-shutdown"));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private volatile boolean closed;

    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        housekeeping.shutdownNow();
        scheduler.close();
        web.close();
        app.close();
    }
}

package org.nashra.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nashra.config.ConfigEdit;
import org.nashra.config.ConfigException;
import org.nashra.config.ConfigWatcher;
import org.nashra.config.HttpSettings;
import org.nashra.config.Settings;
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

    /** Polls the configuration files for edits; null when they are not watched (the demo). */
    private final ConfigWatcher watcher;

    /** Over a configuration that is not watched for edits. */
    Service(App app) {
        this(app, null, null);
    }

    /**
     * @param watcher     polls the files {@code app}'s configuration was loaded from, already {@link ConfigWatcher#load
     *                    loaded}; null to leave them unwatched
     * @param startedWith the settings as the file gave them, before command-line overrides
     */
    Service(App app, ConfigWatcher watcher, Settings startedWith) {
        this.app = app;
        this.web = new WebServer(app.feedService, app.feeds(), app.sources, app.metrics, app.settings.http())
                .start(app.settings.http().host(), app.settings.http().port());
        this.scheduler = new RefreshScheduler(app.refresher, app.sources, app.settings.workerThreads(), app.clock,
                this::afterPass);
        scheduler.start(app.feeds().sources());
        housekeeping.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
        this.watcher = watcher;
        if (watcher != null) {
            ConfigReload reload = new ConfigReload(app, web, scheduler, startedWith, watcher.feedsPath(), watcher.settingsPath());
            watcher.start(reload::apply);
        }
    }

    /**
     * {@code nashra serve}: the configuration as the watcher's files hold it, the HTTP port overridden when
     * {@code port} is not null, and the files watched for edits from then on.
     */
    static Service serve(ConfigWatcher watcher, Integer port) throws ConfigException {
        ConfigEdit.Valid config = watcher.load();
        Settings settings = config.settings();
        if (port != null) {
            HttpSettings h = settings.http();
            settings = settings.withHttp(new HttpSettings(h.host(), port, h.baseUrl(), h.websubHub(), h.tagAuthority()));
        }
        return new Service(new App(settings, config.feeds()), watcher, config.settings());
    }

    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nashra-retention");
        t.setDaemon(true);
        return t;
    });

    private void afterPass(PassSummary pass) {
        if (pass.itemsNew() > 0) app.feedService.invalidate();
        MeterRegistry m = app.metrics;
        String source = pass.sourceId();
        counter(m, "nashra_passes", "refresh passes of a source, by outcome", source, "status", pass.status()).increment();
        counter(m, "nashra_items_new", "items stored for the first time", source).increment(pass.itemsNew());
        counter(m, "nashra_items_duplicate", "items seen before (same source and guid)", source).increment(pass.itemsDuplicate());
        counter(m, "nashra_items_rejected", "items refused (bad dates, too large, not text)", source).increment(pass.itemsRejected());
        // one timer for all sources: a timer per source costs kilobytes each at 10,000 sources. Its
        // _max is Micrometer's decaying maximum over the last two minutes, 0 between passes.
        // the wait at the per-host politeness gates is kept apart: a fast source queued behind its host's
        // other sources is not slow, and a long wait says the host has many sources or a long gap
        Timer.builder("nashra_pass_duration")
                .description("time a refresh pass took, fetch to stored, by outcome, not counting waits for host politeness")
                .tag("status", pass.status()).register(m).record(pass.took());
        Timer.builder("nashra_pass_host_wait")
                .description("time a refresh pass waited at per-host politeness gates (requests in flight per host, gap between requests), by outcome")
                .tag("status", pass.status()).register(m).record(pass.hostWait());
        // extraction warnings (selectors that stopped matching, non-Arabic text, empty listings) tell
        // an operator that an outlet changed its layout before readers notice
        long ruleWarnings = pass.notes().stream().filter(n -> !n.startsWith("charset ") && !n.startsWith("moved ")).count();
        counter(m, "nashra_extraction_warnings", "extraction warnings: rules that stopped matching, non-Arabic text, empty listings",
                source).increment(ruleWarnings);
    }

    private static Counter counter(MeterRegistry m, String name, String description, String source, String... tags) {
        return Counter.builder(name).description(description).tag("source", source).tags(tags).register(m);
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
        if (watcher != null) watcher.close();
        housekeeping.shutdownNow();
        scheduler.close();
        web.close();
        app.close();
    }
}

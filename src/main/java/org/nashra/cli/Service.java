package org.nashra.cli;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.nashra.config.ConfigEdit;
import org.nashra.config.ConfigException;
import org.nashra.config.ConfigWatcher;
import org.nashra.config.HttpSettings;
import org.nashra.config.Settings;
import org.nashra.config.SourceConfig;
import org.nashra.ingest.PassSummary;
import org.nashra.schedule.RefreshScheduler;
import org.nashra.text.Plural;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.nashra.web.WebServer;

/** The running service: the HTTP server and the scheduler over one App. */
final class Service implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Service.class);
    final App app;
    final WebServer web;
    final RefreshScheduler scheduler;
    private final PassMetrics passMetrics;

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
        this.passMetrics = new PassMetrics(app.metrics, app.feeds().sources().stream().map(SourceConfig::id).toList());
        this.scheduler = new RefreshScheduler(app.refresher, app.sources, app.settings.workerThreads(), app.clock,
                this::afterPass);
        scheduler.start(app.feeds().sources());
        housekeeping.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
        this.watcher = watcher;
        if (watcher != null) {
            ConfigReload reload = new ConfigReload(app, web, scheduler, passMetrics, startedWith, watcher.feedsPath(),
                    watcher.settingsPath());
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
        passMetrics.record(pass);
    }

    /** Retention: stories untouched for longer than retention.max_age go, with their index rows. */
    private void purge() {
        try {
            Instant cutoff = app.clock.instant().minus(app.settings.retention());
            int stories = app.stories.purgeStoriesBefore(cutoff);
            app.storyIndex.purgeBefore(cutoff);
            if (stories > 0) {
                app.feedService.invalidate();
                log.info("retention: removed {} last updated before {}", Plural.of(stories, "story", "stories"), cutoff);
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

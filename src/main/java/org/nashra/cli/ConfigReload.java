package org.nashra.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.nashra.config.ConfigEdit;
import org.nashra.config.ConfigError;
import org.nashra.config.ConfigStatus;
import org.nashra.config.FeedsChange;
import org.nashra.config.FeedsFile;
import org.nashra.config.Settings;
import org.nashra.config.SourceConfig;
import org.nashra.schedule.RefreshScheduler;
import org.nashra.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies edits of the configuration files to the running service, as {@link org.nashra.config.ConfigWatcher}
 * hands them on. A valid edit of feeds.yml is applied whole: the store's rows and representatives, the
 * schedule, the published feeds and what the web layer lists. An invalid edit changes nothing; the service
 * runs on as configured and says the configuration is stale, with the file, line and reason, until the files
 * are valid again. What only a restart applies (every setting of config/nashra.yml, feeds.yml's dedup) is
 * said as "restart needed", not applied and not ignored.
 */
final class ConfigReload {
    private static final Logger log = LoggerFactory.getLogger(ConfigReload.class);

    private final App app;
    private final WebServer web;
    private final RefreshScheduler scheduler;
    private final PassMetrics passMetrics;
    /** The settings file as the service read it at start, before command-line overrides: what runs. */
    private final Settings startedWith;
    private final Path feedsPath;
    private final Path settingsPath;
    private final Counter failures;
    private final Counter appliedEdits;
    // gauges read these; Micrometer holds its state objects weakly, so they are kept here
    private final AtomicInteger staleGauge = new AtomicInteger();
    private final AtomicInteger restartGauge = new AtomicInteger();
    private volatile ConfigStatus status = ConfigStatus.CURRENT;
    /**
     * What every stage has taken: the store may have taken an edit that the schedule then failed to,
     * and a retry of that edit must still reach the schedule and the web layer.
     */
    private FeedsFile applied;

    ConfigReload(App app, WebServer web, RefreshScheduler scheduler, PassMetrics passMetrics, Settings startedWith,
                 Path feedsPath, Path settingsPath) {
        this.app = app;
        this.web = web;
        this.scheduler = scheduler;
        this.passMetrics = passMetrics;
        this.startedWith = startedWith;
        this.feedsPath = feedsPath;
        this.settingsPath = settingsPath;
        this.applied = app.feeds();
        this.failures = Counter.builder("nashra_config_reload_failures")
                .description("edits of feeds.yml or the settings file not applied: invalid, or failed while applied")
                .register(app.metrics);
        this.appliedEdits = Counter.builder("nashra_config_reloads")
                .description("edits of feeds.yml applied while serving").register(app.metrics);
        Gauge.builder("nashra_config_stale", staleGauge, AtomicInteger::get)
                .description("1 while the latest edit of the configuration is invalid and the one before it runs")
                .register(app.metrics);
        Gauge.builder("nashra_config_restart_needed", restartGauge, AtomicInteger::get)
                .description("1 while the configuration files hold settings that only a restart applies")
                .register(app.metrics);
    }

    void apply(ConfigEdit edit) {
        if (edit instanceof ConfigEdit.Invalid invalid) {
            reject(invalid.errors());
            return;
        }
        try {
            accept((ConfigEdit.Valid) edit);
        } catch (RuntimeException e) {
            // a valid edit the service could not take (the database away for a moment): the files are not
            // what runs, so the operator sees it as stale; the watcher logs it and offers the edit again
            failures.increment();
            Instant since = status.stale() ? status.staleSince() : app.clock.instant();
            update(new ConfigStatus(List.of(new ConfigError(feedsPath, 0, "valid, but applying it failed ("
                    + rootMessage(e) + "); it is tried again at the next poll")), since, status.restartNeeded()));
            throw e;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    private void reject(List<ConfigError> errors) {
        failures.increment();
        ConfigStatus before = status;
        // stale since the first invalid edit of a row: that is when the files stopped being what runs
        Instant since = before.stale() ? before.staleSince() : app.clock.instant();
        log.error("configuration edit not applied; the service runs on as it was configured before it. {}",
                errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
        update(new ConfigStatus(errors, since, before.restartNeeded()));
    }

    private void accept(ConfigEdit.Valid edit) {
        FeedsFile running = applied;
        FeedsFile next = edit.feeds();
        FeedsChange change = FeedsChange.between(running, next);
        if (!running.sources().equals(next.sources()) || !running.feeds().equals(next.feeds())) {
            int moved = app.reconfigure(next);
            FeedsFile now = app.feeds();
            scheduler.reconfigure(now.sources());
            passMetrics.reconfigure(now.sources().stream().map(SourceConfig::id).toList());
            app.feedService.reconfigure(now);
            web.reconfigure(now);
            if (moved > 0) app.feedService.invalidate(); // stories got other representatives
            applied = now;
            appliedEdits.increment();
            log.info("{}: edit applied: {}", feedsPath, change.sourcesOrFeedsChanged() ? change
                    : "the order of sources or feeds");
        }
        List<String> restart = restartNeeded(edit.settings(), change);
        if (!restart.isEmpty() && !restart.equals(status.restartNeeded())) {
            log.warn("restart needed: {} changed; the running service keeps what it started with until restarted",
                    String.join("; ", restart));
        } else if (restart.isEmpty() && !status.restartNeeded().isEmpty()) {
            log.info("no restart needed any more: the settings are again those the service started with");
        }
        if (status.stale()) log.info("configuration valid again: {} and {} are what runs", feedsPath, settingsPath);
        update(new ConfigStatus(List.of(), null, restart));
    }

    /** What the files say that the running service does not apply, by file and top-level key. */
    private List<String> restartNeeded(Settings fileSettings, FeedsChange change) {
        List<String> out = new ArrayList<>();
        List<String> keys = startedWith.differences(fileSettings);
        if (!keys.isEmpty()) out.add(settingsPath + ": " + String.join(", ", keys));
        // the dedup stage and its index window are built once; app.feeds() keeps the dedup it started with
        if (change.dedupChanged()) out.add(feedsPath + ": dedup");
        return out;
    }

    private void update(ConfigStatus next) {
        status = next;
        web.configStatus(next);
        staleGauge.set(next.stale() ? 1 : 0);
        restartGauge.set(next.restartNeeded().isEmpty() ? 0 : 1);
    }
}

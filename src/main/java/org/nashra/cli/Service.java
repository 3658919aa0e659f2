package org.nashra.cli;

import org.nashra.schedule.RefreshScheduler;
import org.nashra.web.WebServer;

/** The running service: the HTTP server and the scheduler over one App. */
final class Service implements AutoCloseable {
    final App app;
    final WebServer web;
    final RefreshScheduler scheduler;

    Service(App app) {
        this.app = app;
        this.web = new WebServer(app.feedService, app.feeds, app.sources, app.metrics, app.settings.http())
                .start(app.settings.http().host(), app.settings.http().port());
        this.scheduler = new RefreshScheduler(app.refresher, app.sources, app.settings.workerThreads(), app.clock,
                pass -> {
                    if (pass.itemsNew() > 0) app.feedService.invalidate();
                });
        scheduler.start(app.feeds.sources());
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
        scheduler.close();
        web.close();
        app.close();
    }
}

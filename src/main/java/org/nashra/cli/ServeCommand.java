package org.nashra.cli;

import java.util.concurrent.Callable;
import org.nashra.config.ConfigWatcher;
import org.nashra.config.FeedsFile;
import org.nashra.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true, description = {"Run the scheduler and the HTTP server (the main job).",
                "Edits of feeds.yml apply as they are saved: sources added, removed or changed, feeds redefined."
                        + " An invalid edit is logged with its file and line and leaves the service as it was"
                        + " (/healthz says \"config stale\"); a change of config/nashra.yml or of dedup is reported"
                        + " as \"restart needed\"."})
final class ServeCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--port", description = "HTTP port (overrides config)")
    Integer port;

    @Override
    public Integer call() throws Exception {
        ConfigWatcher watcher = main.configWatcher();
        Service service = Service.serve(watcher, port);
        FeedsFile feeds = service.app.feeds();
        System.out.println("nashra: serving " + Plural.of(feeds.feeds().size(), "feed") + " from "
                + Plural.of(feeds.sources().size(), "source") + " on " + service.app.settings.http().baseUrl() + "; edits of " + watcher.feedsPath()
                + " apply as they are saved");
        service.awaitShutdown();
        return 0;
    }
}

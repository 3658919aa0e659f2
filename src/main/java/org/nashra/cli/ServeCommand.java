package org.nashra.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the scheduler and the HTTP server (the main job).")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Option(names = "--port", description = "HTTP port (overrides config)")
    Integer port;

    @Override
    public Integer call() throws Exception {
        var feeds = main.feedsFile();
        var settings = main.settings();
        if (port != null) {
            var h = settings.http();
            settings = settings.withHttp(new org.nashra.config.HttpSettings(h.host(), port, h.baseUrl(), h.websubHub(), h.tagAuthority()));
        }
        Service service = new Service(new App(settings, feeds));
        System.out.println("nashra: serving " + feeds.feeds().size() + " feeds from " + feeds.sources().size()
                + " sources on " + settings.http().baseUrl());
        service.awaitShutdown();
        return 0;
    }
}

package org.nashra.cli;

import java.util.concurrent.Callable;
import org.nashra.publish.FeedFormat;
import org.nashra.web.FeedParams;
import org.nashra.web.FeedService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true, description = "Write a published feed to stdout.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "FEED", description = "feed id from feeds.yml")
    String feed;

    @Option(names = "--format", defaultValue = "atom", description = "atom, rss or json (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--other", description = "the feed's other-news companion (other_news: separate)")
    boolean other;

    @Override
    public Integer call() throws Exception {
        FeedFormat f = FeedFormat.fromExtension(format);
        try (App app = main.openExisting()) {
            int limit = app.feeds().feed(feed).orElseThrow(() ->
                    new IllegalArgumentException("no feed '" + feed + "' in " + main.feeds)).limit();
            byte[] bytes = app.feedService.render(feed, other ? FeedService.Part.OTHER : FeedService.Part.MAIN, f,
                    FeedParams.defaults(limit)).orElseThrow(() -> new IllegalArgumentException(
                    "feed '" + feed + "' has no other-news companion: set other_news: separate")).bytes();
            System.out.write(bytes);
            System.out.flush();
            return 0;
        }
    }
}

package org.nashra.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.SourceConfig;
import org.nashra.ingest.PassSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Run one pass now over the given sources (default: all) and print a line per source.")
final class FetchCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "source ids from feeds.yml")
    List<String> ids = List.of();

    @Option(names = {"-v", "--verbose"}, description = "also print charset decisions and warnings")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        try (App app = main.open()) {
            List<SourceConfig> chosen = ids.isEmpty() ? app.feeds.sources()
                    : ids.stream().map(id -> app.feeds.source(id).orElseThrow(() ->
                            new IllegalArgumentException("no source '" + id + "' in " + main.feeds))).toList();
            int failed = 0;
            for (SourceConfig s : chosen) {
                PassSummary p = app.refresher.refresh(s);
                System.out.println(p.line());
                if (verbose) p.notes().forEach(n -> System.out.println("    " + n));
                if (p.status().equals("failed")) failed++;
            }
            return failed == 0 ? 0 : 3;
        }
    }
}

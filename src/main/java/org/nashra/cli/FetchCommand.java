package org.nashra.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.nashra.config.SourceConfig;
import org.nashra.ingest.PassSummary;
import org.nashra.schedule.RefreshScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Run one pass now over the given sources (default: all) and print a line per source.",
                "Sources are fetched at once, as serve fetches them (worker_threads at a time, the per-host limits);"
                        + " the lines come in the order the sources are listed, each as soon as it and those before"
                        + " it are done. Exit code 3 when a source failed."})
final class FetchCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Parameters(paramLabel = "SOURCE", arity = "0..*", description = "source ids from feeds.yml")
    List<String> ids = List.of();

    @Option(names = {"-v", "--verbose"}, description = "also print each pass's notes (charset decisions, a move, not modified) and its warnings")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        try (App app = main.open()) {
            List<SourceConfig> chosen = ids.isEmpty() ? app.feeds().sources()
                    : ids.stream().map(id -> app.feeds().source(id).orElseThrow(() ->
                            new IllegalArgumentException("no source '" + id + "' in " + main.feeds))).toList();
            return fetch(app, chosen, System.out, verbose);
        }
    }

    /**
     * One pass over each source on the scheduler's machinery, as {@code serve} runs them: its worker threads,
     * the fetcher's per-host gates and the sources' leases. A slow or hanging source holds up its own line,
     * and the lines after it in the output, but not the other sources' passes.
     *
     * @return 0, or 3 when a pass failed
     * @throws Exception the first pass that broke (a bug or a store failure), after every line is printed
     */
    static int fetch(App app, List<SourceConfig> chosen, PrintStream out, boolean verbose) throws Exception {
        try (RefreshScheduler scheduler = new RefreshScheduler(app.refresher, app.sources,
                app.settings.workerThreads(), app.clock, pass -> {})) {
            // stopped with ^C mid-pass: the service need not wait out this process's leases (15 min)
            Thread releaseLeases = new Thread(scheduler::releaseLeases, "nashra-fetch-release-leases");
            Runtime.getRuntime().addShutdownHook(releaseLeases);
            try {
                return report(chosen, scheduler.passNow(chosen), out, verbose);
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(releaseLeases);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or has run
                }
            }
        }
    }

    private static int report(List<SourceConfig> chosen, List<CompletableFuture<PassSummary>> passes, PrintStream out,
                              boolean verbose) throws Exception {
        int failed = 0;
        Exception broken = null;
        for (int i = 0; i < chosen.size(); i++) {
            try {
                PassSummary p = passes.get(i).get();
                out.println(p.line());
                if (verbose) {
                    p.notes().forEach(n -> out.println("    " + n));
                    p.warnings().forEach(w -> out.println("    warning: " + w));
                }
                if (p.status().equals("failed")) failed++;
            } catch (ExecutionException e) {
                out.println(String.format(Locale.ROOT, "%-16s %-12s %s", chosen.get(i).id(), "error", e.getCause()));
                if (broken == null) broken = e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        if (broken != null) throw broken;
        return failed == 0 ? 0 : 3;
    }
}

package org.nashra.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.nashra.store.SourceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "sources", mixinStandardHelpOptions = true, description = "Print every source's health as a table.")
final class SourcesCommand implements Callable<Integer> {
    @ParentCommand Main main;

    @Override
    public Integer call() throws Exception {
        try (App app = main.openExisting()) {
            System.out.printf(Locale.ROOT, "%-16s %-12s %6s %5s %5s %-20s %-20s %s%n",
                    "SOURCE", "STATUS", "STREAK", "NEW", "DUP", "LAST SUCCESS", "NEXT DUE", "LAST ERROR");
            for (SourceState s : app.sources.all()) {
                System.out.printf(Locale.ROOT, "%-16s %-12s %6d %5d %5d %-20s %-20s %s%n", s.id(),
                        s.paused() ? "paused" : s.lastStatus() == null ? "never" : s.lastStatus(), s.errorStreak(),
                        s.itemsNew(), s.itemsDuplicate(), shortTime(s.lastSuccess()), shortTime(s.nextDue()),
                        s.lastError() == null ? "" : s.lastError());
            }
            return 0;
        }
    }

    private static String shortTime(java.time.Instant t) {
        return t == null ? "-" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}

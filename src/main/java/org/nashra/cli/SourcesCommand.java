package org.nashra.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nashra.store.SourceState;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "sources", mixinStandardHelpOptions = true,
        description = {"Print the health of every configured source as a table.",
                "Under a source whose last pass left warnings (a listing that yielded no items, rules that stopped"
                        + " matching, rejected items), an indented line gives the first and how many more:"
                        + " /api/sources lists them all, and `nashra fetch SOURCE -v` prints them anew."})
final class SourcesCommand implements Callable<Integer> {
    /** Characters of a warning shown on its line: enough for a message with its URL, not a page of text. */
    static final int WARNING_CHARS = 160;

    @ParentCommand Main main;

    @Override
    public Integer call() throws Exception {
        try (App app = main.openExisting()) {
            System.out.printf(Locale.ROOT, "%-16s %-12s %6s %5s %5s %-20s %-20s %s%n",
                    "SOURCE", "STATUS", "STREAK", "NEW", "DUP", "LAST SUCCESS", "NEXT DUE", "LAST ERROR");
            // configured sources only: one removed from feeds.yml is no longer fetched
            for (SourceState s : app.sources.configured(app.feeds().sources())) {
                System.out.printf(Locale.ROOT, "%-16s %-12s %6d %5d %5d %-20s %-20s %s%n", s.id(),
                        s.paused() ? "paused" : s.lastStatus() == null ? "never" : s.lastStatus(), s.errorStreak(),
                        s.itemsNew(), s.itemsDuplicate(), shortTime(s.lastSuccess()), shortTime(s.nextDue()),
                        s.lastError() == null ? "" : s.lastError());
                String warnings = warningLine(s.warnings());
                if (warnings != null) System.out.println("    " + warnings);
            }
            return 0;
        }
    }

    /**
     * The last pass's warnings on one line: the first, cut after a whole word when long, and how
     * many more there are; null when there are none.
     */
    static String warningLine(String stored) {
        if (stored == null) return null;
        List<String> lines = Arrays.stream(stored.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return null;
        String line = "warning: " + cut(lines.get(0));
        return lines.size() == 1 ? line : line + " (+" + (lines.size() - 1) + " more)";
    }

    private static String cut(String s) {
        if (s.codePointCount(0, s.length()) <= WARNING_CHARS) return s;
        int end = s.offsetByCodePoints(0, WARNING_CHARS);
        int space = s.lastIndexOf(' ', end);
        return s.substring(0, space > WARNING_CHARS / 2 ? space : end).stripTrailing() + "…";
    }

    private static String shortTime(java.time.Instant t) {
        return t == null ? "-" : t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    }
}

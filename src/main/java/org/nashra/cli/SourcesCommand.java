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
                "Under a source whose last body read left warnings (a listing that yielded no items, rules that"
                        + " stopped matching, rejected items), an indented line gives the first and how many more:"
                        + " /api/sources lists them all, and `nashra fetch SOURCE -v` prints them anew. A 304 or an"
                        + " unchanged body keeps them, as the same body is still served.",
                "What the last pass noted that needs no action (not modified (304), a permanent move) comes on a"
                        + " line of its own, after 'note:'.",
                "A paused source (after a 410 Gone) has no due time: it is fetched no more until `nashra resume`;"
                        + " a line after 'paused:' says why."})
final class SourcesCommand implements Callable<Integer> {
    /**
     * Characters of a warning shown on its line: enough for a message with its URL, the selector that
     * matched nothing and the source's history ("it had items before"), not a page of text.
     */
    static final int WARNING_CHARS = 240;

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
                        s.itemsNew(), s.itemsDuplicate(), shortTime(s.lastSuccess()), shortTime(s.nextFetch()),
                        s.lastError() == null ? "" : s.lastError());
                if (s.paused()) System.out.println("    " + pausedLine(s));
                String warnings = warningLine(s.warnings());
                if (warnings != null) System.out.println("    " + warnings);
                String notes = noteLine(s.notes());
                if (notes != null) System.out.println("    " + notes);
            }
            return 0;
        }
    }

    /** Why a paused source is paused, and how it is fetched again (the table has no room for either). */
    static String pausedLine(SourceState s) {
        return "paused: " + (s.pausedReason() == null ? "no reason recorded" : cut(s.pausedReason()))
                + "; `nashra resume " + s.id() + "` fetches it again";
    }

    /**
     * The last body read's warnings on one line: the first, cut after a whole word when long, and how
     * many more there are; null when there are none.
     */
    static String warningLine(String stored) {
        return firstOf("warning: ", stored);
    }

    /**
     * The last pass's notes, as {@link #warningLine} gives warnings: kept apart and labelled so, since
     * "not modified" is what a quiet outlet answers, not a problem.
     */
    static String noteLine(String stored) {
        return firstOf("note: ", stored);
    }

    private static String firstOf(String label, String stored) {
        if (stored == null) return null;
        List<String> lines = Arrays.stream(stored.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) return null;
        String line = label + cut(lines.get(0));
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

package org.nashra.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one pass over one source did: one line of `nashra fetch`, and the source's health.
 *
 * @param status   ok | not_modified | failed | paused | busy (another process holds the source's lease, so
 *                 this one did not fetch it)
 * @param notes    what the pass did that needs no action: the charset chosen and why, a permanent move, a
 *                 body not modified since the last read
 * @param warnings what an operator should look at: rules that stopped matching, non-Arabic text, a body that
 *                 listed no items, repaired XML, rejected items, cut titles. A pass that read no body (not
 *                 modified, failed) has none of its own
 * @param took     the pass from start to end, less {@code hostWait}: what the source and the pipeline cost
 * @param hostWait time the pass's requests queued at the per-host politeness gates (requests in flight per
 *                 host, the gap between requests), behind other sources of the same host
 */
public record PassSummary(String sourceId, String url, String status, int itemsNew, int itemsDuplicate,
                          int itemsRejected, String error, List<String> notes, List<String> warnings,
                          Instant nextDue, Duration took, Duration hostWait) {
    public PassSummary {
        notes = notes == null ? List.of() : List.copyOf(notes);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        Objects.requireNonNull(took, "took");
        Objects.requireNonNull(hostWait, "hostWait");
    }

    /** A pass that read no body (failed, paused, not modified): what it notes, and no warning of its own. */
    public PassSummary(String sourceId, String url, String status, int itemsNew, int itemsDuplicate,
                       int itemsRejected, String error, List<String> notes, Instant nextDue, Duration took,
                       Duration hostWait) {
        this(sourceId, url, status, itemsNew, itemsDuplicate, itemsRejected, error, notes, List.of(), nextDue, took,
                hostWait);
    }

    /** A source not fetched because another process is on it (it holds the lease). */
    public static PassSummary busy(String sourceId, String url) {
        return new PassSummary(sourceId, url, "busy", 0, 0, 0,
                "not fetched: another process holds this source's lease and is fetching it", List.of(), null,
                Duration.ZERO, Duration.ZERO);
    }

    /** e.g. {@code rafidain  ok  new=2 dup=0 rejected=0 took 1.2 s (waited 3.0 s for host politeness)}: a row of `nashra fetch`. */
    public String line() {
        String base = String.format(Locale.ROOT, "%-16s %-12s %s", sourceId, status, counts());
        return error == null ? base : base + "  " + error;
    }

    /**
     * e.g. {@code failed new=0 dup=0 rejected=0 took 85 ms: HTTP_SERVER_ERROR ...}: the pass for the log, whose
     * line already names the source, so without the id and the columns of {@link #line()}.
     */
    public String outcome() {
        String base = status + " " + counts();
        return error == null ? base : base + ": " + error;
    }

    private String counts() {
        String counts = String.format(Locale.ROOT, "new=%d dup=%d rejected=%d took %s", itemsNew, itemsDuplicate, itemsRejected,
                readable(took));
        // a few milliseconds at the gate are bookkeeping, not politeness worth a mention (the metric has them)
        return hostWait.toMillis() >= 10 ? counts + " (waited " + readable(hostWait) + " for host politeness)" : counts;
    }

    /** "340 ms" below a second, "1.2 s" from there. */
    static String readable(Duration d) {
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}

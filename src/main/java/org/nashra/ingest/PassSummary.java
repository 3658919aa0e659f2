package org.nashra.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What one pass over one source did: one line of `nashra fetch`, and the source's health.
 *
 * @param status ok | not_modified | failed | paused
 */
public record PassSummary(String sourceId, String url, String status, int itemsNew, int itemsDuplicate,
                          int itemsRejected, String error, List<String> notes, Instant nextDue,
                          Duration elapsed) {
    public PassSummary {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public String line() {
        String base = String.format(java.util.Locale.ROOT, "%-16s %-12s new=%d dup=%d rejected=%d %5dms",
                sourceId, status, itemsNew, itemsDuplicate, itemsRejected, elapsed.toMillis());
        return error == null ? base : base + "  " + error;
    }
}

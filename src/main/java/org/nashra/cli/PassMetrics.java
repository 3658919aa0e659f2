package org.nashra.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nashra.ingest.PassSummary;

/**
 * The Prometheus meters of refresh passes: what each pass over a source did. Per-source meters are kept
 * for the configured sources only: a source removed from feeds.yml while serving loses its meters, and a
 * pass of it that was running then does not bring them back when it finishes.
 */
final class PassMetrics {
    /** The meters tagged with a source, which go when the source goes. */
    private static final List<String> PER_SOURCE = List.of("nashra_passes", "nashra_items_new", "nashra_items_duplicate",
            "nashra_items_rejected", "nashra_extraction_warnings");

    private final MeterRegistry m;
    /**
     * Guarded by this: a pass recording and an edit removing its source are one before the other, so a
     * meter is never registered for a source the edit has just removed.
     */
    private final Set<String> sources = new HashSet<>();

    PassMetrics(MeterRegistry m, Collection<String> sourceIds) {
        this.m = m;
        this.sources.addAll(sourceIds);
    }

    /** feeds.yml was edited: {@code sourceIds} are the sources from now on; the meters of those removed go. */
    synchronized void reconfigure(Collection<String> sourceIds) {
        Set<String> removed = new HashSet<>(sources);
        removed.removeAll(sourceIds);
        sources.clear();
        sources.addAll(sourceIds);
        for (String id : removed) {
            for (String name : PER_SOURCE) {
                for (Meter meter : m.find(name).tag("source", id).meters()) m.remove(meter);
            }
        }
    }

    synchronized void record(PassSummary pass) {
        // one timer for all sources: a timer per source costs kilobytes each at 10,000 sources. Its
        // _max is Micrometer's decaying maximum over the last two minutes, 0 between passes.
        // the wait at the per-host politeness gates is kept apart: a fast source queued behind its host's
        // other sources is not slow, and a long wait says the host has many sources or a long gap.
        // A pass of a source removed meanwhile still ran, so it is timed, but has no meters of its own
        Timer.builder("nashra_pass_duration")
                .description("time a refresh pass took, fetch to stored, by outcome, not counting waits for host politeness")
                .tag("status", pass.status()).register(m).record(pass.took());
        Timer.builder("nashra_pass_host_wait")
                .description("time a refresh pass waited at per-host politeness gates (requests in flight per host, gap between requests), by outcome")
                .tag("status", pass.status()).register(m).record(pass.hostWait());
        String source = pass.sourceId();
        if (!sources.contains(source)) return;
        counter("nashra_passes", "refresh passes of a source, by outcome", source, "status", pass.status()).increment();
        counter("nashra_items_new", "items stored for the first time", source).increment(pass.itemsNew());
        counter("nashra_items_duplicate", "items seen before (same source and guid)", source).increment(pass.itemsDuplicate());
        counter("nashra_items_rejected", "items refused (bad dates, too large, not text)", source).increment(pass.itemsRejected());
        // extraction warnings (selectors that stopped matching, non-Arabic text, empty listings) tell
        // an operator that an outlet changed its layout before readers notice. Notes (a charset chosen,
        // a move, a body not modified) are no such sign: a quiet outlet answering 304 would look broken
        counter("nashra_extraction_warnings", "extraction warnings: rules that stopped matching, non-Arabic text, empty listings",
                source).increment(pass.warnings().size());
    }

    private Counter counter(String name, String description, String source, String... tags) {
        return Counter.builder(name).description(description).tag("source", source).tags(tags).register(m);
    }
}

package org.nashra.cli;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.nashra.ingest.PassSummary;

/** The Prometheus meters of refresh passes: what each pass over a source did. */
final class PassMetrics {
    private PassMetrics() {}

    static void record(MeterRegistry m, PassSummary pass) {
        String source = pass.sourceId();
        counter(m, "nashra_passes", "refresh passes of a source, by outcome", source, "status", pass.status()).increment();
        counter(m, "nashra_items_new", "items stored for the first time", source).increment(pass.itemsNew());
        counter(m, "nashra_items_duplicate", "items seen before (same source and guid)", source).increment(pass.itemsDuplicate());
        counter(m, "nashra_items_rejected", "items refused (bad dates, too large, not text)", source).increment(pass.itemsRejected());
        // one timer for all sources: a timer per source costs kilobytes each at 10,000 sources. Its
        // _max is Micrometer's decaying maximum over the last two minutes, 0 between passes.
        // the wait at the per-host politeness gates is kept apart: a fast source queued behind its host's
        // other sources is not slow, and a long wait says the host has many sources or a long gap
        Timer.builder("nashra_pass_duration")
                .description("time a refresh pass took, fetch to stored, by outcome, not counting waits for host politeness")
                .tag("status", pass.status()).register(m).record(pass.took());
        Timer.builder("nashra_pass_host_wait")
                .description("time a refresh pass waited at per-host politeness gates (requests in flight per host, gap between requests), by outcome")
                .tag("status", pass.status()).register(m).record(pass.hostWait());
        // extraction warnings (selectors that stopped matching, non-Arabic text, empty listings) tell
        // an operator that an outlet changed its layout before readers notice. Notes (a charset chosen,
        // a move, a body not modified) are no such sign: a quiet outlet answering 304 would look broken
        counter(m, "nashra_extraction_warnings", "extraction warnings: rules that stopped matching, non-Arabic text, empty listings",
                source).increment(pass.warnings().size());
    }

    private static Counter counter(MeterRegistry m, String name, String description, String source, String... tags) {
        return Counter.builder(name).description(description).tag("source", source).tags(tags).register(m);
    }
}

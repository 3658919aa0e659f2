package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.ingest.PassSummary;

/**
 * QA run: {@code nashra_extraction_warnings_total} rose on every 304 and every unchanged body, so a
 * quiet outlet looked as if its layout had changed.
 */
class PassMetricsTest {
    static final Instant DUE = Instant.parse("2026-11-29T12:15:00Z");

    static PassSummary pass(String status, List<String> notes, List<String> warnings) {
        return new PassSummary("dijla", "https://dijla.example/rss", status, 0, 0, 0, null, notes, warnings, DUE,
                Duration.ofMillis(80), Duration.ZERO);
    }

    static double extractionWarnings(SimpleMeterRegistry m) {
        return m.get("nashra_extraction_warnings").tag("source", "dijla").counter().count();
    }

    @Test
    void aNotModifiedPassCountsNoExtractionWarning() {
        SimpleMeterRegistry m = new SimpleMeterRegistry();
        PassMetrics metrics = new PassMetrics(m, List.of("dijla"));

        metrics.record(pass("not_modified", List.of("304 Not Modified"), List.of()));
        metrics.record(pass("not_modified", List.of("unchanged body"), List.of()));

        assertThat(extractionWarnings(m)).isZero();
        assertThat(m.get("nashra_passes").tag("source", "dijla").tag("status", "not_modified").counter().count())
                .isEqualTo(2);
    }

    @Test
    void aReadPassCountsItsWarningsAndNotItsNotes() {
        SimpleMeterRegistry m = new SimpleMeterRegistry();

        new PassMetrics(m, List.of("dijla")).record(pass("ok",
                List.of("charset UTF-8 (header)", "moved permanently to https://dijla.example/feed"),
                List.of("selector '.date@datetime' for listing date matched nothing on https://dijla.example/",
                        "malformed XML read leniently: repaired 1 undeclared HTML entity (&nbsp;)")));

        assertThat(extractionWarnings(m)).isEqualTo(2);
    }

    /**
     * QA run: a source removed from feeds.yml while serving kept its meters, and a pass of it running at the
     * edit registered them again when it finished.
     */
    @Test
    void aRemovedSourceLosesItsMetersAndItsLastPassDoesNotBringThemBack() {
        SimpleMeterRegistry m = new SimpleMeterRegistry();
        PassMetrics metrics = new PassMetrics(m, List.of("dijla", "rafidain"));
        metrics.record(pass("ok", List.of(), List.of("selector 'article' for listing item matched nothing")));

        metrics.reconfigure(List.of("rafidain"));
        assertThat(m.find("nashra_passes").tag("source", "dijla").meters()).isEmpty();
        assertThat(m.find("nashra_extraction_warnings").tag("source", "dijla").meters()).isEmpty();

        metrics.record(pass("ok", List.of(), List.of()));
        assertThat(m.getMeters()).noneMatch(meter -> "dijla".equals(meter.getId().getTag("source")));
        assertThat(m.get("nashra_pass_duration").tag("status", "ok").timer().count())
                .as("the pass ran, and counts among all passes").isEqualTo(2);

        metrics.reconfigure(List.of("rafidain", "dijla"));
        metrics.record(pass("ok", List.of(), List.of()));
        assertThat(m.get("nashra_passes").tag("source", "dijla").counter().count()).as("added again, counted afresh").isEqualTo(1);
    }
}

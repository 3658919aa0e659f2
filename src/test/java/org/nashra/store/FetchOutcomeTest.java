package org.nashra.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FetchOutcomeTest {
    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");

    /** A not-modified pass once stored "unchanged body" as the source's warnings, in place of the last read's. */
    @Test
    void aPassThatReadNoBodyHasNoWarningsToRecord() {
        assertThatThrownBy(() -> new FetchOutcome("alamsar", T0, "not_modified", 200, null, null, 0, 0, 0,
                "unchanged body", T0, null, null, null, null, null, "not modified (200, unchanged body)"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'alamsar'").hasMessageContaining("not_modified").hasMessageContaining("unchanged body");
        assertThatThrownBy(() -> new FetchOutcome("alamsar", T0, "failed", 503, "HTTP_SERVER_ERROR", "503", 0, 0, 0,
                "listed no items", T0, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("failed");
    }
}

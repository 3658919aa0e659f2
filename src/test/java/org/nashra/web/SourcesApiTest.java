package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashra.store.SourceState;

/** What /api/sources says of one source's health. */
class SourcesApiTest {
    static final Instant T = Instant.parse("2026-11-29T12:15:00Z");

    /** QA run: "unchanged body" came among the warnings, as if the outlet had a problem. */
    @Test
    void notesComeApartFromWarnings() {
        SourceState s = new SourceState("alamsar", "الأمصار", "https://alamsar.net/", null, "\"v1\"", null, "abc",
                T, T, "not_modified", 304, 0, null, null, 0, 0, 0,
                "listing of source alamsar at https://alamsar.net/ yielded no items: selector 'article' for listing item"
                        + " matched nothing\nitem https://alamsar.net/2 rejected: no text",
                "not modified (304)", T.plusSeconds(900), false, null);

        Map<String, Object> health = WebServer.health(s);

        assertThat(health.get("warnings")).asList().hasSize(2).noneMatch(w -> w.toString().contains("not modified"));
        assertThat(health.get("notes")).isEqualTo(List.of("not modified (304)"));
        assertThat(health.get("http_status")).isEqualTo(304);
        assertThat(health.get("status")).isEqualTo("not_modified");
    }

    @Test
    void aSourceWithoutNotesHasAnEmptyList() {
        SourceState s = new SourceState("alamsar", null, "https://alamsar.net/", null, null, null, null,
                T, T, "ok", 200, 0, null, null, 1, 0, 0, null, null, T.plusSeconds(900), false, null);

        assertThat(WebServer.health(s).get("notes")).isEqualTo(List.of());
    }

    /** QA run: a source paused after a 410 showed the due time it had when paused, long past, as if it were late. */
    @Test
    void aPausedSourceHasNoDueTime() {
        SourceState s = new SourceState("gone", null, "https://gone.example/rss", null, null, null, null,
                T, null, "failed", 410, 1, "gone", "410 Gone", 0, 0, 0, null, null, T.plusSeconds(900), true,
                "410 Gone from https://gone.example/rss");

        Map<String, Object> health = WebServer.health(s);

        assertThat(health.get("status")).isEqualTo("paused");
        assertThat(health).containsEntry("next_due", null);
        assertThat(health.get("paused_reason")).isEqualTo("410 Gone from https://gone.example/rss");
    }
}

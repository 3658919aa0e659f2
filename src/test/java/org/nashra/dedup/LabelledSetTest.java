package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;

/**
 * The dedup stage's labelled set (src/test/resources/dedup/labelled-stories.jsonl, built by
 * make_labelled_set.py beside it): agency copy rewritten by outlets, with hard negatives.
 */
class LabelledSetTest {

    @Test
    void pairwisePrecisionAndRecallMeetTheTargets() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/dedup/labelled-stories.jsonl").toURI());
        Map<String, String> gold = DedupEvaluation.readLabels(file, "label");
        DedupEvaluation.Result r = DedupEvaluation.evaluate(BatchItems.read(file), gold, DedupSettings.DEFAULT, Instant.EPOCH);
        assertThat(gold).hasSizeGreaterThanOrEqualTo(150);
        assertThat(r.scores().precision()).as("%s; false positives %s", r.scores(), r.falsePositives()).isGreaterThanOrEqualTo(0.98);
        assertThat(r.scores().recall()).as("%s; false negatives %s", r.scores(), r.falseNegatives()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    void hardNegativesStayApart() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/dedup/labelled-stories.jsonl").toURI());
        Map<String, String> gold = DedupEvaluation.readLabels(file, "label");
        DedupEvaluation.Result r = DedupEvaluation.evaluate(BatchItems.read(file), gold, DedupSettings.DEFAULT, Instant.EPOCH);
        Map<String, Long> p = r.predicted();
        // next-day follow-up, a wire's continuation part, a roundup's second story, daily items
        assertThat(storyOf(p, "aid-plane-1")).isNotEqualTo(storyOf(p, "aid-plane-2"));
        assertThat(storyOf(p, "council-session")).isNotEqualTo(storyOf(p, "council-session-cont"));
        assertThat(storyOf(p, "municipal-parks")).isNotEqualTo(storyOf(p, "municipal-fines"));
        assertThat(storyOf(p, "weather-day0")).isNotEqualTo(storyOf(p, "weather-day1"));
        assertThat(storyOf(p, "rates-day1")).isNotEqualTo(storyOf(p, "rates-day2"));
        assertThat(storyOf(p, "prayer-day2")).isNotEqualTo(storyOf(p, "prayer-day3"));
    }

    private static long storyOf(Map<String, Long> predicted, String label) {
        return predicted.entrySet().stream().filter(e -> e.getKey().endsWith("-" + label)).findFirst()
                .orElseThrow(() -> new AssertionError("no item labelled " + label)).getValue();
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Automatic extraction over the fixture set (7 article markups and 3 listing markups, see make_eval_fixtures.py). */
class ExtractionEvaluationTest {
    @Test
    void meetsTheTargetsOnTheFixtureSet() throws URISyntaxException {
        Path folder = Path.of(getClass().getResource("/extract/eval").toURI());
        ExtractionEvaluation.Report r = ExtractionEvaluation.run(folder);
        assertThat(r.pages()).isGreaterThanOrEqualTo(30);
        assertThat(r.f1()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.titleExact()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.dateExact()).isGreaterThanOrEqualTo(0.95);
        // other news that pages append are found, and related and most-read link boxes are not taken for it
        assertThat(r.otherExact()).isGreaterThanOrEqualTo(0.95);
        assertThat(r.listingExact()).isGreaterThanOrEqualTo(0.95);
    }
}

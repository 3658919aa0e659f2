package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PairwiseScoresTest {

    @Test
    void countsPairsOfTheContingencyTable() {
        // gold: {a,b,c} {d}; predicted: {a,b} {c,d}
        Map<String, String> gold = Map.of("a", "x", "b", "x", "c", "x", "d", "y");
        Map<String, Integer> predicted = Map.of("a", 1, "b", 1, "c", 2, "d", 2);
        PairwiseScores s = PairwiseScores.of(gold, predicted);
        assertThat(s.goldPairs()).isEqualTo(3);
        assertThat(s.predictedPairs()).isEqualTo(2);
        assertThat(s.truePositives()).isEqualTo(1);
        assertThat(s.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(s.recall()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(s.f1()).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void allSingletonsArePerfectlyPrecise() {
        PairwiseScores s = PairwiseScores.of(Map.of("a", "x", "b", "y"), Map.of("a", 1, "b", 2));
        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.recall()).isEqualTo(1.0);
    }
}

package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.extract.Role;

class OtherDayEditionsTest {
    private static final PairMatcher MATCHER = new PairMatcher(0.5);

    private static Similarity alike(double jaccard, double containment, double wordJaccard, boolean numbersAgree) {
        return new Similarity(0.5, jaccard, containment, 60, 60, List.of(), List.of(), List.of(), numbersAgree,
                Similarity.AgencyRelation.UNKNOWN, wordJaccard, wordJaccard, 30, 30, true);
    }

    private static Candidate candidate(long item, long story) {
        return new Candidate(item, story, "weeam", Role.MAIN, null, T0, Fingerprinter.of(TestItems.item("weeam",
                "https://weeam.example/" + item, "عنوان الخبر", "نص الخبر", T0)));
    }

    private static PairMatcher.Verdict near(Similarity s) {
        return new PairMatcher.Verdict(MatchRule.NEAR, s.bodyJaccard(), "near", s);
    }

    @Test
    void aMatchNoClearerThanAnotherDaysEditionIsBelowTheFloor() {
        OtherDayEditions editions = new OtherDayEditions();
        editions.add(candidate(7, 70), alike(0.40, 0.60, 0.50, true), MATCHER);
        assertThat(editions.belowFloor(near(alike(0.45, 0.66, 0.55, true)), 1)).contains("its item 7 of another day");
        assertThat(editions.belowFloor(near(alike(0.52, 0.66, 0.55, true)), 1)).isNull();
        // the edition's own story is not another day's edition of itself
        assertThat(editions.belowFloor(near(alike(0.45, 0.66, 0.55, true)), 70)).isNull();
    }

    @Test
    void aCopyCarriedAgainOrAnEditionWithOtherFiguresIsNoFloor() {
        OtherDayEditions editions = new OtherDayEditions();
        // as alike as the near rule takes: the outlet's own copy of the story on another day
        editions.add(candidate(7, 70), alike(0.40, 0.66, 0.80, true), MATCHER);
        editions.add(candidate(8, 80), alike(0.55, 0.60, 0.80, true), MATCHER);
        // other figures tell the edition apart by themselves
        editions.add(candidate(9, 90), alike(0.45, 0.62, 0.80, false), MATCHER);
        assertThat(editions.isEmpty()).isTrue();
    }
}

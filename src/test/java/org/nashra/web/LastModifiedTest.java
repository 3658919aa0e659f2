package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whole-second validators over microsecond change times: a copy's date never covers a change it does not show. */
class LastModifiedTest {
    static Instant t(String s) {
        return Instant.parse("2026-11-30T12:00:" + s + "Z");
    }

    @Test
    void aCopyMadeAfterTheSecondOfItsChangeSaysTheChangeRoundedUp() {
        assertThat(LastModified.header(t("00.300"), t("05"))).isEqualTo(t("01"));
        assertThat(LastModified.header(t("00.000001"), t("05"))).isEqualTo(t("01"));
        // a whole second is its own rounding
        assertThat(LastModified.header(t("03"), t("05"))).isEqualTo(t("03"));
        assertThat(LastModified.settled(t("00.300"), t("05"))).isTrue();
    }

    @Test
    void aCopyMadeWithinTheSecondOfItsChangeOrTheMarginAfterItSaysAnEarlierSecond() {
        Instant before = Instant.parse("2026-11-30T11:59:59Z");
        assertThat(LastModified.header(t("00.300"), t("00.500"))).isEqualTo(before);
        // the change's second is over, but a write stamped in it may still be committing
        assertThat(LastModified.header(t("00.300"), t("01.500"))).isEqualTo(t("00"));
        assertThat(LastModified.settled(t("00.300"), t("01.500"))).isFalse();
        assertThat(LastModified.header(t("00.300"), t("02"))).isEqualTo(t("01"));
        assertThat(LastModified.settled(t("00.300"), t("02"))).isTrue();
    }

    @Test
    void aChangeTheCopyDoesNotShowIsNeverCoveredByItsDate() {
        // every pair of (copy made at, later change) over three seconds in steps of 100 ms: a change
        // committed after the copy was made, stamped up to IN_FLIGHT before, gets no 304 by the copy's date
        Instant base = t("00");
        for (int changed = 0; changed < 30; changed++) {
            for (int made = changed; made < 30; made++) {
                Instant c = base.plusMillis(100L * changed);
                Instant m = base.plusMillis(100L * made);
                Instant sent = LastModified.header(c, m);
                assertThat(sent).as("not after the copy was made").isBeforeOrEqualTo(m);
                for (int later = made - 9; later < 40; later++) {
                    Instant next = base.plusMillis(100L * later);
                    if (!next.isAfter(c)) continue;
                    assertThat(LastModified.unchangedSince(next, sent))
                            .as("copy of %s made at %s said %s; change at %s", c, m, sent, next).isFalse();
                }
                assertThat(LastModified.unchangedSince(c, sent)).as("unchanged, copy of %s made at %s", c, m)
                        .isEqualTo(LastModified.settled(c, m));
            }
        }
    }

    @Test
    void aDateAfterTheChangeRevalidates() {
        assertThat(LastModified.unchangedSince(t("00.300"), t("01"))).isTrue();
        assertThat(LastModified.unchangedSince(t("00.300"), t("07"))).isTrue();
        assertThat(LastModified.unchangedSince(t("00.300"), t("00"))).isFalse();
        assertThat(LastModified.unchangedSince(t("01.000001"), t("01"))).isFalse();
    }
}

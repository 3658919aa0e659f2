package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RehDecimalsTest {
    @Test
    void aRehBetweenDigitsIsADecimalMarkWithTheFractionStoredFirst() {
        assertThat(RehDecimals.normalize("سجلت خسائر بلغت 2ر3 مليار دولار")).isEqualTo("سجلت خسائر بلغت 3.2 مليار دولار");
        assertThat(RehDecimals.normalize("بنسبة 4ر95% و83ر1 متر")).isEqualTo("بنسبة 95.4% و1.83 متر");
        assertThat(RehDecimals.normalize("(الدولار يساوي 0471ر4 ليو)")).isEqualTo("(الدولار يساوي 4.0471 ليو)");
        assertThat(RehDecimals.normalize("بلغ ٢ر٢٢ مليون")).isEqualTo("بلغ ٢٢.٢ مليون");
    }

    @Test
    void threeZerosAfterTheRehAreTheThousandsGroup() {
        assertThat(RehDecimals.normalize("ما يزيد على (000ر22) مسلم")).isEqualTo("ما يزيد على (22000) مسلم");
    }

    @Test
    void aRehInsideWordsOrBesideOnlyOneNumberStays() {
        String text = "رئيس الوزراء ر 3 و3 ر و3ر و2ر3ب وأ2ر3";
        assertThat(RehDecimals.normalize(text)).isSameAs(text);
        assertThat(RehDecimals.normalize("")).isEmpty();
        assertThat(RehDecimals.normalize(null)).isNull();
    }
}

package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void oneIsSingularAndEveryOtherCountPlural() {
        assertThat(Plural.of(1, "source")).isEqualTo("1 source");
        assertThat(Plural.of(0, "source")).isEqualTo("0 sources");
        assertThat(Plural.of(2, "story", "stories")).isEqualTo("2 stories");
        assertThat(Plural.of(1, "story", "stories")).isEqualTo("1 story");
    }
}

package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nashra.store.StoryKey;

class CursorTest {
    @Test
    void wholeMillisecondsReadAsBefore() {
        StoryKey k = new StoryKey(Instant.parse("2026-11-29T09:30:00Z"), 19);
        assertThat(Cursor.format(k)).isEqualTo("1795944600000-19");
        assertThat(Cursor.parse("before", "1795944600000-19", Long.MAX_VALUE)).isEqualTo(k);
    }

    @Test
    void subMillisecondTimeIsKeptWhole() {
        // regression (QA of the demo): a fetch time cut to 1796006011957 fell below the stories
        // of that fetch, and the page after it was empty
        StoryKey k = new StoryKey(Instant.parse("2026-11-30T02:33:31.957321Z"), 36);
        assertThat(Cursor.format(k)).isEqualTo("1796006011957.321-36");
        assertThat(Cursor.parse("before", Cursor.format(k), Long.MAX_VALUE)).isEqualTo(k);
        StoryKey nanos = new StoryKey(Instant.parse("2026-11-30T02:53:31.000000001Z"), 1);
        assertThat(Cursor.parse("before", Cursor.format(nanos), Long.MAX_VALUE)).isEqualTo(nanos);
    }

    @Test
    void timesBeforeTheEpochRoundTrip() {
        StoryKey k = new StoryKey(Instant.parse("1969-12-31T23:59:59.999500Z"), 7);
        assertThat(Cursor.format(k)).isEqualTo("-0.5-7");
        assertThat(Cursor.parse("before", "-0.5-7", Long.MAX_VALUE)).isEqualTo(k);
    }

    @Test
    void aTimeAloneStandsForTheGivenId() {
        assertThat(Cursor.parse("before", "1795944600000", Long.MAX_VALUE))
                .isEqualTo(new StoryKey(Instant.ofEpochMilli(1795944600000L), Long.MAX_VALUE));
    }

    @Test
    void otherTextIsRefusedNamingTheParameter() {
        for (String bad : new String[] {"", "abc", "12-x", "1.1234567-3", "1e9-3", "99999999999999999-1", "1-99999999999999999999"}) {
            assertThatThrownBy(() -> Cursor.parse("before", bad, 0)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'before'");
        }
    }
}

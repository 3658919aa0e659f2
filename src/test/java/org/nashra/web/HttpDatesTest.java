package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression (QA, HTTP validators): Last-Modified said {@code Thu, 1 Jan 1970 00:00:00 GMT} on days
 * 1 to 9 of a month (RFC 1123's one-digit day), which is no IMF-fixdate (RFC 9110 5.6.7); and an
 * If-Modified-Since in either obsolete form a recipient must accept was ignored.
 */
class HttpDatesTest {
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void writesTwoDigitsOfDayWhateverTheDefaultLocale() {
        for (Locale locale : List.of(Locale.ROOT, Locale.forLanguageTag("ar-SA-u-nu-arab"), Locale.forLanguageTag("tr-TR"),
                Locale.FRANCE)) {
            Locale before = Locale.getDefault();
            Locale.setDefault(locale);
            try {
                assertThat(HttpDates.format(Instant.EPOCH)).as("%s", locale).isEqualTo("Thu, 01 Jan 1970 00:00:00 GMT");
                assertThat(HttpDates.format(Instant.parse("2026-12-01T09:05:07.999Z"))).as("%s", locale)
                        .isEqualTo("Tue, 01 Dec 2026 09:05:07 GMT");
                assertThat(HttpDates.format(Instant.parse("2026-11-30T10:07:07Z"))).isEqualTo("Mon, 30 Nov 2026 10:07:07 GMT");
            } finally {
                Locale.setDefault(before);
            }
        }
    }

    @Test
    void readsTheThreeFormsOfOneInstant() {
        Instant t = Instant.parse("2026-11-30T10:07:07Z");
        assertThat(HttpDates.parse("Mon, 30 Nov 2026 10:07:07 GMT", NOW)).contains(t);
        assertThat(HttpDates.parse("Monday, 30-Nov-26 10:07:07 GMT", NOW)).contains(t);
        assertThat(HttpDates.parse("Mon Nov 30 10:07:07 2026", NOW)).contains(t);
        Instant first = Instant.parse("2026-12-01T09:00:00Z");
        assertThat(HttpDates.parse("Tue, 01 Dec 2026 09:00:00 GMT", NOW)).contains(first);
        assertThat(HttpDates.parse("Tuesday, 01-Dec-26 09:00:00 GMT", NOW)).contains(first);
        assertThat(HttpDates.parse("Tue Dec  1 09:00:00 2026", NOW)).contains(first);
        // what this server sent before, and what the format it writes reads back as
        assertThat(HttpDates.parse("Tue, 1 Dec 2026 09:00:00 GMT", NOW)).contains(first);
        assertThat(HttpDates.parse(" " + HttpDates.format(first) + " ", NOW)).contains(first);
    }

    @Test
    void readsATwoDigitYearAsNoMoreThanFiftyYearsAhead() {
        assertThat(HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW)).contains(Instant.parse("1994-11-06T08:49:37Z"));
        // 2076 is 50 years ahead of 2026: the future still; 2077 would be more, so it is 1977
        assertThat(HttpDates.parse("Friday, 06-Nov-76 08:49:37 GMT", NOW)).contains(Instant.parse("2076-11-06T08:49:37Z"));
        assertThat(HttpDates.parse("Sunday, 06-Nov-77 08:49:37 GMT", NOW)).contains(Instant.parse("1977-11-06T08:49:37Z"));
        assertThat(HttpDates.parse("Wednesday, 01-Jan-70 00:00:00 GMT", NOW)).contains(Instant.parse("2070-01-01T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Mon, 31 Nov 2026 10:07:07 GMT", "Tue, 30 Nov 2026 10:07:07 GMT",
            "Monday, 31-Nov-26 10:07:07 GMT", "Tuesday, 30-Nov-26 10:07:07 GMT", "Monday, 30-Nov-26 10:07:07",
            "Monday, 30-Nov-2026 10:07:07 GMT", "Mon Nov 30 10:07:07", "Mon Nov 31 10:07:07 2026", "Tue Nov 30 10:07:07 2026",
            "Mon Nov 30 25:07:07 2026", "Mon, 30 Nov 2026 10:07:07", "2026-11-30T10:07:07Z"})
    void ignoresWhatNamesNoInstant(String text) {
        assertThat(HttpDates.parse(text, NOW)).as("'%s'", text).isEmpty();
    }
}

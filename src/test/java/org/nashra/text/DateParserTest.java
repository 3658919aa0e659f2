package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DateParserTest {
    static final Instant NOW = Instant.parse("2024-06-20T12:00:00Z"); // Thursday, 15:00 in Baghdad
    static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private final DateParser parser = new DateParser();

    record Row(int line, String family, String raw, String expected, boolean clamped) {
        @Override
        public String toString() {
            return family + ": " + raw;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = DateParserTest.class.getResourceAsStream("/text/dates-real-world.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank() || lines[i].startsWith("#")) continue;
                String[] f = lines[i].split("\t", -1);
                rows.add(new Row(i + 1, f[0], f[1], f[2], f[3].equals("yes")));
            }
        }
        return rows;
    }

    static Stream<Arguments> table() throws IOException {
        return rows().stream().map(r -> Arguments.of(r));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("table")
    void parsesRealWorldDates(Row row) {
        check(row);
    }

    @Test
    void tableIsLargeAndCoversEveryFamily() throws IOException {
        List<Row> rows = rows();
        assertThat(rows.stream().filter(r -> !r.expected.equals("none"))).hasSizeGreaterThanOrEqualTo(150);
        assertThat(rows.stream().map(Row::family).distinct()).contains(
                "rfc822", "rfc822-broken", "rfc822-arabic", "iso8601", "numeric", "egyptian-gulf", "levantine",
                "maghrebi", "hijri", "relative", "future", "invalid");
    }

    @Test
    void wholeTableHoldsUnderArabicAndTurkishDefaultLocales() throws IOException {
        List<Row> rows = rows();
        for (Locale l : Locales.HOSTILE) {
            Locales.withDefault(l, () -> rows.forEach(this::check));
        }
    }

    private void check(Row row) {
        Optional<ParsedDate> got = parser.parse(row.raw, BAGHDAD, NOW);
        String where = "line " + row.line + " \"" + row.raw + "\" -> " + got;
        if (row.expected.equals("none")) {
            assertThat(got).as(where).isEmpty();
            return;
        }
        Instant want = row.expected.equals("now") ? NOW : OffsetDateTime.parse(row.expected).toInstant();
        assertThat(got).as(where).isPresent();
        assertThat(got.get().instant()).as(where).isEqualTo(want);
        assertThat(got.get().clamped()).as(where).isEqualTo(row.clamped);
    }

    @Test
    void notesSayWhatWasAssumed() {
        assertThat(parser.parse("Thu, 22 Jun 2023 10:30:00", BAGHDAD, NOW).orElseThrow().note())
                .contains("no zone, used Asia/Baghdad");
        assertThat(parser.parse("أمس", BAGHDAD, NOW).orElseThrow().note()).contains("relative: أمس");
        ParsedDate future = parser.parse("2025-01-01T00:00:00Z", BAGHDAD, NOW).orElseThrow();
        assertThat(future.note()).contains("future date clamped").contains("2025-01-01T00:00:00Z");
        assertThat(parser.parse("15 رمضان 1445 هـ", BAGHDAD, NOW).orElseThrow().note()).contains("hijri");
        assertThat(parser.parse("Thu, 22 Jun 2023 10:30:00 +0300", BAGHDAD, NOW).orElseThrow().note()).isEmpty();
    }

    @Test
    void precisionSaysWhetherTheStringGaveATimeOfDay() {
        java.util.Map<String, DatePrecision> cases = new java.util.LinkedHashMap<>();
        cases.put("Thu, 22 Jun 2023 10:30:00 +0300", DatePrecision.TIME);
        cases.put("2023-06-22T10:30:00Z", DatePrecision.TIME);
        cases.put("2023-06-22", DatePrecision.DAY);
        cases.put("٢٨ نوفمبر ٢٠٢٣", DatePrecision.DAY);
        cases.put("السبت 28 تشرين الثاني 2023 - 14:20", DatePrecision.TIME);
        cases.put("2023/11/29 10:05", DatePrecision.TIME);
        cases.put("22/06/2023", DatePrecision.DAY);
        cases.put("15 رمضان 1445 هـ", DatePrecision.DAY);
        cases.put("22 يونيو", DatePrecision.DAY);
        cases.put("منذ ساعتين", DatePrecision.TIME);
        cases.put("منذ 3 ساعات و20 دقيقة", DatePrecision.TIME);
        cases.put("منذ يومين", DatePrecision.DAY);
        cases.put("2 days ago", DatePrecision.DAY);
        cases.put("5 minutes ago", DatePrecision.TIME);
        cases.put("أمس", DatePrecision.DAY);
        cases.put("اليوم", DatePrecision.DAY);
        cases.put("أمس 10:30", DatePrecision.TIME);
        cases.put("الآن", DatePrecision.TIME);
        // a future date is clamped to now; its precision is still the string's
        cases.put("2025-01-01", DatePrecision.DAY);
        cases.forEach((raw, want) -> assertThat(parser.parse(raw, BAGHDAD, NOW).orElseThrow().precision())
                .as(raw).isEqualTo(want));
    }

    @Test
    void everyDateOnlyOfTheTableIsADay() throws IOException {
        for (Row row : rows()) {
            Optional<ParsedDate> got = parser.parse(row.raw, BAGHDAD, NOW);
            if (got.isEmpty()) continue;
            boolean noTime = got.get().note().contains("date only") || got.get().note().contains("no time");
            if (noTime) assertThat(got.get().precision()).as("line " + row.line + " " + row.raw).isEqualTo(DatePrecision.DAY);
        }
    }

    @Test
    void sourceZoneAppliesOnlyWhenTheStringHasNone() {
        ZoneId cairo = ZoneId.of("Africa/Cairo");
        // Egypt is on summer time (+03:00) in June 2023 and on +02:00 in January
        assertThat(parser.parse("2023-01-22 10:00", cairo, NOW).orElseThrow().instant())
                .isEqualTo(Instant.parse("2023-01-22T08:00:00Z"));
        assertThat(parser.parse("2023-01-22 10:00 +0300", cairo, NOW).orElseThrow().instant())
                .isEqualTo(Instant.parse("2023-01-22T07:00:00Z"));
    }

    @Test
    void relativeDaysFollowTheSourceCalendarNotUtc() {
        // 00:30 in Baghdad on Friday is still Thursday 21:30 in UTC: "اليوم الجمعة" is that Friday
        Instant justAfterMidnight = Instant.parse("2024-06-20T21:30:00Z");
        assertThat(parser.parse("اليوم الجمعة 00:10", BAGHDAD, justAfterMidnight).orElseThrow().instant())
                .isEqualTo(Instant.parse("2024-06-20T21:10:00Z"));
    }

    @Test
    void toleranceIsConfigurable() {
        DateParser strict = new DateParser(java.time.Duration.ZERO);
        assertThat(strict.parse("Thu, 20 Jun 2024 12:05:00 GMT", BAGHDAD, NOW).orElseThrow().clamped()).isTrue();
    }
}

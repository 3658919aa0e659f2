package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;

class ItemNormalizerTest {
    static final Instant FETCHED = Instant.parse("2024-06-20T12:00:00Z");
    static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private final ItemNormalizer normalizer = new ItemNormalizer();

    private static RawItem item(String url, String title, String text, String publishedRaw, Instant published, Role role) {
        return new RawItem("alamsar", url, null, title, "", text, publishedRaw, published, null, null, null,
                List.of(), role, null);
    }

    @Test
    void cleansKeysAndCreditsAnItem() {
        RawItem raw = item("https://amp.example.org/news/15?utm_source=rss#top",
                "  العراق يؤكدُ\u00A0أهمية  الحوار\u200F ", "بغداد (واع) - أكد وفد العراق،  اليوم الخميس، أهمية الحوار.\n\n\nوقال المُتحدث...",
                null, Instant.parse("2024-06-20T08:00:00Z"), Role.MAIN);
        NormalizedItem n = normalizer.normalize(raw, BAGHDAD, FETCHED);
        assertThat(n.title()).isEqualTo("العراق يؤكدُ أهمية الحوار");
        assertThat(n.titleKey()).isEqualTo("العراق يوكد اهميه الحوار");
        assertThat(n.text()).isEqualTo("بغداد (واع) - أكد وفد العراق، اليوم الخميس، أهمية الحوار.\nوقال المُتحدث...");
        assertThat(n.textKey()).startsWith("بغداد واع اكد وفد العراق اليوم الخميس اهميه الحوار وقال المتحدث");
        assertThat(n.canonicalUrl()).isEqualTo("https://example.org/news/15");
        assertThat(n.raw().url()).isEqualTo("https://amp.example.org/news/15?utm_source=rss#top");
        assertThat(n.agency()).isEqualTo("واع");
        assertThat(n.published()).isEqualTo(Instant.parse("2024-06-20T08:00:00Z"));
        assertThat(n.warnings()).isEmpty();
    }

    /** QA run: a 25,000-character title was republished as it came. */
    @Test
    void aTitleLongerThanTheCapIsCutAtAWordBoundaryWithAnEllipsisAndAWarning() {
        String sentence = "أعلنت وزارة الكهرباء اليوم عن خطة جديدة لتحسين التجهيز في المحافظات الجنوبية ";
        String title = sentence.repeat(25_000 / sentence.length() + 1).substring(0, 25_000);
        NormalizedItem n = normalizer.normalize(item("https://example.org/1", title, "نص", null, FETCHED, Role.MAIN),
                BAGHDAD, FETCHED);

        assertThat(n.title()).hasSizeLessThanOrEqualTo(ItemNormalizer.MAX_TITLE_CHARS).endsWith("…");
        String kept = n.title().substring(0, n.title().length() - 1);
        assertThat(title).as("cut after a whole word").startsWith(kept + " ");
        assertThat(kept).doesNotEndWith(" ");
        assertThat(n.titleKey()).isEqualTo(MatchingKey.DEFAULT.key(n.title()));
        assertThat(n.warnings()).singleElement().asString().startsWith(ItemNormalizer.TITLE_CUT)
                .contains("25000").contains(String.valueOf(n.title().length()));
    }

    @Test
    void aTitleAtTheCapIsKeptWhole() {
        String title = "خبر ".repeat(100).substring(0, ItemNormalizer.MAX_TITLE_CHARS - 1) + "ر";
        NormalizedItem n = normalizer.normalize(item("https://example.org/1", title, "نص", null, FETCHED, Role.MAIN),
                BAGHDAD, FETCHED);
        assertThat(n.title()).isEqualTo(title).hasSize(ItemNormalizer.MAX_TITLE_CHARS);
        assertThat(n.warnings()).isEmpty();
    }

    @Test
    void aTitleWithoutSpacesIsCutMidWord() {
        String title = "ا".repeat(1_000);
        String cut = ItemNormalizer.capped(title);
        assertThat(cut).hasSize(ItemNormalizer.MAX_TITLE_CHARS).isEqualTo("ا".repeat(ItemNormalizer.MAX_TITLE_CHARS - 1) + "…");
        // a character outside the BMP is two chars: the cut never splits one
        assertThat(ItemNormalizer.capped("\uD83D\uDCF0".repeat(500))).isEqualTo("\uD83D\uDCF0".repeat(149) + "…");
    }

    @Test
    void aTitleMadeFromOneLongWordOfTheTextIsCutToo() {
        NormalizedItem n = normalizer.normalize(item("https://example.org/1", "", "x".repeat(5_000), null, FETCHED,
                Role.MAIN), BAGHDAD, FETCHED);
        assertThat(n.title()).hasSize(ItemNormalizer.MAX_TITLE_CHARS);
        assertThat(n.warnings()).anySatisfy(w -> assertThat(w).startsWith(ItemNormalizer.TITLE_CUT));
    }

    @Test
    void parsesTheRawDateWhenNoMachineDateCame() {
        NormalizedItem n = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", "الخميس 22 حزيران 2023 - 10:30 م", null, Role.MAIN),
                BAGHDAD, FETCHED);
        assertThat(n.published()).isEqualTo(Instant.parse("2023-06-22T19:30:00Z"));
        assertThat(n.warnings()).isEmpty();
    }

    @Test
    void resolvesRelativeDatesAgainstTheFetchTime() {
        NormalizedItem n = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", "منذ ساعتين", null, Role.MAIN), BAGHDAD, FETCHED);
        assertThat(n.published()).isEqualTo(Instant.parse("2024-06-20T10:00:00Z"));
    }

    @Test
    void fallsBackToTheFetchTimeWithAWarning() {
        NormalizedItem bad = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", "قريباً جداً", null, Role.MAIN), BAGHDAD, FETCHED);
        assertThat(bad.published()).isEqualTo(FETCHED);
        assertThat(bad.warnings()).singleElement().asString().contains("unparseable date").contains("قريباً جداً");

        NormalizedItem none = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", null, null, Role.MAIN), BAGHDAD, FETCHED);
        assertThat(none.published()).isEqualTo(FETCHED);
        assertThat(none.warnings()).singleElement().asString().contains("no date");
    }

    @Test
    void clampsFutureDatesWithAWarning() {
        NormalizedItem machine = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", null, Instant.parse("2024-06-21T12:00:00Z"), Role.MAIN),
                BAGHDAD, FETCHED);
        assertThat(machine.published()).isEqualTo(FETCHED);
        assertThat(machine.warnings()).singleElement().asString().contains("clamped");

        NormalizedItem parsed = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", "Fri, 21 Jun 2024 10:00:00 GMT", null, Role.MAIN),
                BAGHDAD, FETCHED);
        assertThat(parsed.published()).isEqualTo(FETCHED);
        assertThat(parsed.warnings()).singleElement().asString().contains("future date clamped");
    }

    /**
     * QA: a day without its time stands at local midnight, earlier than the real time; the item
     * says so, so that a story does not take it over another copy's time of day.
     */
    @Test
    void theItemSaysWhetherItsSourceGaveATimeOfDayADayOrNothing() {
        NormalizedItem dayOnly = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", "٢٨ نوفمبر ٢٠٢٣", null, Role.MAIN), BAGHDAD, FETCHED);
        assertThat(dayOnly.published()).isEqualTo(Instant.parse("2023-11-27T21:00:00Z"));
        assertThat(dayOnly.datePrecision()).isEqualTo(DatePrecision.DAY);

        NormalizedItem withTime = normalizer.normalize(
                item("https://example.org/1", "عنوان", "نص", "الخميس 22 حزيران 2023 - 10:30 م", null, Role.MAIN), BAGHDAD, FETCHED);
        assertThat(withTime.datePrecision()).isEqualTo(DatePrecision.TIME);
        assertThat(normalizer.normalize(item("https://example.org/1", "عنوان", "نص", "أمس", null, Role.MAIN), BAGHDAD, FETCHED)
                .datePrecision()).isEqualTo(DatePrecision.DAY);

        // dates extraction already read: a feed's full date, and an ISO attribute's bare day
        NormalizedItem rss = normalizer.normalize(item("https://example.org/1", "عنوان", "نص",
                "Thu, 22 Jun 2023 10:30:00 +0300", Instant.parse("2023-06-22T07:30:00Z"), Role.MAIN), BAGHDAD, FETCHED);
        assertThat(rss.datePrecision()).isEqualTo(DatePrecision.TIME);
        NormalizedItem isoDay = normalizer.normalize(item("https://example.org/1", "عنوان", "نص",
                "2023-11-28", Instant.parse("2023-11-27T21:00:00Z"), Role.MAIN), BAGHDAD, FETCHED);
        assertThat(isoDay.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(isoDay.published()).isEqualTo(Instant.parse("2023-11-27T21:00:00Z"));
        assertThat(normalizer.normalize(item("https://example.org/1", "عنوان", "نص", null,
                Instant.parse("2023-06-22T07:30:00Z"), Role.MAIN), BAGHDAD, FETCHED).datePrecision())
                .as("a machine date without its text").isEqualTo(DatePrecision.TIME);

        // the fetch time standing in for a date is no publication time either
        assertThat(normalizer.normalize(item("https://example.org/1", "عنوان", "نص", null, null, Role.MAIN), BAGHDAD, FETCHED)
                .datePrecision()).isEqualTo(DatePrecision.NONE);
        assertThat(normalizer.normalize(item("https://example.org/1", "عنوان", "نص", "قريباً جداً", null, Role.MAIN), BAGHDAD,
                FETCHED).datePrecision()).isEqualTo(DatePrecision.NONE);
        assertThat(normalizer.normalize(item("https://example.org/1", "عنوان", "نص", "Fri, 21 Jun 2024 10:00:00 GMT", null,
                Role.MAIN), BAGHDAD, FETCHED).datePrecision()).as("clamped to the fetch time").isEqualTo(DatePrecision.NONE);
    }

    @Test
    void untitledItemsTakeTheFirstWordsOfTheirText() {
        String text = "وقال المكتب الاعلامي لرئيس الائتلاف في بيان إن الرئيس استقبل بمكتبه اليوم سفيرة الولايات المتحدة. وأكد أن العمل مستمر.";
        NormalizedItem n = normalizer.normalize(item("https://example.org/1", " ", text, null, FETCHED, Role.OTHER),
                BAGHDAD, FETCHED);
        assertThat(n.title()).isEqualTo("وقال المكتب الاعلامي لرئيس الائتلاف في بيان إن الرئيس استقبل بمكتبه اليوم…");
        assertThat(n.titleKey()).isEqualTo("وقال المكتب الاعلامي لرييس الايتلاف في بيان ان الرييس استقبل بمكتبه اليوم");
        assertThat(n.warnings()).contains("no title: used the first words of the text");

        NormalizedItem shortOne = normalizer.normalize(
                item("https://example.org/2", "", "اجتماع في بغداد. ثم عودة الوفد.", null, FETCHED, Role.OTHER), BAGHDAD, FETCHED);
        assertThat(shortOne.title()).isEqualTo("اجتماع في بغداد.");
    }

    @Test
    void otherNewsItemsKeepTheFragmentThatMakesThemDistinct() {
        NormalizedItem n = normalizer.normalize(
                item("https://example.org/news/15/?utm_source=x#other-2", "عنوان", "نص", null, FETCHED, Role.OTHER),
                BAGHDAD, FETCHED);
        assertThat(n.canonicalUrl()).isEqualTo("https://example.org/news/15#other-2");
    }

    @Test
    void sameResultUnderHostileDefaultLocales() {
        RawItem raw = item("https://Example.ORG/I", "ISTANBUL إسطنبول", "(رويترز) - نص", "Thu, 22 Jun 2023 10:30:00 GMT+3", null, Role.MAIN);
        NormalizedItem root = normalizer.normalize(raw, BAGHDAD, FETCHED);
        for (var l : Locales.HOSTILE) {
            Locales.withDefault(l, () -> assertThat(normalizer.normalize(raw, BAGHDAD, FETCHED)).isEqualTo(root));
        }
        assertThat(root.titleKey()).isEqualTo("istanbul اسطنبول");
    }
}

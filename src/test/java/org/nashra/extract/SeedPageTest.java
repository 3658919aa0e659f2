package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.ArticleRules;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

/** The seed page (an Iraqi outlet's article with a run-together "أخبار أخرى.." block) as WordPress marks it up. */
class SeedPageTest {
    static final URI PAGE = URI.create("https://alamsar.example/2023/06/22/kazakhstan-astana-format/");
    static final String HEADLINE = "كازاخستان تعلن استعدادها لاستضافة اجتماعات \"صيغة أستانا\" حول سوريا مجددا";
    static final String OTHER_HEADLINE = "العراق يؤكد أهمية تعزيز الحوار بين الأطراف المعنية بالأزمة السورية";

    static String html() throws IOException {
        return resource("wordpress-article-with-other-news.html");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SeedPageTest.class.getResourceAsStream("/extract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SourceConfig source(ArticleRules rules, List<String> boilerplate) {
        SourceConfig base = SourceConfig.of("alamsar", URI.create("https://alamsar.example/"), SourceType.HTML);
        return new SourceConfig(base.id(), "الأمصار", base.url(), base.type(), List.of("iraq"), 5, base.interval(),
                null, null, null, "ar", true, null, true, null, rules, boilerplate, List.of());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tr-TR", "ar-IQ", "en-US"})
    void theResultDoesNotDependOnTheDefaultLocale(String tag) throws IOException {
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
            assertSeed(new PageExtractor(source(null, List.of())).extract(html(), PAGE));
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    @Test
    void automaticExtractionWithoutRules() throws IOException {
        Extraction e = new PageExtractor(source(null, List.of())).extract(html(), PAGE);
        assertSeed(e);
    }

    @Test
    void withSiteRulesAndConfiguredBoilerplate() throws IOException {
        // a deliberately wide body rule: the label, outlet name and date line sit inside it
        ArticleRules rules = new ArticleRules("h1.entry-title", "article.post", "time.published@datetime",
                ".byline a", "img.wp-post-image@src", null, List.of(".share-buttons", ".cat-links"));
        SourceConfig source = source(rules, List.of("مجلس التحرير: مجموعة صحفيين عرب",
                "الموقع قدم أوراق اعتماده الى نقابة الصحفيين العراقيين"));
        Extraction e = new PageExtractor(source).extractArticle(html(), PAGE);
        assertSeed(e);
        assertThat(e.removed()).contains("نشر", "الأمصار");
        assertThat(e.items().get(0).author()).isEqualTo("الأمصار");
    }

    @Test
    void plainTextLayoutWithBreaksAndConfiguredBoilerplate() throws IOException {
        SourceConfig source = source(null, List.of("مجلس التحرير: مجموعة صحفيين عرب", "الموقع قدم أوراق اعتماده",
                "الى نقابة الصحفيين العراقيين"));
        Extraction e = new PageExtractor(source).extract(resource("plain-text-article-with-other-news.html"), PAGE);
        assertThat(e.warnings()).isEmpty();
        assertItems(e);
        assertThat(e.removed()).contains("مجلس التحرير: مجموعة صحفيين عرب", "نشر", "الأمصار");
    }

    @Test
    void plainTextLayoutLearnsTheHeaderLinesFromOtherPagesOfTheOutlet() throws IOException {
        PageExtractor extractor = new PageExtractor(source(null, List.of()));
        String page = resource("plain-text-article-with-other-news.html");
        for (int i = 1; i <= 3; i++) {
            String other = "<html><body><div class=\"page-text\">مجلس التحرير: مجموعة صحفيين عرب<br>الموقع قدم أوراق اعتماده<br>"
                    + "الى نقابة الصحفيين العراقيين<br><br>خبر سابق رقم " + i + "<br><br>نص خبر سابق، فيه ما يكفي من الكلمات "
                    + "ليعد متنا، وقد نشر في يوم سابق على الموقع نفسه.</div></body></html>";
            extractor.extractArticle(other, URI.create("https://alamsar.example/old/" + i));
        }
        Extraction e = extractor.extract(page, PAGE);
        assertItems(e);
    }

    private static void assertSeed(Extraction e) {
        assertThat(e.warnings()).isEmpty();
        assertItems(e);
        RawItem m = e.items().get(0);
        assertThat(m.published()).isEqualTo(Instant.parse("2023-06-22T11:05:12Z"));
        assertThat(m.publishedRaw()).isEqualTo("2023-06-22T14:05:12+03:00");
        assertThat(m.image()).isEqualTo("https://alamsar.example/wp-content/uploads/2023/06/astana-talks-780x470.jpg");
        assertThat(m.html()).contains("<p>أعلنت الخارجية").doesNotContain("أخبار أخرى", "<script", "المالكي");
    }

    private static void assertItems(Extraction e) {
        List<RawItem> main = e.items().stream().filter(i -> i.role() == Role.MAIN).toList();
        List<RawItem> other = e.items().stream().filter(i -> i.role() == Role.OTHER).toList();
        assertThat(main).hasSize(1);
        assertThat(other).hasSize(2);

        RawItem m = main.get(0);
        assertThat(m.title()).isEqualTo(HEADLINE);
        assertThat(m.url()).isEqualTo(PAGE.toString());
        List<String> paragraphs = List.of(m.text().split("\n"));
        assertThat(paragraphs).hasSize(4);
        assertThat(paragraphs.get(0)).startsWith("أعلنت الخارجية الكازاخية استعداد كازاخستان");
        assertThat(paragraphs.get(3)).endsWith("أثبتت فعاليتها وستتواصل.");
        assertThat(m.text()).doesNotContain("مجلس التحرير", "نقابة الصحفيين", "أخبار أخرى", "المالكي", "الصحاف",
                "فيسبوك", "طباعة");
        assertThat(paragraphs).doesNotContain("نشر", "الأمصار", "شارك", HEADLINE);
        assertThat(m.html()).doesNotContain("أخبار أخرى", "المالكي", "مجلس التحرير");
        assertThat(m.text()).contains("الكازاخستانية لجعل"); // the double space is collapsed

        RawItem first = other.get(0);
        assertThat(first.title()).isEqualTo(OTHER_HEADLINE);
        assertThat(first.text()).startsWith("أكد وفد العراق المشارك في محادثات أستانا")
                .contains("أحمد الصحاف").doesNotContain("المالكي");
        assertThat(first.text().split("\n")).hasSize(2);
        assertThat(first.parentUrl()).isEqualTo(PAGE.toString());
        assertThat(first.url()).isEqualTo(PAGE + "#other-1");

        RawItem meeting = other.get(1);
        assertThat(meeting.text()).startsWith("وقال المكتب الاعلامي لرئيس ائتلاف دولة القانون")
                .contains("وأكد المالكي");
        // the paragraph only reports a statement: its news, the quote, is the title
        assertThat(meeting.title()).isEqualTo("رئيس ائتلاف دولة القانون نوري المالكي استقبل بمكتبه اليوم سفيرة الولايات المتحدة");
        assertThat(meeting.title().split(" ").length).isLessThanOrEqualTo(12);
        assertThat(meeting.url()).isEqualTo(PAGE + "#other-2");
        assertThat(meeting.parentUrl()).isEqualTo(PAGE.toString());
    }
}

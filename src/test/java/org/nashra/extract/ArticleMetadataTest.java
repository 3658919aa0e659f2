package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.ArticleRules;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class ArticleMetadataTest {
    private static final URI PAGE = URI.create("https://site.example/a/1?utm_source=x");
    private static final String BODY = "<div class=\"article-body\"><p>قالت الحكومة اليوم إنها ستبدأ تنفيذ مشروع "
            + "الطرق الريفية في ثلاث محافظات، وإن الكلفة ستبلغ نحو مئتي مليار دينار، على أن ينجز خلال عامين.</p>"
            + "<p>وأضافت أن الشركات المنفذة ستلتزم بمعايير الجودة، وأن لجانا فنية ستتابع العمل في كل مرحلة.</p></div>";

    private static SourceConfig source(ArticleRules rules, String language) {
        return new SourceConfig("site", "الموقع", URI.create("https://site.example/"), SourceType.HTML, List.of(), 0,
                Duration.ofMinutes(15), null, null, ZoneId.of("Asia/Baghdad"), language, true, null, true, null, rules,
                List.of(), List.of());
    }

    private static RawItem main(String html) {
        return new PageExtractor(source(null, "ar")).extractArticle(html, PAGE).items().get(0);
    }

    @Test
    void jsonLdInsideGraphWithTypeArraysAndNestedAuthorAndImage() {
        String ld = """
                {"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"الموقع"},
                 {"@type":["ReportageNewsArticle"],"headline":"الحكومة تطلق مشروع الطرق الريفية",
                  "datePublished":"2024-02-10T09:00:00+03:00","dateModified":"2024-02-10T11:30:00+03:00",
                  "author":[{"@type":"Person","name":"سعاد كريم"}],"image":[{"@type":"ImageObject","url":"/img/roads.jpg"}]}]}
                """;
        RawItem m = main("<html><head><script type=\"application/ld+json\">" + ld + "</script>"
                + "<title>عنوان آخر | الموقع</title></head><body><h1>عنوان مختلف في الصفحة</h1>" + BODY + "</body></html>");
        assertThat(m.title()).isEqualTo("الحكومة تطلق مشروع الطرق الريفية");
        assertThat(m.published()).isEqualTo(Instant.parse("2024-02-10T06:00:00Z"));
        assertThat(m.updated()).isEqualTo(Instant.parse("2024-02-10T08:30:00Z"));
        assertThat(m.author()).isEqualTo("سعاد كريم");
        assertThat(m.image()).isEqualTo("https://site.example/img/roads.jpg");
    }

    @Test
    void openGraphCanonicalAndMetaDates() {
        RawItem m = main("<html><head><meta property=\"og:title\" content=\"الحكومة تطلق مشروع الطرق الريفية - الموقع\">"
                + "<meta property=\"og:image\" content=\"https://cdn.site.example/roads.jpg\">"
                + "<meta property=\"article:published_time\" content=\"2024-02-10T09:00:00+0300\">"
                + "<link rel=\"canonical\" href=\"/a/1\"></head><body>" + BODY + "</body></html>");
        assertThat(m.title()).isEqualTo("الحكومة تطلق مشروع الطرق الريفية");
        assertThat(m.url()).isEqualTo("https://site.example/a/1");
        assertThat(m.image()).isEqualTo("https://cdn.site.example/roads.jpg");
        assertThat(m.published()).isEqualTo(Instant.parse("2024-02-10T06:00:00Z"));
    }

    @Test
    void timeElementAndZonelessDatesReadInTheSourcesZone() {
        RawItem m = main("<html><body><article><h1>الحكومة تطلق مشروع الطرق الريفية</h1>"
                + "<time datetime=\"2024-02-10 09:00\">١٠ شباط</time>" + BODY + "</article></body></html>");
        assertThat(m.publishedRaw()).isEqualTo("2024-02-10 09:00");
        assertThat(m.published()).isEqualTo(Instant.parse("2024-02-10T06:00:00Z"));
    }

    @Test
    void arabicTextDatesAreKeptRawNotParsed() {
        RawItem m = main("<html><body><article><h1>الحكومة تطلق مشروع الطرق الريفية</h1>"
                + "<span class=\"post-date\">السبت 10 شباط 2024</span>" + BODY + "</article></body></html>");
        assertThat(m.publishedRaw()).isEqualTo("السبت 10 شباط 2024");
        assertThat(m.published()).isNull();
    }

    @Test
    void brokenJsonLdFallsBackToTheDom() {
        RawItem m = main("<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", headline: </script>"
                + "</head><body><h1>الحكومة تطلق مشروع الطرق الريفية</h1>" + BODY + "</body></html>");
        assertThat(m.title()).isEqualTo("الحكومة تطلق مشروع الطرق الريفية");
        assertThat(m.text()).startsWith("قالت الحكومة");
    }

    @Test
    void rulesThatMatchNothingAreReportedAndAutomaticExtractionTakesOver() {
        ArticleRules rules = new ArticleRules(".headline", ".entry-content", ".date@datetime", null, null, null, List.of());
        Extraction e = new PageExtractor(source(rules, "ar")).extractArticle(
                "<html><body><h1>الحكومة تطلق مشروع الطرق الريفية</h1>" + BODY + "</body></html>", PAGE);
        assertThat(e.warnings()).containsExactlyInAnyOrder(
                "selector '.headline' for title matched nothing on " + PAGE,
                "selector '.entry-content' for body matched nothing on " + PAGE,
                "selector '.date@datetime' for date matched nothing on " + PAGE);
        assertThat(e.items().get(0).title()).isEqualTo("الحكومة تطلق مشروع الطرق الريفية");
        assertThat(e.items().get(0).text()).startsWith("قالت الحكومة");
    }

    @Test
    void invalidSelectorsAreReportedAsSuch() {
        ArticleRules rules = new ArticleRules("h1[", null, null, null, null, null, List.of());
        Extraction e = new PageExtractor(source(rules, "ar")).extractArticle("<html><body>" + BODY + "</body></html>", PAGE);
        assertThat(e.warnings()).anyMatch(w -> w.contains("'h1['") && w.contains("not a valid CSS selector"));
    }

    @Test
    void textThatIsNotMostlyArabicIsReportedForAnArabicSource() {
        String english = "<html><body><article><h1>Government launches roads</h1><p>The government said today that it will "
                + "start the rural roads project in three provinces, at a cost of about two hundred billion dinars.</p>"
                + "<p>The companies will follow quality standards, and technical committees will follow every stage.</p>"
                + "</article></body></html>";
        Extraction ar = new PageExtractor(source(null, "ar")).extractArticle(english, PAGE);
        assertThat(ar.warnings()).anyMatch(w -> w.contains("not mostly Arabic") && w.contains(PAGE.toString()));
        Extraction en = new PageExtractor(source(null, "en")).extractArticle(english, PAGE);
        assertThat(en.warnings()).isEmpty();
    }

    @Test
    void jsonLdArticleBodyWhenThePageIsAScriptShell() {
        String ld = "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"الحكومة تطلق مشروع الطرق الريفية\","
                + "\"articleBody\":\"الفقرة الأولى من الخبر، وفيها تفاصيل المشروع.\\nالفقرة الثانية من الخبر، وفيها الكلفة والمدة.\"}";
        RawItem m = main("<html><head><script type=\"application/ld+json\">" + ld + "</script></head>"
                + "<body><div id=\"app\">جار التحميل...</div></body></html>");
        assertThat(m.text()).isEqualTo("الفقرة الأولى من الخبر، وفيها تفاصيل المشروع.\nالفقرة الثانية من الخبر، وفيها الكلفة والمدة.");
        assertThat(m.html()).isEqualTo("<p>الفقرة الأولى من الخبر، وفيها تفاصيل المشروع.</p><p>الفقرة الثانية من الخبر، وفيها الكلفة والمدة.</p>");
    }

    @Test
    void titlesLoseTheSiteNameButKeepTheirOwnColonsAndDashes() {
        assertThat(PageExtractor.cleanTitle("الحكومة تطلق مشروع الطرق | الموقع", "الموقع")).isEqualTo("الحكومة تطلق مشروع الطرق");
        assertThat(PageExtractor.cleanTitle("الموقع :: الحكومة تطلق مشروع الطرق", "الموقع")).isEqualTo("الحكومة تطلق مشروع الطرق");
        assertThat(PageExtractor.cleanTitle("الحكومة تطلق مشروع الطرق - جريدة الصباح", "")).isEqualTo("الحكومة تطلق مشروع الطرق");
        assertThat(PageExtractor.cleanTitle("الاقتصاد : خطة التنمية تواجه تحديات | الموقع", "الموقع"))
                .isEqualTo("الاقتصاد : خطة التنمية تواجه تحديات");
        assertThat(PageExtractor.cleanTitle("ما بين الربيعين : الشعب اختار من ؟", "الموقع")).isEqualTo("ما بين الربيعين : الشعب اختار من ؟");
    }

    @Test
    void aCanonicalPointingAtTheHomePageIsIgnored() {
        RawItem m = main("<html><head><link rel=\"canonical\" href=\"https://site.example/\"></head><body>"
                + "<h1>الحكومة تطلق مشروع الطرق الريفية</h1>" + BODY + "</body></html>");
        assertThat(m.url()).isEqualTo(PAGE.toString());
    }

    @Test
    void entitiesAndHtmlInsideJsonLd() {
        String ld = "{\"@type\":\"NewsArticle\",\"headline\":\"الحكومة تطلق &quot;مشروع الطرق&quot;\","
                + "\"articleBody\":\"<p>الفقرة الأولى من الخبر، وفيها التفاصيل.</p><p>الفقرة الثانية من الخبر، وفيها الكلفة.</p>\"}";
        RawItem m = main("<html><head><script type=\"application/ld+json\">" + ld + "</script></head><body></body></html>");
        assertThat(m.title()).isEqualTo("الحكومة تطلق \"مشروع الطرق\"");
        assertThat(m.text()).isEqualTo("الفقرة الأولى من الخبر، وفيها التفاصيل.\nالفقرة الثانية من الخبر، وفيها الكلفة.");
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

/** Hostile markup gives a bounded result with warnings, never an exception or a runaway. */
class HostileHtmlTest {
    private static final URI URL = URI.create("https://hostile.example/page");
    private final PageExtractor extractor = new PageExtractor(SourceConfig.of("hostile", URL, SourceType.HTML));

    private static final String PARAGRAPH = "<p>أعلنت الوزارة اليوم عن خطة جديدة لتحسين الخدمات في المحافظات، "
            + "وقالت إن العمل سيبدأ خلال الأسابيع المقبلة، مع متابعة دقيقة لنسب الإنجاز في كل مشروع.</p>";

    @Test
    void hundredThousandNestedDivs() {
        String html = "<html><body>" + "<div>".repeat(100_000) + PARAGRAPH + "</div>".repeat(100_000) + "</body></html>";
        Extraction e = extractor.extract(html, URL);
        assertThat(e.items()).isNotEmpty();
        assertThat(e.items().get(0).text()).contains("أعلنت الوزارة");
    }

    @Test
    void hundredThousandUnclosedInlineTags() {
        String html = "<html><body><article>" + PARAGRAPH + "<b><i><span>".repeat(35_000) + "نص" + "</article>";
        Extraction e = extractor.extractArticle(html, URL);
        assertThat(e.items()).isNotEmpty();
        assertThat(e.items().get(0).text()).contains("أعلنت الوزارة");
    }

    @Test
    void twentyMegabytePageIsCutAndSaysSo() {
        StringBuilder b = new StringBuilder("<html><body><article>");
        while (b.length() < 20_000_000) b.append(PARAGRAPH);
        b.append("</article></body></html>");
        Extraction e = extractor.extract(b.toString(), URL);
        assertThat(e.warnings()).anyMatch(w -> w.contains("only the first"));
        assertThat(e.items()).isNotEmpty();
        assertThat(e.items().get(0).text()).startsWith("أعلنت الوزارة");
    }

    @Test
    void scriptsIframesAndStylesNeverReachTheText() {
        String html = "<html><head><script>var s = '<p>من سكربت، ليس خبرا، لا يظهر أبدا في النص المستخرج</p>';</script>"
                + "<style>p{color:red}</style></head><body><article>" + PARAGRAPH
                + "<iframe src=\"https://ads.example/\"><p>إطار إعلاني، نص لا يظهر</p></iframe>"
                + "<script>document.write('<p>نص مولد</p>')</script><noscript>فعّل جافا سكربت</noscript>"
                + "<form><input value=\"x\"></form>" + PARAGRAPH + "</article></body></html>";
        RawItem main = extractor.extractArticle(html, URL).items().get(0);
        assertThat(main.text()).doesNotContain("سكربت", "إطار", "نص مولد", "جافا");
        assertThat(main.html()).doesNotContain("<script", "<iframe", "<style", "<form");
        assertThat(main.text().split("\n")).hasSize(2);
    }

    @Test
    void brokenMarkupAndWrongCharsetMeta() {
        String html = "<html><head><meta charset=\"windows-1256\"><title>خبر <b>مكسور</title></head><body><div class=content>"
                + "<p>أعلنت الوزارة اليوم عن خطة جديدة لتحسين الخدمات، <b>وقالت <i>إن العمل</b> سيبدأ قريبا، "
                + "مع متابعة دقيقة</i> لنسب الإنجاز.<p>فقرة ثانية بلا إغلاق، وفيها نص عربي كاف ليحسب فقرة من المتن"
                + "<table><tr><td>خلية</div></td></span></body><p>بعد النهاية";
        Extraction e = extractor.extractArticle(html, URL);
        assertThat(e.items()).hasSize(1);
        assertThat(e.items().get(0).text()).contains("أعلنت الوزارة", "فقرة ثانية");
    }

    @Test
    void emptyAndNonHtmlInputs() {
        for (String html : List.of("", "   ", "\u0000\u0001binary\uFFFD", "{\"json\": true}", "<<<<>>>>")) {
            Extraction e = extractor.extract(html, URL);
            assertThat(e).isNotNull();
            assertThat(e.items()).allSatisfy(i -> assertThat(i.url()).isNotBlank());
        }
        Extraction e = extractor.extractArticle("", URL);
        assertThat(e.warnings()).anyMatch(w -> w.contains("no article body found on " + URL));
    }

    @Test
    void hugeJsonLdAndManyMetaTags() {
        String deepJson = "[".repeat(5_000) + "]".repeat(5_000);
        String html = "<html><head><script type=\"application/ld+json\">" + deepJson + "</script>"
                + "<meta name=\"x\" content=\"y\">".repeat(50_000) + "</head><body><article>" + PARAGRAPH + "</article></body></html>";
        Extraction e = extractor.extractArticle(html, URL);
        assertThat(e.items().get(0).text()).contains("أعلنت الوزارة");
    }

    @Test
    void thousandsOfLinksDoNotMakeAListingOfEverything() {
        StringBuilder b = new StringBuilder("<html><body><div class=list>");
        for (int i = 0; i < 20_000; i++) {
            b.append("<div><a href=\"/n/").append(i).append("\">عنوان خبر طويل بما يكفي رقم ").append(i).append("</a></div>");
        }
        b.append("</div></body></html>");
        Extraction e = extractor.extract(b.toString(), URL);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).hasSizeLessThanOrEqualTo(300);
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedChromeTest {

    @Test
    void wordpressItemsLoseTheirFootersShareWidgetsAndTrackingPixels() throws Exception {
        Extraction x = FeedParser.parse("masalla", FeedFixtures.utf8("rss2-wordpress-footers-and-tracking-pixel.xml"),
                URI.create("https://masalla.example/feed/"));
        RawItem oil = x.items().get(0);
        assertThat(oil.text()).isEqualTo("بحث وزير النفط مع الشركات العاملة في الحقول الجنوبية خطط زيادة الإنتاج خلال العام "
                + "المقبل، وقال إن الوزارة تسعى إلى رفع الطاقة التصديرية عبر موانئ البصرة.\n"
                + "وأضاف أن الخطة ظهرت أولاً في اجتماع المجلس الوزاري للطاقة الشهر الماضي.");
        assertThat(oil.html()).doesNotContain("feedburner").doesNotContain("sharedaddy").doesNotContain("ظهرت المقالة")
                .contains("oil.jpg");
        assertThat(oil.image()).isEqualTo("https://masalla.example/wp-content/uploads/2026/11/oil.jpg");

        RawItem bridge = x.items().get(1);
        assertThat(bridge.text()).isEqualTo("افتتحت أمانة بغداد جسراً جديداً يربط جانبي الكرخ والرصافة …");
        assertThat(bridge.html()).doesNotContain("more-link").doesNotContain("appeared first");
        // the pixel was its only image
        assertThat(bridge.image()).isNull();
    }

    @Test
    void aCutExcerptEndsWithAnEllipsis() {
        assertThat(FeedChrome.strip("<p>بحث الوزير خطط زيادة الإنتاج [&#8230;]</p>"))
                .isEqualTo("<p>بحث الوزير خطط زيادة الإنتاج…</p>");
        assertThat(FeedChrome.strip("<p>بحث الوزير خطط زيادة الإنتاج [...]</p>"))
                .isEqualTo("<p>بحث الوزير خطط زيادة الإنتاج…</p>");
    }

    @Test
    void aReadMoreParagraphAtTheEndGoesAndOneInsideStays() {
        assertThat(FeedHtml.text(FeedChrome.strip("<p>نص الخبر.</p><p><a href=\"/x\">اقرأ المزيد »</a></p>")))
                .isEqualTo("نص الخبر.");
        String inside = "<p>نص الخبر.</p><p><a href=\"/x\">اقرأ المزيد</a></p><p>فقرة أخيرة من الخبر.</p>";
        assertThat(FeedChrome.strip(inside)).isEqualTo(inside);
    }

    @Test
    void contentThatOnlyReadsLikeChromeStays() {
        // a last paragraph about something that "appeared first": no link, not the generator's sentence
        String html = "<p>عرض الفيلم في بغداد.</p><p>وكان الفيلم قد ظهر أولاً في مهرجان القاهرة العام الماضي وحصد جائزتين.</p>";
        assertThat(FeedChrome.strip(html)).isEqualTo(html);
        String more = "<p>المزيد من الأمطار متوقع على <a href=\"/weather\">المناطق الوسطى والجنوبية</a> خلال الأيام المقبلة.</p>";
        assertThat(FeedChrome.strip(more)).isEqualTo(more);
        String image = "<p>صورة اليوم</p><p><img src=\"https://a.example/x.jpg\" width=\"2\" height=\"300\"></p>";
        assertThat(FeedChrome.strip(image)).isEqualTo(image);
    }

    @Test
    void aBodyNestedThousandsDeepIsWalkedWithoutRecursion() {
        // a hostile body: each level used to be a recursive walk of everything under it
        int depth = 20_000;
        String html = "<div>".repeat(depth) + "<p>نص الخبر.</p><p>The post خبر appeared first on Site.</p>" + "</div>".repeat(depth);
        String stripped = FeedChrome.strip(html);
        assertThat(stripped).doesNotContain("appeared first");
        assertThat(FeedHtml.text(stripped)).isEqualTo("نص الخبر.");
        assertThat(FeedChrome.leafBlocks(org.jsoup.Jsoup.parseBodyFragment(html).body())).hasSize(2);
    }

    @Test
    void plainTextLinesLoseATrailingFooter() {
        assertThat(FeedChrome.stripLines(List.of("نص الخبر [...]", "The post خبر appeared first on Masalla.")))
                .containsExactly("نص الخبر…");
        assertThat(FeedChrome.stripLines(List.of("نص الخبر.", "ظهر هذا الموضوع أولاً على موقع المسلة")))
                .containsExactly("نص الخبر.");
    }

    @Test
    void jsonFeedContentTextLosesItsFooter() throws Exception {
        String json = "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{\"id\":\"1\","
                + "\"url\":\"https://a.example/1\",\"title\":\"خبر\",\"content_text\":\"نص الخبر.\\nظهرت المقالة خبر أولاً على موقع أ.\"}]}";
        Extraction x = FeedParser.parse("a", json, URI.create("https://a.example/feed.json"));
        assertThat(x.items().get(0).text()).isEqualTo("نص الخبر.");
        assertThat(x.items().get(0).html()).isEqualTo("<p>نص الخبر.</p>");
    }
}

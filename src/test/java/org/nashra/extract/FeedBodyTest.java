package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An item body is parsed once for the steps that read it, and read from the HTML it keeps after a rewrite. */
class FeedBodyTest {
    private static final URI BASE = URI.create("https://masalla.example/feed/");

    @Test
    void aBodyNoStepChangesIsParsedOnceForEveryStep() {
        FeedBody body = FeedBody.of("<p><img src=\"https://masalla.example/a.jpg\"> افتتاح جسر جديد</p><p>ويربط الجسر ضفتي النهر.</p>", BASE);
        Document tree = body.doc();

        FeedBody read = FeedHtml.absolutize(FeedChrome.strip(body));

        assertThat(read).isSameAs(body);
        assertThat(read.doc()).isSameAs(tree);
        assertThat(FeedHtml.text(read)).isEqualTo("افتتاح جسر جديد\nويربط الجسر ضفتي النهر.");
        assertThat(FeedHtml.firstImage(read, BASE)).isEqualTo("https://masalla.example/a.jpg");
        // reading changed nothing in the tree the steps share
        assertThat(tree.body().html()).isEqualTo(FeedBody.of(body.html(), BASE).doc().body().html());
    }

    @Test
    void aStepThatRewritesHandsOnTheHtmlItWroteNotYetParsed() {
        FeedBody body = FeedBody.of("<p>نص الخبر <a href=\"/news/1\">التفاصيل</a></p>", BASE);

        FeedBody absolute = FeedHtml.absolutize(body);

        assertThat(absolute).isNotSameAs(body);
        assertThat(absolute.html()).isEqualTo("<p>نص الخبر <a href=\"https://masalla.example/news/1\">التفاصيل</a></p>");
        assertThat(absolute.doc()).isNotSameAs(body.doc());
    }

    @Test
    void aBodyWithoutABaseKeepsItsRelativeLinks() {
        FeedBody body = FeedBody.of("<p><a href=\"/news/1\">الخبر</a></p>", null);
        assertThat(FeedHtml.absolutize(body)).isSameAs(body);
        assertThat(FeedHtml.absolutize(FeedBody.of("<p><a href=\"/news/1\">الخبر</a></p>", URI.create("/relative/"))).html())
                .isEqualTo("<p><a href=\"/news/1\">الخبر</a></p>");
    }

    /**
     * The item's text is the text of the HTML it keeps. A rewritten body is written out by jsoup, which
     * tidies white space: the line break inside the first paragraph becomes a space, and table cells
     * come out on lines of their own. Reading the text from the rewritten tree instead (sharing it past
     * the rewrite) would give "line\nbreak" and "ab" here: what the stored HTML does not say.
     */
    @Test
    void afterARewriteTheTextIsThatOfTheHtmlKept() throws Exception {
        String rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>المسلة</title><link>https://masalla.example/</link>"
                + "<item><title>خبر</title><link>https://masalla.example/1</link><description><![CDATA["
                + "<p>بحث الوزير خطط الإنتاج.\nوقال إن الوزارة تسعى.</p><table><tr><td>أ</td><td>ب</td></tr></table>"
                + "<p>The post <a href=\"https://masalla.example/1\">خبر</a> appeared first on <a href=\"/\">المسلة</a>.</p>"
                + "]]></description></item>"
                + "<item><title>خبر آخر</title><link>https://masalla.example/2</link><description><![CDATA["
                + "<p>بحث الوزير خطط الإنتاج.\nوقال إن الوزارة تسعى.</p><table><tr><td>أ</td><td>ب</td></tr></table>"
                + "]]></description></item></channel></rss>";

        Extraction x = FeedParser.parse("masalla", rss, BASE);

        RawItem rewritten = x.items().get(0);
        assertThat(rewritten.html()).doesNotContain("appeared first");
        assertThat(rewritten.text()).isEqualTo(FeedHtml.text(rewritten.html()))
                .isEqualTo("بحث الوزير خطط الإنتاج. وقال إن الوزارة تسعى.\nأ\nب");
        // a body nothing rewrote keeps the outlet's markup, and its text is read from that
        RawItem kept = x.items().get(1);
        assertThat(kept.text()).isEqualTo(FeedHtml.text(kept.html()))
                .isEqualTo("بحث الوزير خطط الإنتاج.\nوقال إن الوزارة تسعى.\nأب");
    }
}

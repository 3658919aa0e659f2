package org.nashra.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlSanitizerTest {
    private static final String BASE = "https://alamsar.test/news/2026/11/article.html";

    @Test
    void keepsTextStructureDirectionAndLanguage() {
        String html = "<h2 dir=\"rtl\" lang=\"ar\">عنوان</h2><p dir=\"ltr\" lang=\"en\">English <em>text</em></p>"
                + "<blockquote><p>اقتباس</p></blockquote><ul><li>أ</li><li>ب</li></ul>"
                + "<table><tr><td>خلية</td></tr></table><figure><img src=\"https://x.test/a.jpg\" alt=\"ص\">"
                + "<figcaption>تعليق</figcaption></figure>";
        Document out = Jsoup.parseBodyFragment(HtmlSanitizer.sanitize(html, BASE));
        assertThat(out.select("h2[dir=rtl][lang=ar]").text()).isEqualTo("عنوان");
        assertThat(out.select("p[dir=ltr][lang=en] em").text()).isEqualTo("text");
        assertThat(out.select("blockquote p").text()).isEqualTo("اقتباس");
        assertThat(out.select("ul li")).hasSize(2);
        assertThat(out.select("td").text()).isEqualTo("خلية");
        assertThat(out.select("figure img").attr("src")).isEqualTo("https://x.test/a.jpg");
        assertThat(out.select("figcaption").text()).isEqualTo("تعليق");
    }

    @ParameterizedTest
    @CsvSource({
            "/iraq/1, https://alamsar.test/iraq/1",
            "other.html, https://alamsar.test/news/2026/11/other.html",
            "../10/old.html?x=1, https://alamsar.test/news/2026/10/old.html?x=1",
            "//cdn.alamsar.test/p.html, https://cdn.alamsar.test/p.html",
            "http://elsewhere.test/, http://elsewhere.test/"})
    void resolvesRelativeLinksAgainstTheItemUrl(String href, String expected) {
        String out = HtmlSanitizer.sanitize("<a href=\"" + href + "\">رابط</a>", BASE);
        assertThat(Jsoup.parseBodyFragment(out).select("a").attr("href")).isEqualTo(expected);
    }

    @Test
    void linksGetNoopenerNoreferrer() {
        String out = HtmlSanitizer.sanitize("<a href=\"https://x.test/\" rel=\"opener\" target=\"_blank\">x</a>", BASE);
        assertThat(Jsoup.parseBodyFragment(out).select("a").attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(out).doesNotContain("target");
    }

    @Test
    void relativeUrlsWithoutUsableBaseAreDroppedNotLeftRelative() {
        String out = HtmlSanitizer.sanitize("<a href=\"/x\">x</a><img src=\"y.png\">", null);
        assertThat(Jsoup.parseBodyFragment(out).select("a").hasAttr("href")).isFalse();
        assertThat(out).doesNotContain("<img");
        assertThat(HtmlSanitizer.sanitize("<a href=\"/x\">x</a>", "javascript:alert(1)")).doesNotContain("href");
    }

    @Test
    void dataImagesAreDropped() {
        assertThat(HtmlSanitizer.sanitize("<p>a</p><img src=\"data:image/png;base64,iVBORw0KGgo=\">", BASE))
                .isEqualTo("<p>a</p>");
    }

    @Test
    void dropsActiveContentButKeepsItsNeighbours() {
        String out = HtmlSanitizer.sanitize("<p onclick=\"x()\" style=\"color:red\" class=\"c\">نص</p>"
                + "<script>alert(1)</script><iframe src=\"https://x.test\"></iframe><form><input></form>", BASE);
        assertThat(out).isEqualTo("<p>نص</p>");
    }

    @Test
    void outputIsXmlSafe() {
        assertThat(HtmlSanitizer.sanitize("<p>a\u0000b\u0007c&nbsp;d</p><br>", BASE)).isEqualTo("<p>abc&#xa0;d</p><br>");
    }

    @Test
    void feedLevelUrlsMustBeAbsoluteHttp() {
        assertThat(HtmlSanitizer.httpUrlOrNull("https://alamsar.test/أخبار/1")).isEqualTo(
                "https://alamsar.test/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1");
        assertThat(HtmlSanitizer.httpUrlOrNull(" http://x.test/a?b=1&c=2 ")).isEqualTo("http://x.test/a?b=1&c=2");
        assertThat(HtmlSanitizer.httpUrlOrNull("/relative")).isNull();
        assertThat(HtmlSanitizer.httpUrlOrNull("javascript:alert(1)")).isNull();
        assertThat(HtmlSanitizer.httpUrlOrNull("data:image/png;base64,AAAA")).isNull();
        assertThat(HtmlSanitizer.httpUrlOrNull("ftp://x.test/f")).isNull();
        assertThat(HtmlSanitizer.httpUrlOrNull(null)).isNull();
    }

    @Test
    void nullAndEmptyAreEmpty() {
        assertThat(HtmlSanitizer.sanitize(null, BASE)).isEmpty();
        assertThat(HtmlSanitizer.sanitize("", null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "عنوان <b>عريض</b>|عنوان عريض",
            "&lt;script&gt;alert(1)&lt;/script&gt;نص|نص",
            "أ < ب|أ < ب",
            "AT&amp;T|AT&T",
            "قال <<نص>> و«آخر»|قال <<نص>> و«آخر»",
            "  مسافات   زائدة |مسافات زائدة"})
    void plainTextRemovesMarkupEvenWhenEscaped(String in, String expected) {
        assertThat(HtmlSanitizer.toPlainText(in)).isEqualTo(expected);
    }
}

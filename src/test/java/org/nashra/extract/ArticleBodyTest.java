package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

/**
 * Which parts of an article page make its body, for sources with no CSS rules (ContentFinder). Pages
 * under {@code extract/article-body/}.
 */
class ArticleBodyTest {
    private static final URI SITE = URI.create("https://ninawa-net.example/");
    private static final URI ARTICLE = URI.create("https://ninawa-net.example/ar/news/3312");

    private static String page(String name) {
        try {
            return Files.readString(Path.of(ArticleBodyTest.class.getResource("/extract/article-body/" + name).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Extraction extract(String name) {
        return new PageExtractor(SourceConfig.of("ninawa", SITE, SourceType.HTML)).extract(page(name), ARTICLE);
    }

    /**
     * Regression: a page builder (Drupal Paragraphs) puts each run of text in a block of its own between
     * figure, ad and "read also" blocks. Only the longest block was kept: the lead before the figure and
     * the two closing lines after the ad were lost. What the text flows around, and the "أخبار أخرى"
     * block, comments and footer after it, stay out of the body.
     */
    @Test
    void theBlocksOfOneArticleSplitByAFigureAnAdAndAReadAlsoBoxMakeItsBody() {
        Extraction e = extract("article-in-paragraph-blocks-split-by-figure-ad-and-read-also.html");
        assertThat(e.listing()).isFalse();
        RawItem main = e.items().get(0);
        assertThat(main.role()).isEqualTo(Role.MAIN);
        assertThat(main.title()).isEqualTo("بدء المرحلة الثانية من إعادة إعمار أسواق الموصل القديمة");
        // each paragraph by its first three words
        assertThat(main.text().split("\n")).extracting(line -> String.join(" ", Arrays.copyOf(line.split(" "), 3)))
                .containsExactly(
                        "أعلنت محافظة نينوى،",     // the lead, before the figure
                        "وقال مدير قسم",
                        "وأضاف أن الشركات",
                        "من جهتهم، عبّر",
                        "وأوضح أحد التجار،",
                        "ومن المقرر أن",           // the closing lines, after the ad and the "read also" box
                        "وتعمل منظمات دولية");
        assertThat(main.html()).contains("منتصف العام المقبل").doesNotContain("إعلان")
                .doesNotContain("جانب من أعمال الترميم").doesNotContain("افتتاح جسر الحرية")
                .doesNotContain("أخبار أخرى").doesNotContain("نتمنى أن يشمل الإعمار");
        // the "read also" link is a bare link to the site's own article: navigation, not other news
        assertThat(e.items()).filteredOn(i -> i.role() == Role.OTHER).extracting(RawItem::title)
                .doesNotContain("افتتاح جسر الحرية في الموصل بعد إعادة تأهيله بالكامل")
                .contains("شرطة نينوى تضبط شبكة لتهريب الآثار في قضاء الحضر",
                        "جامعة الموصل تستقبل أول دفعة من طلبة الدراسات العليا الأجانب",
                        "انطلاق مهرجان الربيع في الموصل بمشاركة فرق من المحافظات كافة");
    }
}

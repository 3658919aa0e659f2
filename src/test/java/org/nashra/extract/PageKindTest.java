package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

/**
 * Index pages (home pages, section fronts) against articles, for sources with no CSS rules. QA found a
 * small home page published as a story: its title the site's name, its text the teasers. Pages under
 * {@code extract/page-kind/}.
 */
class PageKindTest {
    private static final URI HOME = URI.create("https://alrafid.example/");
    private static final URI ARTICLE = URI.create("https://alrafid.example/news/2050");

    private static String page(String name) {
        try {
            return Files.readString(Path.of(PageKindTest.class.getResource("/extract/page-kind/" + name).toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PageExtractor extractor() {
        return new PageExtractor(SourceConfig.of("alrafid", HOME, SourceType.HTML));
    }

    @ParameterizedTest(name = "{0}: listing {1}")
    @CsvSource({
            "home-page-four-teasers.html, true",
            "home-page-two-cards.html, true",
            "home-page-card-links-and-about.html, true",
            "home-page-section-links-only.html, true",
            "home-page-marked-og-article.html, true",
            "short-article-three-paragraphs.html, false",
            "article-with-big-related-block.html, false",
            "article-with-read-also-after-each-section.html, false",
            "article-led-by-a-read-also-link.html, false",
            "article-in-one-block-led-by-a-link.html, false",
            "article-marked-og-article-with-related-links-and-no-heading.html, false",
            "article-shell-with-its-text-in-json-ld.html, false",
    })
    void eachPageIsTakenForWhatItIs(String name, boolean listing) {
        Extraction e = extractor().extract(page(name), name.startsWith("home-page") ? HOME : ARTICLE);
        assertThat(e.listing()).isEqualTo(listing);
        if (listing) {
            assertThat(e.items()).allSatisfy(i -> assertThat(i.text()).isEmpty());
        } else {
            RawItem main = e.items().get(0);
            assertThat(main.role()).isEqualTo(Role.MAIN);
            assertThat(main.text().length()).isGreaterThan(PageShape.MIN_ARTICLE_TEXT);
        }
    }

    @Test
    void aSmallHomePageListsItsTeasersInsteadOfBecomingAStory() {
        Extraction e = extractor().extract(page("home-page-four-teasers.html"), HOME);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).extracting(RawItem::url).containsExactly("https://alrafid.example/news/2041",
                "https://alrafid.example/news/2040", "https://alrafid.example/news/2039",
                "https://alrafid.example/news/2038");
        assertThat(e.items().get(0).title()).isEqualTo("محافظ ذي قار يفتتح مستشفى الأطفال الجديد في الناصرية");
        assertThat(e.items().get(0).image()).isEqualTo("https://alrafid.example/uploads/2041.jpg");
        assertThat(e.items()).extracting(RawItem::title).doesNotContain("الرافد نيوز");
        assertThat(e.warnings()).isEmpty();
    }

    /** Two cards: the better-scored card, not the column that holds both, is the content candidate. */
    @Test
    void aHomePageOfTwoCardsIsStillAListing() {
        URI home = URI.create("https://sada-wasit.example/");
        Extraction e = new PageExtractor(SourceConfig.of("sada", home, SourceType.HTML))
                .extract(page("home-page-two-cards.html"), home);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).extracting(RawItem::url).containsExactly(
                "https://sada-wasit.example/2026/12/06/kut-dam-maintenance.html",
                "https://sada-wasit.example/2026/12/05/wasit-wheat-seeds.html");
    }

    /**
     * Regression: og:type=article was a verdict, and some CMSs mark every page so. This home page was
     * published as a story titled with the site's name, its text the lead teaser.
     */
    @Test
    void aHomePageMarkedOgArticleIsStillAListingOfItsTeasers() {
        URI home = URI.create("https://alfurat-today.example/");
        Extraction e = new PageExtractor(SourceConfig.of("alfurat", home, SourceType.HTML))
                .extract(page("home-page-marked-og-article.html"), home);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).hasSize(11).allSatisfy(i -> assertThat(i.text()).isEmpty());
        assertThat(e.items()).extracting(RawItem::url).contains("https://alfurat-today.example/news/5118",
                "https://alfurat-today.example/news/5112", "https://alfurat-today.example/news/5099");
        assertThat(e.items()).extracting(RawItem::title).doesNotContain("الفرات اليوم");
    }

    @Test
    void aHomePageMarkedOgArticleReachedAsAnArticleYieldsNoItem() {
        URI home = URI.create("https://alfurat-today.example/");
        Extraction e = new PageExtractor(SourceConfig.of("alfurat", home, SourceType.HTML))
                .extractArticle(page("home-page-marked-og-article.html"), home);
        assertThat(e.items()).isEmpty();
        assertThat(e.warnings()).singleElement().asString()
                .startsWith("page https://alfurat-today.example/ looks like an index")
                .contains("10 teasers")
                .contains("not read as an article");
    }

    /**
     * og:type=article is weighed against the page's shape: it outweighs a count of headline links (eight
     * related links beside a short body under a title that is no heading make an index without it, an
     * article with it) but not a main column of teasers.
     */
    @Test
    void ogTypeArticleOutweighsACountOfHeadlineLinksButNotAColumnOfTeasers() {
        URI home = URI.create("https://alfurat-today.example/");
        assertThat(new PageExtractor(SourceConfig.of("alfurat", home, SourceType.HTML))
                .extract(page("home-page-marked-og-article.html"), home).listing()).isTrue();

        String article = page("article-marked-og-article-with-related-links-and-no-heading.html");
        for (Extraction e : List.of(extractor().extract(article, ARTICLE), extractor().extractArticle(article, ARTICLE))) {
            assertThat(e.listing()).isFalse();
            RawItem main = e.items().get(0);
            assertThat(main.role()).isEqualTo(Role.MAIN);
            assertThat(main.title()).isEqualTo("تربية ذي قار تعلن موعد توزيع الكتب المنهجية للعام الدراسي الجديد");
            assertThat(main.text().split("\n")).hasSize(3);
            assertThat(main.text()).doesNotContain("مستشفى الأطفال");
        }
        String undeclared = article.replace("<meta property=\"og:type\" content=\"article\">\n", "");
        assertThat(undeclared).isNotEqualTo(article);
        assertThat(extractor().extract(undeclared, ARTICLE).listing()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-IQ-u-nu-arab", "tr-TR", "en-US"})
    void anIndexWithNothingToFollowSaysSoWithItsFigures(String locale) {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(locale));
            Extraction e = extractor().extract(page("home-page-section-links-only.html"), HOME);
            assertThat(e.listing()).isTrue();
            assertThat(e.items()).isEmpty();
            assertThat(e.warnings()).singleElement().asString()
                    .startsWith("page https://alrafid.example/ looks like an index: 15 links, 71% of its text in links")
                    .contains("no article found")
                    .contains("source alrafid");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aShortArticleIsStillExtracted() {
        Extraction e = extractor().extract(page("short-article-three-paragraphs.html"), ARTICLE);
        assertThat(e.listing()).isFalse();
        RawItem main = e.items().get(0);
        assertThat(main.title()).isEqualTo("بلدية الكوت تباشر تأهيل شارع المحافظة");
        assertThat(main.text().split("\n")).hasSize(3);
        assertThat(main.text()).startsWith("باشرت مديرية بلدية الكوت").endsWith("في ساعات العمل.");
        assertThat(e.warnings()).isEmpty();
    }

    /** Ten same-site headline links beside a short body once made this page a listing of them. */
    @Test
    void anArticleWithABigRelatedLinksBlockIsStillAnArticle() {
        Extraction e = extractor().extract(page("article-with-big-related-block.html"), ARTICLE);
        assertThat(e.listing()).isFalse();
        RawItem main = e.items().get(0);
        assertThat(main.role()).isEqualTo(Role.MAIN);
        assertThat(main.title()).isEqualTo("وزارة النقل تعلن موعد تشغيل قطار بغداد البصرة الجديد");
        assertThat(main.text().split("\n")).hasSize(3);
        assertThat(main.text()).doesNotContain("مستشفى الأطفال");
    }

    /** A "read also" link that ends a section of the text is not a teaser leading that section. */
    @Test
    void readAlsoLinksBetweenTheSectionsOfAnArticleDoNotMakeItAnIndex() {
        Extraction e = extractor().extract(page("article-with-read-also-after-each-section.html"), ARTICLE);
        assertThat(e.listing()).isFalse();
        assertThat(e.items().get(0).text()).contains("أقر مجلس محافظة البصرة").contains("وقال رئيس المجلس");
    }

    /** A listing may link to a section front or to the home page itself; those are not stories either. */
    @Test
    void anIndexReachedAsAnArticleYieldsNoItemAndAWarning() {
        Extraction e = extractor().extractArticle(page("home-page-four-teasers.html"), HOME);
        assertThat(e.items()).isEmpty();
        assertThat(e.warnings()).singleElement().asString()
                .startsWith("page https://alrafid.example/ looks like an index: 14 links")
                .contains("4 teasers")
                .contains("not read as an article");
    }

    @Test
    void articlesReachedAsArticlesAreExtracted() {
        for (String name : new String[] {"short-article-three-paragraphs.html", "article-with-big-related-block.html",
                "article-led-by-a-read-also-link.html"}) {
            Extraction e = extractor().extractArticle(page(name), ARTICLE);
            assertThat(e.items()).as(name).isNotEmpty();
            assertThat(e.items().get(0).text()).as(name).isNotBlank();
        }
    }

    /** QA run: counts in the index warning read "1 links", "1 headline links". */
    @Test
    void aCountOfOneIsSaidInTheSingular() {
        assertThat(new PageShape(1, 1.0, 0, 0, 0, 1, 1.0, false, false, false).why())
                .isEqualTo("1 link, 100% of its text in links, 1 character of running text, no headline");
        assertThat(new PageShape(9, 0.2, 1, 0, 0, 100, 0.1, true, false, false).why())
                .isEqualTo("9 links, 20% of its text in links, 1 headline link and 100 characters of running text");
    }
}

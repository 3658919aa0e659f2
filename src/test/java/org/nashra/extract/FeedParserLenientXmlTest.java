package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * QA: one common XML flaw (an HTML entity, a control character, an unclosed tag, a bare '&') rejected a
 * whole feed. A malformed body now gets a second, lenient reading; the repair is the first warning, the
 * security refusals hold on that path too, and a body past repair still fails with its reason.
 */
class FeedParserLenientXmlTest {
    private static final URI FETCHED_FROM = URI.create("https://dijla.example/rss");
    private static final String LENIENT = "malformed XML read leniently: ";

    private static Extraction parse(String fixture) throws ExtractionException {
        return FeedParser.parse("dijla", FeedFixtures.utf8(fixture), FETCHED_FROM);
    }

    private static ExtractionException refused(String fixture) {
        return catchThrowableOfType(ExtractionException.class, () -> parse(fixture));
    }

    @Test
    void undeclaredHtmlEntitiesBecomeTheirCharacters() throws Exception {
        Extraction x = parse("rss2-undeclared-html-entities.xml");

        assertThat(x.title()).isEqualTo("شبكة دجلة الإخبارية");
        assertThat(x.items()).extracting(RawItem::title, RawItem::url).containsExactly(
                tuple("وزير الخارجية يصل إلى عمّان — زيارة رسمية", "https://dijla.example/news/101"),
                tuple("«الموازنة» أمام البرلمان", "https://dijla.example/news/102"));
        assertThat(x.items().get(0).text()).isEqualTo("بدأ وزير الخارجية زيارة رسمية إلى الأردن… تستمر يومين.");
        // &nbsp; is U+00A0 in the body, a plain space in the text and titles (FeedHtml.collapse)
        assertThat(x.items().get(1).html()).isEqualTo("يناقش البرلمان مشروع قانون الموازنة\u00A0الاتحادية.");
        assertThat(x.items().get(1).text()).isEqualTo("يناقش البرلمان مشروع قانون الموازنة الاتحادية.");
        assertThat(x.items().get(1).published()).isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
        assertThat(x.warnings()).containsExactly(LENIENT
                + "repaired 7 undeclared HTML entities (&nbsp;, &mdash;, &hellip;, &laquo;, &raquo;)"
                + " (source dijla, https://dijla.example/rss)");
    }

    @Test
    void charactersXmlDoesNotAllowAreDropped() throws Exception {
        Extraction x = parse("rss2-control-characters.xml");

        assertThat(x.items()).extracting(RawItem::title, RawItem::text).containsExactly(
                tuple("افتتاح مستشفى جديد في البصرة", "افتتحت وزارة الصحة مستشفى جديداً في البصرة."),
                tuple("ارتفاع منسوب نهر دجلة", "ارتفع منسوب النهر بعد الأمطار الغزيرة."));
        assertThat(x.warnings()).singleElement().asString()
                .startsWith(LENIENT + "repaired 2 characters not allowed in XML (U+0001, U+000B)")
                .contains("source dijla");
    }

    @Test
    void unclosedAndMismatchedTagsInADescriptionAreClosedWhereTheirParentEnds() throws Exception {
        Extraction x = parse("rss2-unclosed-tags-in-description.xml");

        assertThat(x.items()).extracting(RawItem::title, RawItem::url).containsExactly(
                tuple("انطلاق معرض بغداد الدولي للكتاب", "https://dijla.example/news/301"),
                tuple("فوز المنتخب العراقي على نظيره", "https://dijla.example/news/302"));
        RawItem fair = x.items().get(0);
        assertThat(fair.text()).isEqualTo("انطلق معرض بغداد الدولي للكتاب\nبمشاركة عشرين دولة.\nويستمر عشرة أيام");
        // <br> closes itself rather than swallow the text after it; the stray </i> is dropped
        assertThat(fair.html()).isEqualTo("<p>انطلق معرض بغداد الدولي للكتاب<br />بمشاركة <b>عشرين دولة.</b></p><p>ويستمر عشرة أيام</p>");
        assertThat(fair.published()).isEqualTo(Instant.parse("2026-11-29T06:00:00Z"));
        assertThat(x.warnings()).singleElement().asString()
                .startsWith(LENIENT + "rebuilt the element tree around malformed markup (first at line 11, column ")
                .contains("\"b\"").contains("source dijla, https://dijla.example/rss");
    }

    @Test
    void bareAmpersandsAreEscapedInTitlesTextAndLinks() throws Exception {
        Extraction x = parse("rss2-bare-ampersands.xml");

        assertThat(x.items()).extracting(RawItem::title, RawItem::url).containsExactly(
                tuple("الاقتصاد & المال: البورصة ترتفع", "https://dijla.example/news?id=401&cat=economy"),
                tuple("أسعار صرف الدولار اليوم", "https://dijla.example/news?id=402&cat=economy"));
        assertThat(x.items().get(0).text()).isEqualTo("ارتفع مؤشر البورصة & تحسنت أسعار الأسهم.");
        assertThat(x.warnings()).singleElement().asString().startsWith(LENIENT + "repaired 3 unescaped '&'s (source dijla");
    }

    @Test
    void everyFlawAtOnceIsNamedInOneWarningAndCdataIsLeftAsWritten() throws Exception {
        Extraction x = parse("rss2-every-flaw-and-cdata.xml");

        assertThat(x.items()).extracting(RawItem::title, RawItem::url).containsExactly(
                tuple("زيارة رسمية & مباحثات", "https://dijla.example/news?id=501&s=1"),
                tuple("مؤتمر صحفي", "https://dijla.example/news/502"));
        // inside CDATA '&' and &nbsp; are the HTML's own: not escaped, not turned into references
        assertThat(x.items().get(0).html()).isEqualTo("<p>نص&nbsp;الخبر a & b</p>");
        assertThat(x.items().get(0).text()).isEqualTo("نص الخبر a & b");
        assertThat(x.items().get(1).text()).isEqualTo("نص\nالخبر");
        assertThat(x.warnings()).singleElement().asString().startsWith(LENIENT
                + "repaired 2 undeclared HTML entities (&nbsp;), 1 unescaped '&' and 1 character not allowed in XML (U+0001);"
                + " rebuilt the element tree around malformed markup (first at line 17: ");
    }

    @Test
    void aWellFormedFeedIsReadStrictlyWithoutAWarning() throws Exception {
        assertThat(parse("rss2-content-encoded-media-thumbnail.xml").warnings())
                .noneSatisfy(w -> assertThat(w).contains("leniently"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar-SA-u-nu-arab", "tr-TR", "en-US"})
    void theWarningDoesNotDependOnTheDefaultLocale(String tag) throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            assertThat(parse("rss2-control-characters.xml").warnings()).singleElement().asString()
                    .contains("repaired 2 characters not allowed in XML (U+0001, U+000B)");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void aBombBehindAControlCharacterIsStillRefused() {
        // The control character fails the strict parse before the DOCTYPE is met: the lenient path sees the DOCTYPE.
        ExtractionException e = refused("xml-billion-laughs-behind-control-character.xml");

        assertThat(e).isNotNull();
        // refused by the hardened parser reading the repaired text, at the DOCTYPE's line, before any tree rebuild
        assertThat(e.getMessage()).startsWith(FeedXmlInput.DOCTYPE_REFUSED + " (at line 3)").contains("source dijla")
                .doesNotContain("lollol");
    }

    @Test
    void aBombBehindStrayTextIsRefusedByTheTreeRebuildToo() {
        // Stray text in the prolog is no character flaw: only the tree rebuild could read past it, and it refuses.
        ExtractionException e = refused("xml-billion-laughs-behind-stray-text.xml");

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(FeedXmlInput.DOCTYPE_REFUSED).doesNotContain("lollol");
    }

    @Test
    void anExternalEntityBehindAControlCharacterIsStillRefusedAndTheFileNeverRead() {
        ExtractionException e = refused("xml-external-entity-behind-control-character.xml");

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith(FeedXmlInput.DOCTYPE_REFUSED + " (at line 3)").doesNotContain("root:");
    }

    @Test
    void aTruncatedBodyIsNotRepairedAndKeepsTheStrictReason() {
        ExtractionException e = refused("rss2-truncated-after-html-entity.xml");

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).isEqualTo("malformed XML at line 4, column 27: The entity \"nbsp\" was referenced, but not declared."
                + " (not repairable: the body ends before its root element <rss> is closed)"
                + " (source dijla, https://dijla.example/rss)");
    }

    @Test
    void twoRootElementsAreNotRepaired() {
        String body = "<rss version=\"2.0\"><channel><title>أ</title></channel></rss>\n<rss version=\"2.0\"><channel><title>ب</title></channel></rss>";
        ExtractionException e = catchThrowableOfType(ExtractionException.class, () -> FeedParser.parse("dijla", body, FETCHED_FROM));

        assertThat(e.getMessage()).startsWith("malformed XML at line 2, column ")
                .contains("(not repairable: more than one top-level element (<rss> and <rss>))");
    }

    @Test
    void anUnboundNamespacePrefixIsNotRepairedAndSaysSo() {
        String body = "<rss version=\"2.0\"><channel><title>t</title><item><title>خبر</title><link>https://dijla.example/1</link>"
                + "<media:thumbnail url=\"https://dijla.example/1.jpg\"/></item></channel></rss>";
        ExtractionException e = catchThrowableOfType(ExtractionException.class, () -> FeedParser.parse("dijla", body, FETCHED_FROM));

        assertThat(e.getMessage()).startsWith("malformed XML at line 1, column ").contains("\"media\"")
                .contains("(not repairable: the rebuilt element tree is still malformed: ");
    }

    /** Pins what jsoup's rebuild does with an end tag that closes nothing: it is dropped, its element runs on. */
    @Test
    void aMisspelledEndTagInAFeedElementCostsTheItemWhatFollowsIt() throws Exception {
        String body = "<rss version=\"2.0\"><channel><title>t</title>"
                + "<item><guid>g-1</guid><title>خبر</titel><link>https://dijla.example/1</link></item>"
                + "<item><title>خبر ثان</title><link>https://dijla.example/2</link></item></channel></rss>";
        Extraction x = FeedParser.parse("dijla", body, FETCHED_FROM);

        // <link> ended up inside <title>: the first item keeps its title, loses its link (its guid, taken for a
        // permalink, stands in); the next item is intact
        assertThat(x.items()).extracting(RawItem::title, RawItem::url).containsExactly(
                tuple("خبر", "https://dijla.example/g-1"),
                tuple("خبر ثان", "https://dijla.example/2"));
        assertThat(x.warnings().get(0)).startsWith(LENIENT + "rebuilt the element tree");
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** DESIGN.md "bad input": every body that is not a readable feed is an ExtractionException that says why. */
class FeedParserBadInputTest {
    private static final URI FETCHED_FROM = URI.create("https://bad.example/feed");

    private static ExtractionException refused(String body) {
        return catchThrowableOfType(ExtractionException.class, () -> FeedParser.parse("bad-source", body, FETCHED_FROM));
    }

    private static ExtractionException refusedFixture(String fixture) {
        return refused(FeedFixtures.utf8(fixture));
    }

    @Test
    void messagesNameTheSourceAndUrl() {
        assertThat(refused("").getMessage()).contains("bad-source").contains("https://bad.example/feed");
    }

    @Test
    void billionLaughsIsRefusedBeforeAnyExpansion() {
        ExtractionException e = refusedFixture("xml-billion-laughs.xml");

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("DOCTYPE").contains("refused").doesNotContain("lollol");
    }

    @Test
    void externalEntityIsRefusedAndTheFileNeverRead() {
        ExtractionException e = refusedFixture("xml-external-entity-passwd.xml");

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void xincludeIsNeverProcessed() throws Exception {
        Extraction x = FeedParser.parse("bad-source", FeedFixtures.utf8("xml-xinclude-passwd.xml"), FETCHED_FROM);

        assertThat(x.items()).singleElement().satisfies(item -> {
            assertThat(item.html()).doesNotContain("root:");
            assertThat(item.text()).doesNotContain("root:");
        });
    }

    @Test
    void anyDoctypeIsRefusedEvenTheNetscapeRss091One() {
        ExtractionException e = refusedFixture("rss091-netscape-doctype.xml");

        assertThat(e.getMessage()).startsWith("DOCTYPE declarations are refused").contains("line 2");
    }

    @Test
    void htmlPageIsNotAFeed() {
        assertThat(refusedFixture("html-page.html").getMessage())
                .startsWith("not a feed: the body is an HTML page (<!DOCTYPE html> at line 1)");
        assertThat(refused("\n\n<html><body><p>مرحبا</p></body></html>").getMessage())
                .startsWith("not a feed: the body is an HTML page (<html> at line 3)");
    }

    @Test
    void xhtmlDocumentIsNotAFeed() {
        String xhtml = "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>";
        assertThat(refused(xhtml).getMessage()).startsWith("not a feed: the body is an HTML page (<html> at line 2)");
    }

    @Test
    void emptyAndBlankBodiesAreNotFeeds() {
        assertThat(refused("").getMessage()).startsWith("not a feed: the body is empty");
        assertThat(refused(" \n\t ").getMessage()).startsWith("not a feed: the body is empty");
        assertThat(catchThrowableOfType(ExtractionException.class, () -> FeedParser.parse("s", null, null)).getMessage())
                .startsWith("not a feed: the body is empty");
    }

    @Test
    void truncatedXmlNamesLineAndColumn() {
        assertThat(refusedFixture("rss2-truncated.xml").getMessage())
                .matches("(?s)malformed XML at line \\d+, column \\d+: .+");
    }

    @Test
    void mismatchedTagsNameLineAndColumn() {
        // A whole body with a mismatched tag is read leniently (FeedParserLenientXmlTest); cut short, it is
        // past repair, and the reason points at the first error as the outlet wrote it.
        String rss = "<rss version=\"2.0\"><channel>\n<title>x</title>\n<item><title>y</titel></item></channel>";
        assertThat(refused(rss).getMessage()).startsWith("malformed XML at line 3, column ")
                .contains("not repairable: the body ends before its root element <rss> is closed");
    }

    @Test
    void xmlThatIsNotAFeedSaysWhatItsRootIs() {
        assertThat(refused("<?xml version=\"1.0\"?><sitemap><url/></sitemap>").getMessage())
                .startsWith("not a feed: the XML root element is <sitemap>");
    }

    @Test
    void plainTextIsNeitherXmlNorJson() {
        assertThat(refused("Service Unavailable").getMessage())
                .startsWith("not a feed: the body is neither XML nor JSON (it starts with \"Service Unavailable\"");
    }

    @Test
    void jsonThatIsNotAFeed() {
        assertThat(refusedFixture("json-not-a-feed.json").getMessage())
                .startsWith("not a feed: the body is JSON but not a JSON Feed");
        assertThat(refused("[1, 2]").getMessage()).startsWith("not a feed: the body is JSON but its top level is an array");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\",\n \"items\": [ {\"id\": } ]}";
        assertThat(refused(json).getMessage()).startsWith("malformed JSON at line 2, column ");
    }

    @Test
    void undeclaredHtmlEntitiesAreHealedNotFatal() throws Exception {
        String rss = "<rss version=\"2.0\"><channel><title>a&nbsp;b</title><description>d</description>"
                + "<item><title>خبر&nbsp;عاجل</title><link>https://x.example/1</link></item></channel></rss>";
        Extraction x = FeedParser.parse("s", rss, null);
        assertThat(x.items()).singleElement().extracting(RawItem::title).isEqualTo("خبر عاجل");
    }

    @Test
    void deeplyNestedXmlIsRefusedNotAStackOverflow() {
        String open = "<b>".repeat(50_000);
        String close = "</b>".repeat(50_000);
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>x</id>"
                + "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">" + open + "x" + close
                + "</div></content></entry></feed>";
        assertThat(refused(atom).getMessage()).startsWith("XML refused: elements nested deeper than");
    }

    @Test
    void deeplyNestedJsonIsRefused() {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [], \"x\": "
                + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(refused(json).getMessage()).startsWith("JSON refused: ");
    }
}

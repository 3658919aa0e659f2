package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Small feeds written inline, each pinning one rule of the mapping. */
class FeedParserEdgeCasesTest {
    private static final String RSS_HEAD = "<rss version=\"2.0\"><channel><title>t</title><link>https://s.example/</link>"
            + "<description>d</description>";
    private static final String RSS_TAIL = "</channel></rss>";

    private static RawItem onlyItem(String body, URI base) throws ExtractionException {
        Extraction x = FeedParser.parse("edge", body, base);
        assertThat(x.items()).hasSize(1);
        return x.items().get(0);
    }

    @Test
    void aBodyEscapedTwiceIsReadAsTheMarkupItWas() throws Exception {
        RawItem item = onlyItem(RSS_HEAD + "<item><title>خبر</title><link>https://s.example/1</link><description>"
                + "&amp;lt;p&amp;gt;نص الخبر &amp;amp;amp; التفاصيل&amp;lt;/p&amp;gt;&amp;lt;p&amp;gt;فقرة ثانية&amp;lt;/p&amp;gt;"
                + "</description></item>" + RSS_TAIL, URI.create("https://s.example/rss"));
        assertThat(item.text()).isEqualTo("نص الخبر & التفاصيل\nفقرة ثانية");
        assertThat(item.html()).isEqualTo("<p>نص الخبر &amp; التفاصيل</p>\n<p>فقرة ثانية</p>");

        // markup with an escaped tag inside it is text about a tag, and stays as it is
        RawItem code = onlyItem(RSS_HEAD + "<item><title>خبر</title><link>https://s.example/2</link><description>"
                + "&lt;p&gt;استخدم الوسم &amp;lt;p&amp;gt; للفقرات&lt;/p&gt;</description></item>" + RSS_TAIL,
                URI.create("https://s.example/rss"));
        assertThat(code.text()).isEqualTo("استخدم الوسم <p> للفقرات");
    }

    @Test
    void rssAuthorEmailWithNameGivesTheName() throws Exception {
        RawItem item = onlyItem(RSS_HEAD + "<item><title>x</title><link>https://s.example/1</link>"
                + "<author>desk@s.example (أحمد يوسف)</author></item>" + RSS_TAIL, null);
        assertThat(item.author()).isEqualTo("أحمد يوسف");
    }

    @Test
    void permalinkGuidStandsInForAMissingLink() throws Exception {
        RawItem item = onlyItem(RSS_HEAD + "<item><title>x</title><guid>https://s.example/g/2</guid></item>" + RSS_TAIL, null);
        assertThat(item.url()).isEqualTo("https://s.example/g/2");
        assertThat(item.guid()).isEqualTo("https://s.example/g/2");
    }

    @Test
    void atomSummaryWithoutTypeIsTextAndGetsEscaped() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>i</id>"
                + "<entry><title>e</title><id>https://a.example/e/1</id><updated>2023-06-22T09:00:00Z</updated>"
                + "<summary>ملخص &amp; &lt;نص&gt;</summary></entry></feed>";
        RawItem item = onlyItem(atom, null);
        assertThat(item.html()).isEqualTo("<p>ملخص &amp; &lt;نص&gt;</p>");
        assertThat(item.text()).isEqualTo("ملخص & <نص>");
    }

    @Test
    void atomRelativeLinkWithoutXmlBaseResolvesAgainstTheDocumentUrl() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>i</id>"
                + "<entry><title>e</title><id>urn:x:1</id><link href=\"../posts/1\"/>"
                + "<updated>2023-06-22T09:00:00Z</updated></entry></feed>";
        RawItem item = onlyItem(atom, URI.create("https://a.example/feeds/x.atom"));
        assertThat(item.url()).isEqualTo("https://a.example/posts/1");
        assertThat(item.guid()).isEqualTo("urn:x:1");
    }

    @Test
    void atomUnparseableDateIsKeptRaw() throws Exception {
        String atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><id>i</id>"
                + "<entry><title>e</title><id>https://a.example/e/2</id><updated>٢٢ يونيو ٢٠٢٣</updated></entry></feed>";
        RawItem item = onlyItem(atom, null);
        assertThat(item.published()).isNull();
        assertThat(item.publishedRaw()).isEqualTo("٢٢ يونيو ٢٠٢٣");
    }

    @Test
    void strayAmpersandAndHtmlEntitiesAreHealed() throws Exception {
        RawItem item = onlyItem(RSS_HEAD + "<item><title>أ&nbsp;ب</title><link>https://s.example/?a=1&b=2</link></item>"
                + RSS_TAIL, null);
        assertThat(item.url()).isEqualTo("https://s.example/?a=1&b=2");
        assertThat(item.title()).isEqualTo("أ ب");
    }

    @Test
    void rssWithoutChannelIsNotAFeed() {
        ExtractionException e = catchThrowableOfType(ExtractionException.class,
                () -> FeedParser.parse("edge", "<rss version=\"2.0\"></rss>", null));
        assertThat(e.getMessage()).startsWith("not a feed: <rss> has no <channel>");
    }

    @Test
    void emptyChannelIsAFeedWithoutItems() throws Exception {
        Extraction x = FeedParser.parse("edge", "<rss version=\"2.0\"><channel><title>فارغ</title></channel></rss>", null);
        assertThat(x.title()).isEqualTo("فارغ");
        assertThat(x.items()).isEmpty();
    }

    @Test
    void badTtlAndSkipHoursAreWarnedAndIgnored() throws Exception {
        Extraction x = FeedParser.parse("edge", RSS_HEAD + "<ttl>soon</ttl><skipHours><hour>7</hour><hour>99</hour></skipHours>"
                + "<skipDays><day>Caturday</day></skipDays><item><title>x</title><link>https://s.example/1</link></item>"
                + RSS_TAIL, null);
        assertThat(x.items()).as("one bad hint never costs the items").hasSize(1);
        assertThat(x.ttl()).isNull();
        assertThat(x.skipHours()).containsExactly(7);
        assertThat(x.warnings()).hasSize(2).anySatisfy(w -> assertThat(w).contains("ttl"))
                .anySatisfy(w -> assertThat(w).contains("99"));
    }

    @Test
    void mediaContentInsideMediaGroupIsTheImage() throws Exception {
        RawItem item = onlyItem("<rss version=\"2.0\" xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><title>t</title>"
                + "<link>https://s.example/</link><description>d</description><item><title>x</title>"
                + "<link>https://s.example/1</link><media:group><media:content url=\"/v.mp4\" medium=\"video\"/>"
                + "<media:content url=\"/p.jpg\" medium=\"image\"/></media:group></item>" + RSS_TAIL, null);
        assertThat(item.image()).isEqualTo("https://s.example/p.jpg");
    }

    @Test
    void itemWithoutGuidIsIdentifiedByItsResolvedLink() throws Exception {
        RawItem item = onlyItem(RSS_HEAD + "<item><title>x</title><link>/news/7</link></item>" + RSS_TAIL, null);
        assertThat(item.url()).isEqualTo("https://s.example/news/7");
        assertThat(item.guid()).isEqualTo("https://s.example/news/7");
    }

    @Test
    void feedElementOutsideAtomIsNotAFeed() {
        ExtractionException e = catchThrowableOfType(ExtractionException.class,
                () -> FeedParser.parse("edge", "<feed xmlns=\"urn:other\"><entry/></feed>", null));
        assertThat(e.getMessage()).startsWith("not a feed: no RSS or Atom flavour matches the root element <feed>");
    }

    @Test
    void jsonFeedItemWithoutAuthorIsByTheFeedAuthor() throws Exception {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"authors\": [{\"name\": \"أسرة التحرير\"}],"
                + " \"items\": [{\"id\": \"1\", \"url\": \"https://j.example/1\", \"content_text\": \"نص\"}]}";
        assertThat(onlyItem(json, null).author()).isEqualTo("أسرة التحرير");
    }

    /** QA run: a JSON Feed item with an id and no url got the id resolved against the home page, unwarned. */
    @Test
    void jsonFeedItemWithAnIdAndNoUrlIsWarnedAboutAsRssIs() throws Exception {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"home_page_url\": \"https://s.example/\","
                + " \"items\": [{\"id\": \"shatt-42\", \"title\": \"خبر بمعرف فقط\", \"content_text\": \"نص\"}]}";
        String rss = RSS_HEAD + "<item><guid isPermaLink=\"false\">shatt-42</guid><title>خبر بمعرف فقط</title>"
                + "<description>نص</description></item>" + RSS_TAIL;

        for (String body : new String[] {rss, json}) {
            Extraction x = FeedParser.parse("edge", body, URI.create("https://s.example/feed"));
            assertThat(x.items()).singleElement().satisfies(item -> {
                assertThat(item.guid()).isEqualTo("shatt-42");
                assertThat(item.url()).isEqualTo("https://s.example/#guid=shatt-42");
            });
            assertThat(x.warnings()).singleElement().asString().contains("item 1").contains("خبر بمعرف فقط")
                    .contains("its URL is made from its");
        }
    }

    @Test
    void jsonFeedIdThatIsAWebAddressIsTheLink() throws Exception {
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"home_page_url\": \"https://s.example/\","
                + " \"items\": [{\"id\": \"https://s.example/g/2\", \"content_text\": \"نص\"}]}";
        Extraction x = FeedParser.parse("edge", json, null);
        assertThat(x.items()).singleElement().extracting(RawItem::url).isEqualTo("https://s.example/g/2");
        assertThat(x.warnings()).isEmpty();
    }

    /** QA run: an item whose link was javascript: was rejected whole although its guid identified it. */
    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JavaScript:void(0)", " java\tscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "vbscript:msgbox(1)"})
    void aScriptOrDataLinkIsDroppedAndTheItemKeptOnItsGuid(String link) throws Exception {
        String escaped = link.replace("\t", "&#9;");
        String rss = RSS_HEAD + "<item><title>خبر برابط مريب</title><link>" + escaped + "</link>"
                + "<guid isPermaLink=\"false\">s-9</guid><description>نص</description></item>" + RSS_TAIL;
        String json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"home_page_url\": \"https://s.example/\","
                + " \"items\": [{\"id\": \"s-9\", \"url\": \"" + link.replace("\t", "\\t")
                + "\", \"title\": \"خبر برابط مريب\", \"content_text\": \"نص\"}]}";

        for (String body : new String[] {rss, json}) {
            Extraction x = FeedParser.parse("edge", body, URI.create("https://s.example/feed"));
            assertThat(x.items()).singleElement().satisfies(item -> {
                assertThat(item.guid()).isEqualTo("s-9");
                assertThat(item.url()).isEqualTo("https://s.example/#guid=s-9");
            });
            assertThat(x.warnings()).anySatisfy(w -> assertThat(w).contains("item 1").contains("خبر برابط مريب")
                    .contains("link is dropped"));
        }
    }

    @Test
    void aScriptLinkWithoutAGuidLeavesNothingToIdentifyTheItem() throws Exception {
        Extraction x = FeedParser.parse("edge", RSS_HEAD + "<item><title>خبر</title><link>javascript:alert(1)</link>"
                + "</item>" + RSS_TAIL, URI.create("https://s.example/feed"));
        assertThat(x.items()).isEmpty();
        assertThat(x.warnings()).anySatisfy(w -> assertThat(w).contains("javascript: link"))
                .anySatisfy(w -> assertThat(w).contains("skipped").contains("neither a link nor a guid"));
    }

    @Test
    void jsonFeedAfterAByteOrderMarkIsRead() throws Exception {
        String json = "\uFEFF{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [{\"id\": \"1\", \"url\": \"https://j.example/1\"}]}";
        assertThat(onlyItem(json, null).url()).isEqualTo("https://j.example/1");
    }
}

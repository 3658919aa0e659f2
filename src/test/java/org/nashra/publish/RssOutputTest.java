package org.nashra.publish;

import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RssOutputTest {
    private static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    /** RFC 822 as RFC 1123 tightened it, English names, the form RSS 2.0 requires. */
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US);

    private final FeedWriter writer = new FeedWriter();

    @Test
    void channelHasTheRequiredElementsLanguageAndSelfLink() {
        byte[] bytes = writer.write(Fixtures.document(List.of(Fixtures.mergedStory(), Fixtures.singleStory())), FeedFormat.RSS);
        Document dom = Outputs.dom(bytes);
        Element rss = dom.getDocumentElement();
        assertThat(rss.getTagName()).isEqualTo("rss");
        assertThat(rss.getAttribute("version")).isEqualTo("2.0");
        Element channel = child(rss, "channel");
        assertThat(text(channel, "title")).isEqualTo("كل الأخبار");
        assertThat(text(channel, "link")).isEqualTo("http://127.0.0.1:8080/");
        assertThat(text(channel, "description")).isEqualTo("أخبار العراق والعالم من مصادر متعددة");
        assertThat(text(channel, "language")).isEqualTo("ar");
        assertThat(ZonedDateTime.parse(text(channel, "lastBuildDate"), RFC_822).toInstant())
                .isEqualTo(Fixtures.T0.truncatedTo(ChronoUnit.SECONDS));
        assertThat(atomLinks(channel)).containsExactly(Map.entry("self", "http://127.0.0.1:8080/feeds/all.rss"));
    }

    @Test
    void itemsHaveOpaqueGuidsRfc822DatesAndParseBackWithRome() {
        StoryView story = Fixtures.mergedStory();
        byte[] bytes = writer.write(Fixtures.document(List.of(story, Fixtures.singleStory())), FeedFormat.RSS);

        NodeList items = Outputs.dom(bytes).getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            Element guid = child(item, "guid");
            assertThat(guid.getAttribute("isPermaLink")).isEqualTo("false");
            assertThat(guid.getTextContent()).startsWith("tag:nashra.test,2026:story/");
            String pubDate = text(item, "pubDate");
            assertThat(pubDate).matches("[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
            ZonedDateTime.parse(pubDate, RFC_822); // throws if not RFC 822
        }

        Channel channel = Outputs.rss(bytes);
        assertThat(channel.getTitle()).isEqualTo("كل الأخبار");
        assertThat(channel.getLanguage()).isEqualTo("ar");
        Item first = channel.getItems().get(0);
        assertThat(first.getTitle()).isEqualTo(story.title());
        assertThat(first.getLink()).isEqualTo(story.link());
        assertThat(first.getGuid().getValue()).isEqualTo(story.tagId());
        assertThat(first.getGuid().isPermaLink()).isFalse();
        assertThat(first.getPubDate().toInstant()).isEqualTo(story.published().truncatedTo(ChronoUnit.SECONDS));
        assertThat(first.getEnclosures()).singleElement().satisfies(e -> {
            assertThat(e.getUrl()).isEqualTo(story.image());
            assertThat(e.getType()).isEqualTo("image/jpeg");
        });
        Element media = (Element) Outputs.dom(bytes).getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content").item(0);
        assertThat(media.getAttribute("url")).isEqualTo(story.image());
        assertThat(media.getAttribute("medium")).isEqualTo("image");
        assertThat(media.getAttribute("type")).isEqualTo("image/jpeg");
        assertThat(Outputs.dom(bytes).getElementsByTagNameNS("http://search.yahoo.com/mrss/", "content").getLength())
                .isEqualTo(1); // the other story has no image
        assertThat(first.getCategories()).extracting(c -> c.getValue()).containsExactly("سياسة", "العراق", "واع");
        assertThat(first.getDescription().getValue()).isEqualTo(story.summary());
        org.jsoup.nodes.Document content = Jsoup.parseBodyFragment(first.getContent().getValue());
        assertThat(content.select("div[dir=rtl][lang=ar]")).hasSize(2);
        assertThat(content.select("ul li a").eachAttr("href"))
                .containsExactly("https://alamsar.test/news/1234", "https://baghdadtoday.test/a/99");
        assertThat(Outputs.dom(bytes).getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator").item(0)
                .getTextContent()).isEqualTo("المحرر السياسي");
    }

    @Test
    void pagingAndHubAreAtomLinksInTheChannel() {
        byte[] bytes = writer.write(Fixtures.pagedDocument(List.of(Fixtures.mergedStory())), FeedFormat.RSS);
        Element channel = child(Outputs.dom(bytes).getDocumentElement(), "channel");
        assertThat(atomLinks(channel)).containsExactly(
                Map.entry("self", "http://127.0.0.1:8080/feeds/all.rss"),
                Map.entry("hub", "https://hub.test/"),
                Map.entry("next", "http://127.0.0.1:8080/feeds/all.rss?before=17"),
                Map.entry("previous", "http://127.0.0.1:8080/feeds/all.rss?after=18"));
        assertThat(Outputs.rss(bytes).getItems()).hasSize(1);
    }

    @Test
    void ttlIsWrittenInMinutesWhenTheDocumentHasOne() {
        FeedDocument plain = Fixtures.document(List.of(Fixtures.singleStory()));
        FeedDocument withTtl = withTtl(plain, Duration.ofMinutes(7));
        Element channel = child(Outputs.dom(writer.write(withTtl, FeedFormat.RSS)).getDocumentElement(), "channel");
        assertThat(text(channel, "ttl")).isEqualTo("7");
        assertThat(Outputs.rss(writer.write(withTtl, FeedFormat.RSS)).getTtl()).isEqualTo(7);
        // without one, none: Rome's default (-1) must not leak out as <ttl>-1</ttl>
        assertThat(Outputs.dom(writer.write(plain, FeedFormat.RSS)).getElementsByTagName("ttl").getLength()).isZero();
    }

    @Test
    void ttlHasNoCounterpartInAtomOrJsonFeed() {
        FeedDocument plain = Fixtures.document(List.of(Fixtures.singleStory()));
        FeedDocument withTtl = withTtl(plain, Duration.ofMinutes(7));
        assertThat(writer.write(withTtl, FeedFormat.ATOM)).isEqualTo(writer.write(plain, FeedFormat.ATOM));
        assertThat(writer.write(withTtl, FeedFormat.JSON)).isEqualTo(writer.write(plain, FeedFormat.JSON));
    }

    @Test
    void ttlIsWholeMinutes() {
        FeedDocument plain = Fixtures.document(List.of());
        assertThatThrownBy(() -> withTtl(plain, Duration.ofSeconds(450)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all").hasMessageContaining("PT7M30S");
        assertThatThrownBy(() -> withTtl(plain, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    private static FeedDocument withTtl(FeedDocument d, Duration ttl) {
        return new FeedDocument(d.feedId(), d.title(), d.description(), d.baseFeedUrl(), d.siteUrl(), d.hubUrl(),
                d.nextUrl(), d.prevUrl(), d.entries(), d.updated(), d.tagId(), d.archive(), ttl);
    }

    @Test
    void emptyFeedKeepsTheRequiredChannelElements() {
        byte[] bytes = writer.write(Fixtures.document(List.of()), FeedFormat.RSS);
        Element channel = child(Outputs.dom(bytes).getDocumentElement(), "channel");
        assertThat(text(channel, "title")).isNotBlank();
        assertThat(text(channel, "link")).isNotBlank();
        assertThat(text(channel, "description")).isNotBlank();
        assertThat(Outputs.rss(bytes).getItems()).isEmpty();
    }

    @Test
    void summaryMarkupStaysTextInTheHtmlDescription() {
        StoryView story = new StoryView(3, "tag:nashra.test,2026:story/3", "عنوان", "أ < ب & ج", "",
                "https://x.test/3", List.of(), null, null, null, null, Fixtures.T0, null);
        Item item = Outputs.rss(writer.write(Fixtures.document(List.of(story)), FeedFormat.RSS)).getItems().get(0);
        // description is HTML for RSS readers: the text must come back as itself after HTML decoding
        assertThat(Jsoup.parseBodyFragment(item.getDescription().getValue()).text()).isEqualTo("أ < ب & ج");
    }

    static Element child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getNamespaceURI() == null && e.getLocalName().equals(name)) return e;
        }
        throw new AssertionError("no <" + name + "> in <" + parent.getTagName() + ">");
    }

    static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    static List<Map.Entry<String, String>> atomLinks(Element channel) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        NodeList links = channel.getElementsByTagNameNS(ATOM_NS, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element l = (Element) links.item(i);
            out.add(Map.entry(l.getAttribute("rel"), l.getAttribute("href")));
        }
        return out;
    }

}

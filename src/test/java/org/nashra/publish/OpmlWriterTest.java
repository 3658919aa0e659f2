package org.nashra.publish;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpmlWriterTest {
    private static final Instant CREATED = Instant.parse("2026-11-29T09:00:00Z");

    private static List<OpmlOutline> sources() {
        return List.of(
                new OpmlOutline("الأمصار", null, "https://alamsar.test/", "html", List.of("iraq"), null),
                new OpmlOutline("بغداد اليوم", "https://baghdadtoday.test/rss", "https://baghdadtoday.test/", "rss",
                        List.of("iraq", "news"), "أخبار بغداد"),
                new OpmlOutline("وكالة عالمية", "https://world.test/feed.atom", null, "atom", List.of(), null));
    }

    @Test
    void sourcesOpmlIsOpml2WithFoldersPerGroup() {
        byte[] bytes = OpmlWriter.write("مصادر نشرة", CREATED, sources());
        Document dom = Outputs.dom(bytes);
        Element opml = dom.getDocumentElement();
        assertThat(opml.getTagName()).isEqualTo("opml");
        assertThat(opml.getAttribute("version")).isEqualTo("2.0");
        assertThat(dom.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("مصادر نشرة");
        String created = dom.getElementsByTagName("dateCreated").item(0).getTextContent();
        assertThat(ZonedDateTime.parse(created, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.US)).toInstant())
                .isEqualTo(CREATED);

        Element body = (Element) dom.getElementsByTagName("body").item(0);
        List<Element> top = children(body);
        assertThat(top).extracting(e -> e.getAttribute("text")).containsExactly("iraq", "وكالة عالمية");
        List<Element> iraq = children(top.get(0));
        assertThat(iraq).extracting(e -> e.getAttribute("text")).containsExactly("الأمصار", "بغداد اليوم");

        Element html = iraq.get(0);
        assertThat(html.getAttribute("type")).isEqualTo("link");
        assertThat(html.getAttribute("url")).isEqualTo("https://alamsar.test/");
        assertThat(html.hasAttribute("xmlUrl")).isFalse();

        Element rss = iraq.get(1);
        assertThat(rss.getAttribute("type")).isEqualTo("rss");
        assertThat(rss.getAttribute("xmlUrl")).isEqualTo("https://baghdadtoday.test/rss");
        assertThat(rss.getAttribute("htmlUrl")).isEqualTo("https://baghdadtoday.test/");
        assertThat(rss.getAttribute("version")).isEqualTo("RSS2");
        assertThat(rss.getAttribute("category")).isEqualTo("/iraq,/news");
        assertThat(rss.getAttribute("description")).isEqualTo("أخبار بغداد");

        assertThat(top.get(1).getAttribute("xmlUrl")).isEqualTo("https://world.test/feed.atom");
        assertThat(top.get(1).getAttribute("version")).isEqualTo("atom");
    }

    @Test
    void feedsOpmlPointsAtTheAtomFeeds() {
        FeedDocument all = Fixtures.document(List.of());
        byte[] bytes = OpmlWriter.write("خلاصات نشرة", CREATED, List.of(
                OpmlOutline.publishedFeed(all, null),
                OpmlOutline.publishedFeed("العراق", null, URI.create("http://127.0.0.1:8080/feeds/iraq"),
                        URI.create("http://127.0.0.1:8080/"))));
        NodeList outlines = Outputs.dom(bytes).getElementsByTagName("outline");
        assertThat(outlines.getLength()).isEqualTo(2);
        assertThat(((Element) outlines.item(0)).getAttribute("xmlUrl")).isEqualTo("http://127.0.0.1:8080/feeds/all.atom");
        assertThat(((Element) outlines.item(0)).getAttribute("title")).isEqualTo("كل الأخبار");
        assertThat(((Element) outlines.item(1)).getAttribute("xmlUrl")).isEqualTo("http://127.0.0.1:8080/feeds/iraq.atom");
    }

    @Test
    void sameInputSameBytes() {
        assertThat(OpmlWriter.write("م", CREATED, sources())).isEqualTo(OpmlWriter.write("م", CREATED, sources()));
    }

    @Test
    void outlineNeedsSomewhereToPoint() {
        assertThatThrownBy(() -> new OpmlOutline("لا شيء", null, null, "rss", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("لا شيء");
    }

    private static List<Element> children(Element parent) {
        NodeList nodes = parent.getChildNodes();
        java.util.ArrayList<Element> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) if (nodes.item(i) instanceof Element e) out.add(e);
        return out;
    }
}

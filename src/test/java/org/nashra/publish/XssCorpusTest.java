package org.nashra.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.extract.Role;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every vector of xss-vectors.txt, put into every field of a story, must not reach any output:
 * the outputs are parsed back (Rome, Jackson) and each field is rendered as a careless reader
 * would, HTML fields and text fields alike.
 */
class XssCorpusTest {
    private final FeedWriter writer = new FeedWriter();

    static List<String> vectors() throws IOException {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/publish/xss-vectors.txt")) {
            if (in == null) throw new IllegalStateException("publish/xss-vectors.txt missing");
            List<String> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line);
            }
            return out;
        }
    }

    @Test
    void corpusHasAtLeastFortyVectors() throws IOException {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(40);
    }

    static FeedDocument poisoned(String v) {
        StoryView story = new StoryView(66, "tag:nashra.test,2026:story/66", "عنوان " + v, "ملخص " + v,
                "<p dir=\"rtl\">قبل</p>" + v + "<p>بعد</p>", v,
                List.of(new SourceRef("evil", v, v, v, Role.MAIN),
                        new SourceRef("ok", "مصدر سليم", "https://ok.test/a", "عنوان سليم", Role.MAIN)),
                List.of(v, "سياسة"), v, v, v, Fixtures.T0, null);
        StoryView safeLink = new StoryView(67, "tag:nashra.test,2026:story/67", v, v, v, "https://ok.test/67",
                List.of(), List.of(), null, null, null, Fixtures.T0, null);
        return new FeedDocument("all", "كل الأخبار " + v, v, URI.create("http://127.0.0.1:8080/feeds/all"),
                URI.create("http://127.0.0.1:8080/"), null, null, null, List.of(story, safeLink), Fixtures.T0);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorDoesNotReachAtom(String vector) {
        byte[] bytes = writer.write(poisoned(vector), FeedFormat.ATOM);
        AtomSchema.assertValid(bytes);
        Feed feed = Outputs.atom(bytes);
        List<String> html = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        html.add(feed.getTitle());
        html.add(feed.getSubtitle().getValue());
        feed.getOtherLinks().forEach(l -> urls.add(l.getHref()));
        feed.getAlternateLinks().forEach(l -> urls.add(l.getHref()));
        for (Entry e : feed.getEntries()) {
            e.getContents().forEach(c -> html.add(c.getValue()));
            html.add(e.getTitle());
            if (e.getSummary() != null) html.add(e.getSummary().getValue());
            e.getAuthors().forEach(p -> html.add(p.getName()));
            e.getCategories().forEach(c -> html.add(c.getTerm()));
            e.getAlternateLinks().stream().map(Link::getHref).forEach(urls::add);
            e.getOtherLinks().stream().map(Link::getHref).forEach(urls::add);
        }
        assertSafe(vector, html, urls);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorDoesNotReachRss(String vector) {
        byte[] bytes = writer.write(poisoned(vector), FeedFormat.RSS);
        Channel channel = Outputs.rss(bytes);
        List<String> html = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        html.add(channel.getTitle());
        html.add(channel.getDescription());
        urls.add(channel.getLink());
        for (Item item : channel.getItems()) {
            html.add(item.getTitle());
            html.add(item.getDescription().getValue());
            html.add(item.getContent().getValue());
            item.getCategories().forEach(c -> html.add(c.getValue()));
            if (item.getLink() != null) urls.add(item.getLink());
            item.getEnclosures().forEach(en -> urls.add(en.getUrl()));
        }
        org.w3c.dom.Document dom = Outputs.dom(bytes);
        NodeList creators = dom.getElementsByTagNameNS("http://purl.org/dc/elements/1.1/", "creator");
        for (int i = 0; i < creators.getLength(); i++) html.add(creators.item(i).getTextContent());
        NodeList links = dom.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
        for (int i = 0; i < links.getLength(); i++) urls.add(((Element) links.item(i)).getAttribute("href"));
        assertSafe(vector, html, urls);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void vectorDoesNotReachJsonFeed(String vector) {
        JsonNode feed = Outputs.json(writer.write(poisoned(vector), FeedFormat.JSON));
        List<String> html = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        html.add(feed.path("title").asText());
        html.add(feed.path("description").asText());
        urls.add(feed.path("home_page_url").asText());
        urls.add(feed.path("feed_url").asText());
        for (JsonNode item : feed.path("items")) {
            html.add(item.path("content_html").asText());
            html.add(item.path("title").asText());
            html.add(item.path("summary").asText());
            item.path("authors").forEach(a -> html.add(a.path("name").asText()));
            item.path("tags").forEach(t -> html.add(t.asText()));
            if (item.has("url")) urls.add(item.path("url").asText());
            if (item.has("image")) urls.add(item.path("image").asText());
            for (JsonNode s : item.path("_nashra").path("sources")) {
                html.add(s.path("name").asText());
                html.add(s.path("title").asText());
                if (s.has("url")) urls.add(s.path("url").asText());
            }
        }
        assertSafe(vector, html, urls);
    }

    private static void assertSafe(String vector, List<String> htmlFields, List<String> urls) {
        for (String field : htmlFields) {
            assertThat(Unsafe.findings(field)).as("vector %s reached field %s", vector, field).isEmpty();
        }
        assertThat(urls).as("vector %s in URLs", vector).allSatisfy(u -> assertThat(Unsafe.httpUrl(u)).as(u).isTrue());
    }
}

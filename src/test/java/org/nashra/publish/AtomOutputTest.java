package org.nashra.publish;

import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class AtomOutputTest {
    private final FeedWriter writer = new FeedWriter();

    private byte[] atom(FeedDocument doc) {
        return writer.write(doc, FeedFormat.ATOM);
    }

    @Test
    void feedWithStoriesIsValidAtomInArabicAndParsesBack() {
        FeedDocument doc = Fixtures.document(List.of(Fixtures.mergedStory(), Fixtures.singleStory()));
        byte[] bytes = atom(doc);
        AtomSchema.assertValid(bytes);

        Element root = Outputs.dom(bytes).getDocumentElement();
        assertThat(root.getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang")).isEqualTo("ar");

        Feed feed = Outputs.atom(bytes);
        assertThat(feed.getTitle()).isEqualTo("كل الأخبار");
        assertThat(feed.getSubtitle().getValue()).isEqualTo("أخبار العراق والعالم من مصادر متعددة");
        assertThat(feed.getId()).isEqualTo("tag:127.0.0.1,2026:feed/all");
        assertThat(feed.getUpdated().toInstant()).isEqualTo(Fixtures.T0.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(feed.getGenerator().getValue()).isEqualTo("Nashra");
        assertThat(rels(feed.getOtherLinks())).containsEntry("self", "http://127.0.0.1:8080/feeds/all.atom")
                .doesNotContainKeys("hub", "next", "previous");
        assertThat(feed.getAlternateLinks()).extracting(Link::getHref).containsExactly("http://127.0.0.1:8080/");

        Entry first = feed.getEntries().get(0);
        StoryView story = Fixtures.mergedStory();
        assertThat(first.getId()).isEqualTo(story.tagId());
        assertThat(first.getTitle()).isEqualTo("الخارجيَّة العراقية تستدعي السفير التركي");
        assertThat(first.getAlternateLinks()).extracting(Link::getHref).containsExactly(story.link());
        assertThat(first.getOtherLinks()).singleElement().satisfies(l -> {
            assertThat(l.getRel()).isEqualTo("enclosure");
            assertThat(l.getHref()).isEqualTo(story.image());
            assertThat(l.getType()).isEqualTo("image/jpeg");
        });
        assertThat(first.getPublished().toInstant()).isEqualTo(story.published().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(first.getUpdated().toInstant()).isEqualTo(story.updated().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(first.getAuthors()).extracting(p -> p.getName()).containsExactly("المحرر السياسي");
        assertThat(first.getCategories()).extracting(c -> c.getTerm()).containsExactly("سياسة", "العراق", "واع");
        assertThat(first.getSummary().getType()).isEqualTo("text");
        assertThat(first.getSummary().getValue()).isEqualTo(story.summary());

        Content content = first.getContents().get(0);
        assertThat(content.getType()).isEqualTo("html");
        org.jsoup.nodes.Document html = Jsoup.parseBodyFragment(content.getValue());
        assertThat(html.select("div[dir=rtl][lang=ar]")).hasSize(2);
        assertThat(html.select("div").last().select("p").last().text()).isEqualTo("وكالة الأنباء: واع");
        assertThat(html.select("div").first().select("b").text()).isEqualTo("الخارجيَّة");
        // relative URLs of the body are resolved against the article's URL
        assertThat(html.select("a").eachAttr("href")).containsExactly(
                "https://alamsar.test/iraq/2026/11/29/statement",
                "https://alamsar.test/news/1234", "https://baghdadtoday.test/a/99");
        assertThat(html.select("img").attr("src")).isEqualTo("https://alamsar.test/news/images/photo.png");
        assertThat(html.select("a").eachAttr("rel")).containsOnly("noopener noreferrer");
        // every outlet that carried the story, with its name and link
        assertThat(html.select("ul li").eachText()).containsExactly(
                "الأمصار: الخارجية تستدعي السفير التركي", "بغداد اليوم: استدعاء السفير التركي إلى الخارجية");
        assertThat(html.select("strong").text()).isEqualTo("المصادر");
    }

    @Test
    void entryWithoutAuthorIsCreditedToItsOutlet() {
        Entry second = Outputs.atom(atom(Fixtures.document(List.of(Fixtures.singleStory())))).getEntries().get(0);
        assertThat(second.getAuthors()).extracting(p -> p.getName()).containsExactly("أخبار النفط");
        assertThat(second.getSummary()).isNull();
        assertThat(second.getAlternateLinks()).extracting(Link::getHref).containsExactly("https://oilnews.test/a?id=5&lang=ar");
    }

    @Test
    void pagedFeedWithHubHasRfc5005AndWebSubLinksAndIsValid() {
        byte[] bytes = atom(Fixtures.pagedDocument(List.of(Fixtures.mergedStory())));
        AtomSchema.assertValid(bytes);
        Feed feed = Outputs.atom(bytes);
        assertThat(feed.getId()).isEqualTo("tag:nashra.test,2026:feed/all");
        assertThat(rels(feed.getOtherLinks())).containsExactlyInAnyOrderEntriesOf(Map.of(
                "self", "http://127.0.0.1:8080/feeds/all.atom",
                "hub", "https://hub.test/",
                "next", "http://127.0.0.1:8080/feeds/all.atom?before=17",
                "previous", "http://127.0.0.1:8080/feeds/all.atom?after=18"));
    }

    @Test
    void emptyFeedStillHasTheRequiredElements() {
        byte[] bytes = atom(Fixtures.document(List.of()));
        AtomSchema.assertValid(bytes);
        Feed feed = Outputs.atom(bytes);
        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getId()).isNotBlank();
        assertThat(feed.getTitle()).isEqualTo("كل الأخبار");
        assertThat(feed.getUpdated()).isNotNull();
    }

    @Test
    void feedWithoutSiteOrOptionalFieldsIsValid() {
        StoryView bare = new StoryView(1, "tag:nashra.test,2026:story/1", null, null, null,
                "https://x.test/1", List.of(), null, null, null, null, Fixtures.T0, null);
        FeedDocument doc = new FeedDocument("bare", null, null, java.net.URI.create("http://127.0.0.1/feeds/bare"),
                null, null, null, null, List.of(bare), Fixtures.T0);
        byte[] bytes = atom(doc);
        AtomSchema.assertValid(bytes);
        assertThat(Outputs.atom(bytes).getEntries()).singleElement()
                .satisfies(e -> assertThat(e.getId()).isEqualTo("tag:nashra.test,2026:story/1"));
    }

    @Test
    void digestEntriesAreValidAtom() {
        List<StoryView> entries = new ArrayList<>(List.of(Fixtures.mergedStory()));
        entries.addAll(OtherNewsDigest.build(DigestFixtures.otherItems(), Duration.ofHours(6),
                "tag:nashra.test,2026:feed/all", ZoneId.of("Asia/Baghdad"), java.net.URI.create("http://127.0.0.1:8080/feeds/all/other-news")));
        byte[] bytes = atom(Fixtures.pagedDocument(entries));
        AtomSchema.assertValid(bytes);
        List<Entry> parsed = Outputs.atom(bytes).getEntries();
        assertThat(parsed).hasSize(entries.size());
        assertThat(parsed.get(1).getTitle()).startsWith("أخبار أخرى — ");
        assertThat(parsed.get(1).getId()).isEqualTo(entries.get(1).tagId());
    }

    @Test
    void controlCharactersFromSourcesDoNotBreakTheXml() {
        StoryView dirty = new StoryView(2, "tag:nashra.test,2026:story/2", "عنوان\u0001 مع\u0008 تحكم\uFFFE",
                "ملخص\u0000", "<p>نص\u000B\uD800</p>", "https://x.test/2", List.of(), List.of("فئة\u001F"),
                null, null, null, Fixtures.T0, null);
        byte[] bytes = atom(Fixtures.document(List.of(dirty)));
        AtomSchema.assertValid(bytes);
        Entry e = Outputs.atom(bytes).getEntries().get(0);
        assertThat(e.getTitle()).isEqualTo("عنوان مع تحكم");
        assertThat(e.getContents().get(0).getValue()).contains("<p>نص</p>");
    }

    @Test
    void theSchemaCheckRejectsAFeedWithoutId() {
        String noId = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title>"
                + "<updated>2026-11-29T09:15:30Z</updated></feed>";
        assertThat(AtomSchema.errors(noId.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isNotEmpty();
    }

    static Map<String, String> rels(List<Link> links) {
        return links.stream().collect(Collectors.toMap(Link::getRel, Link::getHref));
    }
}

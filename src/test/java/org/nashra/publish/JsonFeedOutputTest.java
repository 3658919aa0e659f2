package org.nashra.publish;

import com.fasterxml.jackson.databind.JsonNode;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonFeedOutputTest {
    private final FeedWriter writer = new FeedWriter();

    @Test
    void feedHasJsonFeed11FieldsAndItemsParseBack() {
        StoryView story = Fixtures.mergedStory();
        JsonNode feed = Outputs.json(writer.write(Fixtures.document(List.of(story, Fixtures.singleStory())), FeedFormat.JSON));
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isEqualTo("كل الأخبار");
        assertThat(feed.path("language").asText()).isEqualTo("ar");
        assertThat(feed.path("home_page_url").asText()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(feed.path("feed_url").asText()).isEqualTo("http://127.0.0.1:8080/feeds/all.json");
        assertThat(feed.has("next_url")).isFalse();
        assertThat(feed.has("hubs")).isFalse();

        JsonNode items = feed.path("items");
        assertThat(items.size()).isEqualTo(2);
        for (JsonNode item : items) {
            assertThat(item.path("id").asText()).startsWith("tag:nashra.test,2026:story/");
            assertThat(item.has("content_html") || item.has("content_text")).isTrue();
            OffsetDateTime.parse(item.path("date_published").asText());
            OffsetDateTime.parse(item.path("date_modified").asText());
        }
        JsonNode first = items.get(0);
        assertThat(first.path("id").asText()).isEqualTo(story.tagId());
        assertThat(first.path("title").asText()).isEqualTo(story.title());
        assertThat(first.path("url").asText()).isEqualTo(story.link());
        assertThat(first.path("image").asText()).isEqualTo(story.image());
        assertThat(first.path("summary").asText()).isEqualTo(story.summary());
        assertThat(OffsetDateTime.parse(first.path("date_published").asText()).toInstant())
                .isEqualTo(story.published().truncatedTo(ChronoUnit.SECONDS));
        assertThat(first.path("authors").get(0).path("name").asText()).isEqualTo("المحرر السياسي");
        List<String> tags = new ArrayList<>();
        first.path("tags").forEach(t -> tags.add(t.asText()));
        assertThat(tags).containsExactly("سياسة", "العراق", "واع");
        assertThat(Jsoup.parseBodyFragment(first.path("content_html").asText()).select("div[dir=rtl][lang=ar]")).hasSize(2);

        JsonNode sources = first.path("_nashra").path("sources");
        assertThat(sources.size()).isEqualTo(2);
        assertThat(sources.get(1).path("name").asText()).isEqualTo("بغداد اليوم");
        assertThat(sources.get(1).path("url").asText()).isEqualTo("https://baghdadtoday.test/a/99");
        assertThat(sources.get(1).path("role").asText()).isEqualTo("main");
    }

    /** The JSON API's body (QA: it kept relative links the feeds resolve) is the feeds' body, byte for byte. */
    @Test
    void bodyHtmlIsTheStartOfEveryFeedsContentWithAbsoluteUrls() {
        StoryView story = Fixtures.mergedStory();
        String body = FeedWriter.bodyHtml(story);
        assertThat(body).startsWith("<div dir=\"rtl\" lang=\"ar\">")
                .contains("href=\"https://alamsar.test/iraq/2026/11/29/statement\"")
                .contains("src=\"https://alamsar.test/news/images/photo.png\"")
                .doesNotContain(EntryContent.SOURCES_HEADING);
        JsonNode feed = Outputs.json(writer.write(Fixtures.document(List.of(story)), FeedFormat.JSON));
        String content = feed.path("items").get(0).path("content_html").asText();
        assertThat(content).startsWith(body).contains(EntryContent.SOURCES_HEADING);
    }

    @Test
    void pagingAndHubAreInTheFeed() {
        JsonNode feed = Outputs.json(writer.write(Fixtures.pagedDocument(List.of(Fixtures.mergedStory())), FeedFormat.JSON));
        assertThat(feed.path("next_url").asText()).isEqualTo("http://127.0.0.1:8080/feeds/all.json?before=17");
        assertThat(feed.path("hubs").get(0).path("type").asText()).isEqualTo("WebSub");
        assertThat(feed.path("hubs").get(0).path("url").asText()).isEqualTo("https://hub.test/");
        assertThat(feed.path("_nashra").path("prev_url").asText()).isEqualTo("http://127.0.0.1:8080/feeds/all.json?after=18");
        assertThat(feed.path("_nashra").path("id").asText()).isEqualTo("tag:nashra.test,2026:feed/all");
    }

    @Test
    void emptyFeedIsStillAFeed() {
        JsonNode feed = Outputs.json(writer.write(Fixtures.document(List.of()), FeedFormat.JSON));
        assertThat(feed.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
        assertThat(feed.path("title").asText()).isEqualTo("كل الأخبار");
        assertThat(feed.path("items").isArray()).isTrue();
        assertThat(feed.path("items").size()).isZero();
    }
}

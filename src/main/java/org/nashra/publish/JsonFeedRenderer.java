package org.nashra.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/) through Jackson. Every outlet of a story
 * is in the {@code _nashra} extension object for aggregators, besides the HTML list in
 * content_html.
 */
final class JsonFeedRenderer {

    static final String VERSION = "https://jsonfeed.org/version/1.1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonFeedRenderer() {}

    static byte[] render(FeedDocument doc, List<EntryContent> entries) {
        ObjectNode feed = MAPPER.createObjectNode();
        feed.put("version", VERSION);
        feed.put("title", HtmlSanitizer.toPlainText(doc.title()));
        if (doc.siteUrl() != null) feed.put("home_page_url", doc.siteUrl().toString());
        feed.put("feed_url", doc.selfUrl(FeedFormat.JSON).toString());
        feed.put("description", HtmlSanitizer.toPlainText(doc.description()));
        if (doc.nextUrl() != null) feed.put("next_url", FeedDocument.withExtension(doc.nextUrl(), FeedFormat.JSON).toString());
        feed.put("language", FeedWriter.LANGUAGE);
        feed.putArray("authors").addObject().put("name", FeedWriter.GENERATOR);
        if (doc.hubUrl() != null) {
            feed.putArray("hubs").addObject().put("type", "WebSub").put("url", doc.hubUrl().toString());
        }
        ObjectNode ext = feed.putObject("_nashra");
        ext.put("id", doc.tagId());
        ext.put("updated", iso(doc.updated()));
        if (doc.prevUrl() != null) ext.put("prev_url", FeedDocument.withExtension(doc.prevUrl(), FeedFormat.JSON).toString());
        Archive a = doc.archive();
        if (a != null) {
            if (a.complete()) ext.put("archive", true);
            if (a.current() != null) ext.put("current_url", FeedDocument.withExtension(a.current(), FeedFormat.JSON).toString());
            if (a.prevArchive() != null) ext.put("prev_archive_url", FeedDocument.withExtension(a.prevArchive(), FeedFormat.JSON).toString());
            if (a.nextArchive() != null) ext.put("next_archive_url", FeedDocument.withExtension(a.nextArchive(), FeedFormat.JSON).toString());
        }
        ArrayNode items = feed.putArray("items");
        for (EntryContent e : entries) item(items.addObject(), e);
        try {
            return MAPPER.writeValueAsBytes(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Jackson could not write feed " + doc.feedId() + " as JSON Feed: " + e.getMessage(), e);
        }
    }

    private static void item(ObjectNode item, EntryContent e) {
        item.put("id", e.id());
        if (e.link() != null) item.put("url", e.link());
        item.put("title", e.title());
        item.put("content_html", e.contentHtml());
        if (!e.summary().isEmpty()) item.put("summary", e.summary());
        if (e.image() != null) item.put("image", e.image());
        item.put("date_published", iso(e.published()));
        item.put("date_modified", iso(e.updated()));
        if (e.author() != null) item.putArray("authors").addObject().put("name", e.author());
        if (!e.categories().isEmpty()) {
            ArrayNode tags = item.putArray("tags");
            e.categories().forEach(tags::add);
        }
        item.put("language", FeedWriter.LANGUAGE);
        if (!e.sources().isEmpty()) {
            ArrayNode sources = item.putObject("_nashra").putArray("sources");
            for (SourceRef ref : e.sources()) {
                ObjectNode s = sources.addObject();
                s.put("id", ref.sourceId());
                s.put("name", EntryContent.outletName(ref));
                String url = HtmlSanitizer.httpUrlOrNull(ref.url());
                if (url != null) s.put("url", url);
                s.put("title", HtmlSanitizer.toPlainText(ref.title()));
                if (ref.role() != null) s.put("role", ref.role().wire());
            }
        }
    }

    private static String iso(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }
}

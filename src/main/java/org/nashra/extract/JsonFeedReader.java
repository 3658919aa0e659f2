package org.nashra.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1) to raw items. */
final class JsonFeedReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERSION_PREFIX = "https://jsonfeed.org/version/";

    private JsonFeedReader() {}

    /** The reason the body was refused, without the source. */
    static final class Refusal extends Exception {
        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }

    static Extraction read(String sourceId, String body, URI baseUrl) throws Refusal {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (StreamConstraintsException e) {
            throw new Refusal("JSON refused: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new Refusal(where == null ? "malformed JSON: " + e.getOriginalMessage()
                    : "malformed JSON at line " + where.getLineNr() + ", column " + where.getColumnNr() + ": "
                    + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Refusal("not a feed: the body is JSON but its top level is "
                    + (root == null ? "empty" : "an " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + ", not a JSON Feed object");
        }
        List<String> warnings = new ArrayList<>();
        String version = text(root, "version");
        boolean hasItems = root.path("items").isArray();
        if (version == null || !version.startsWith(VERSION_PREFIX)) {
            if (!hasItems) {
                throw new Refusal("not a feed: the body is JSON but not a JSON Feed (no \"version\": \""
                        + VERSION_PREFIX + "…\" and no \"items\" array)");
            }
            warnings.add("JSON Feed without a jsonfeed.org \"version\" (" + version + "): read as JSON Feed 1.1");
        } else if (!hasItems) {
            throw new Refusal("not a feed: the JSON Feed has no \"items\" array");
        }

        // Item URLs should be absolute; when they are not, the home page is what they are relative to.
        URI base = baseUrl;
        String home = FeedUrls.resolve(baseUrl, text(root, "home_page_url"));
        if (FeedUrls.isAbsoluteHttp(home)) {
            base = URI.create(home);
        }
        // An item without an author is by the feed's author (JSON Feed 1.1, "authors").
        String feedAuthor = author(root);
        List<RawItem> items = new ArrayList<>();
        int position = 0;
        for (JsonNode node : root.path("items")) {
            position++;
            if (!node.isObject()) {
                warnings.add("item " + position + " skipped: it is not a JSON object");
                continue;
            }
            RawItem item = item(sourceId, node, base, feedAuthor, position, warnings);
            if (item != null) {
                items.add(item);
            }
        }
        return new Extraction(FeedHtml.plainText(text(root, "title")), items, List.of(), warnings, null, Set.of(), false);
    }

    private static RawItem item(String sourceId, JsonNode node, URI base, String feedAuthor, int position,
                                List<String> warnings) {
        String title = FeedHtml.plainText(text(node, "title"));
        String label = "item " + position + (title.isEmpty() ? "" : " (\"" + FeedRomeReader.shorten(title) + "\")");
        String url = FeedRomeReader.withoutForeignLink(
                FeedUrls.resolve(base, firstNonNull(text(node, "url"), text(node, "external_url"))), label, warnings);
        // 1.0 allowed numbers for ids; 1.1 says strings. Either way it is the item's identity.
        String guid = node.hasNonNull("id") && node.get("id").isValueNode() ? blankToNull(node.get("id").asText()) : null;
        if (url == null && guid == null) {
            warnings.add(label + " skipped: it has neither a url nor an id");
            return null;
        }
        if (url == null) {
            // As for RSS guids: only an id that is itself a full web address can be the item's link
            // ("42" resolved against the home page is a guess, not the item's page).
            if (FeedUrls.isAbsoluteHttp(guid)) {
                url = guid;
            } else if (base != null && base.isAbsolute()) {
                url = FeedUrls.guidStandIn(base, guid);
                warnings.add(label + " has no url; its URL is made from its id: " + url);
            } else {
                url = guid;
                warnings.add(label + " has no url and there is no base URL; its id stands in: " + guid);
            }
        } else if (!FeedUrls.isAbsolute(url)) {
            warnings.add(label + " has a relative url and no base URL to resolve it: " + url);
        }
        if (guid == null) {
            guid = url;
        }

        String contentHtml = text(node, "content_html");
        String contentText = text(node, "content_text");
        String summary = text(node, "summary");
        // the body is parsed once for the steps that read it, again only after one rewrote it (see FeedBody)
        FeedBody body;
        String text = null;
        if (contentHtml != null) {
            body = FeedHtml.absolutize(FeedChrome.strip(FeedBody.of(FeedHtml.unescapedOnceMore(contentHtml), base)));
        } else if (contentText != null) {
            text = String.join("\n", FeedChrome.stripLines(paragraphs(contentText)));
            body = FeedBody.of(FeedHtml.textAsHtml(text), base);
        } else {
            body = FeedChrome.strip(FeedBody.of(FeedHtml.textAsHtml(summary), base));
        }
        String html = body.html();
        if (text == null) text = FeedHtml.text(body);

        String publishedRaw = text(node, "date_published");
        String updatedRaw = text(node, "date_modified");
        String image = firstNonNull(FeedUrls.resolve(base, text(node, "image")),
                FeedUrls.resolve(base, text(node, "banner_image")), FeedHtml.firstImage(body, base));
        return new RawItem(sourceId, url, guid, title, html, text, publishedRaw, rfc3339(publishedRaw),
                rfc3339(updatedRaw), firstNonNull(author(node), feedAuthor), image, tags(node), Role.MAIN, null);
    }

    /** 1.1 "authors" (array), else 1.0 "author" (object). */
    private static String author(JsonNode node) {
        for (JsonNode a : node.path("authors")) {
            String name = text(a, "name");
            if (name != null) {
                return FeedHtml.plainText(name);
            }
        }
        String name = text(node.path("author"), "name");
        return name == null ? null : FeedHtml.plainText(name);
    }

    private static List<String> tags(JsonNode node) {
        Set<String> tags = new LinkedHashSet<>();
        for (JsonNode tag : node.path("tags")) {
            if (tag.isValueNode() && !tag.asText().isBlank()) {
                tags.add(FeedHtml.plainText(tag.asText()));
            }
        }
        return List.copyOf(tags);
    }

    /** JSON Feed dates are RFC 3339; anything else is kept raw for the text stage. */
    private static Instant rfc3339(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The text's non-blank lines, whitespace tidied. */
    private static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String tidy = FeedHtml.plainText(line);
            if (!tidy.isEmpty()) out.add(tidy);
        }
        return out;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.isNull() ? null : blankToNull(value.asText());
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

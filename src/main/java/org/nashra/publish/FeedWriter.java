package org.nashra.publish;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a feed document as Atom 1.0, RSS 2.0 or JSON Feed 1.1 bytes (UTF-8).
 *
 * <p>Deterministic: the same document gives the same bytes, so a hash of them is a stable ETag.
 * Nothing here reads the clock or the default locale or zone. Every entry's HTML is sanitized
 * here, whatever the caller did. Thread-safe and stateless.
 */
public final class FeedWriter {

    static final String LANGUAGE = "ar";
    static final String GENERATOR = "Nashra";

    public byte[] write(FeedDocument doc, FeedFormat format) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(format, "format of feed " + doc.feedId());
        return render(doc, format, entries(doc));
    }

    /** All three formats at once, sanitizing each entry once instead of three times. */
    public Map<FeedFormat, byte[]> writeAll(FeedDocument doc) {
        Objects.requireNonNull(doc, "doc");
        List<EntryContent> entries = entries(doc);
        Map<FeedFormat, byte[]> out = new EnumMap<>(FeedFormat.class);
        for (FeedFormat format : FeedFormat.values()) out.put(format, render(doc, format, entries));
        return out;
    }

    /**
     * A story's body HTML exactly as the feeds publish it, without the list of outlets the feeds
     * append: sanitized, in an RTL block, relative URLs made absolute against the story's link.
     * For the JSON API, which lists the outlets as data.
     */
    public static String bodyHtml(StoryView story) {
        Objects.requireNonNull(story, "story");
        return EntryContent.bodyHtml(story);
    }

    private static List<EntryContent> entries(FeedDocument doc) {
        List<EntryContent> entries = new ArrayList<>(doc.entries().size());
        for (StoryView story : doc.entries()) {
            if (story.tagId().isBlank()) {
                throw new IllegalArgumentException("story " + story.id() + " (" + story.link() + ") in feed "
                        + doc.feedId() + " has a blank tag id; every entry needs its stable id");
            }
            entries.add(EntryContent.of(story));
        }
        return entries;
    }

    private static byte[] render(FeedDocument doc, FeedFormat format, List<EntryContent> entries) {
        return switch (format) {
            case ATOM -> AtomRenderer.render(doc, entries);
            case RSS -> RssRenderer.render(doc, entries);
            case JSON -> JsonFeedRenderer.render(doc, entries);
        };
    }
}

package org.nashra.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a feed document as Atom 1.0, RSS 2.0 or JSON Feed 1.1 bytes (UTF-8).
 *
 * <p>Deterministic: the same document gives the same bytes, so a hash of them is a stable ETag.
 * Nothing here reads the clock. Every entry's HTML is sanitized here, whatever the caller did.
 * Thread-safe and stateless.
 */
public final class FeedWriter {

    static final String LANGUAGE = "ar";
    static final String GENERATOR = "Nashra";

    public byte[] write(FeedDocument doc, FeedFormat format) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(format, "format of feed " + doc.feedId());
        List<EntryContent> entries = new ArrayList<>(doc.entries().size());
        for (StoryView story : doc.entries()) entries.add(EntryContent.of(story));
        return switch (format) {
            case ATOM -> AtomRenderer.render(doc, entries);
            case RSS -> RssRenderer.render(doc, entries);
            case JSON -> JsonFeedRenderer.render(doc, entries);
        };
    }
}

package org.nashra.web;

import java.time.Instant;
import java.util.Comparator;
import org.nashra.publish.StoryView;
import org.nashra.store.StoryKey;

/**
 * An entry of a published feed with its place in the feed: a story's own key, or for an
 * other-news digest the key of its earliest member. Pages are cut and cursors written by it, so
 * every entry, story or digest, has exactly one place.
 *
 * @param changed when the store last changed the entry ({@link org.nashra.store.StoryRecord#changed()};
 *                a digest's newest member's): the document's Last-Modified is made of these
 */
record PagedEntry(StoryView view, StoryKey key, Instant changed) {
    static final Comparator<PagedEntry> NEWEST_FIRST = Comparator.comparing(PagedEntry::key).reversed();
}

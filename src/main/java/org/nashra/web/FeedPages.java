package org.nashra.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.nashra.publish.StoryView;
import org.nashra.store.StoryKey;
import org.nashra.store.StoryQuery;
import org.nashra.store.StoryRecord;
import org.nashra.store.StoryStore;

/**
 * Cuts a feed into pages: its stories and, in digest mode, its other-news windows, merged in one
 * order, so that walking the next links from the first page gives every entry of one big page,
 * once and in its place, and the previous links walk the same pages back.
 */
final class FeedPages {
    /**
     * @param entries newest first
     * @param more    whether entries lie beyond this page, away from its cursor, so that it links on
     * @param changed when the store last changed an entry of the page or the first one beyond it
     *                (which decides {@code more}), or null for an empty page
     * @param reach   the earliest publication time the page depends on: a story removed from there
     *                on may have been on it, or beyond it, or in one of its digests; null when the
     *                page reaches the end of the feed
     */
    record Page(List<PagedEntry> entries, boolean more, Instant changed, Instant reach) {
        Page {
            entries = List.copyOf(entries);
        }
    }

    private final StoryStore store;
    private final Function<StoryRecord, StoryView> view;

    FeedPages(StoryStore store, Function<StoryRecord, StoryView> view) {
        this.store = store;
        this.view = view;
    }

    /**
     * The first {@code n} entries below {@code from} (null: from the newest).
     *
     * @param digest the feed's other-news windows, or null when it has none
     */
    Page older(StoryQuery stories, DigestWindows digest, StoryKey from, int n) {
        return page(stories, digest, from, n, true);
    }

    /** The {@code n} entries just above {@code from}: the page before the one starting at {@code from}. */
    Page newer(StoryQuery stories, DigestWindows digest, StoryKey from, int n) {
        return page(stories, digest, from, n, false);
    }

    private Page page(StoryQuery stories, DigestWindows digest, StoryKey from, int n, boolean below) {
        // one entry more than the page shows says whether it links on
        List<StoryRecord> found = take(stories, from, n + 1, below);
        List<PagedEntry> merged = new ArrayList<>(found.size());
        for (StoryRecord s : found) merged.add(new PagedEntry(view.apply(s), s.key(), s.changed()));
        if (digest != null) {
            // beyond the last story found, no window can be among the n + 1 entries nearest from
            StoryKey limit = found.size() > n ? found.get(n).key() : null;
            merged.addAll(below ? digest.older(from, n + 1, limit) : digest.newer(from, n + 1, limit));
        }
        Comparator<PagedEntry> nearestFirst = below ? PagedEntry.NEWEST_FIRST : PagedEntry.NEWEST_FIRST.reversed();
        merged.sort(nearestFirst);
        List<PagedEntry> page = new ArrayList<>(merged.subList(0, Math.min(n, merged.size())));
        page.sort(PagedEntry.NEWEST_FIRST);
        // the entry just beyond the page is in it too: its arrival is what makes the page link on
        Instant changed = merged.subList(0, Math.min(n + 1, merged.size())).stream().map(PagedEntry::changed)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean more = merged.size() > n;
        // older entries: down to the one beyond, or every one when the page reaches the end; newer
        // entries: down to the cursor. A digest window holds what lies between its start and its
        // key, and sits elsewhere once its earliest item goes: from the start of the window there.
        Instant reach = !below ? from.published() : more ? merged.get(n).key().published() : null;
        if (reach != null && digest != null) reach = digest.windowStart(reach);
        return new Page(page, more, changed, reach);
    }

    /** Up to {@code count} stories nearest {@code from}, below or above it, in queries the store allows. */
    private List<StoryRecord> take(StoryQuery q, StoryKey from, int count, boolean below) {
        List<StoryRecord> out = new ArrayList<>();
        StoryKey bound = from;
        while (out.size() < count) {
            int want = Math.min(count - out.size(), 1000);
            List<StoryRecord> page = store.stories(below ? q.between(q.since(), bound, want) : q.above(bound, want));
            out.addAll(page);
            if (page.size() < want) break;
            bound = page.get(page.size() - 1).key();
        }
        return out;
    }
}

package org.nashra.web;

import java.util.ArrayList;
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
 * once and in its place.
 */
final class FeedPages {
    /** @param more whether entries lie beyond this page, so that it links to the next one */
    record Page(List<PagedEntry> entries, boolean more) {
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
     * The first {@code n} entries below {@code from} (null: from the newest), newest first.
     *
     * @param digest the feed's other-news windows, or null when it has none
     */
    Page older(StoryQuery stories, DigestWindows digest, StoryKey from, int n) {
        // one entry more than the page shows says whether there is a next page
        List<StoryRecord> found = take(stories, from, n + 1);
        List<PagedEntry> merged = new ArrayList<>(found.size());
        for (StoryRecord s : found) merged.add(new PagedEntry(view.apply(s), s.key()));
        if (digest != null) {
            // below the last story found, no window can be among the first n + 1 entries
            StoryKey floor = found.size() > n ? found.get(n).key() : null;
            merged.addAll(digest.older(from, n + 1, floor));
        }
        merged.sort(PagedEntry.NEWEST_FIRST);
        return new Page(merged.subList(0, Math.min(n, merged.size())), merged.size() > n);
    }

    /** Up to {@code count} stories below {@code from}, in queries the store allows. */
    private List<StoryRecord> take(StoryQuery q, StoryKey from, int count) {
        List<StoryRecord> out = new ArrayList<>();
        StoryKey bound = from;
        while (out.size() < count) {
            int want = Math.min(count - out.size(), 1000);
            List<StoryRecord> page = store.stories(q.between(q.since(), bound, want));
            out.addAll(page);
            if (page.size() < want) break;
            bound = page.get(page.size() - 1).key();
        }
        return out;
    }
}

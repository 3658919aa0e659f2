package org.nashra.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashra.extract.Role;
import org.nashra.store.StoryStore;
import org.nashra.text.NormalizedItem;

/**
 * The copies of one other-news item that a pass read on several of the outlet's pages. Each copy is
 * dated by the page it was read on, an upper bound of when the item came out; the item is stored
 * once (by its identity, {@link StoryStore#identity}), so the copy kept is the one of the earliest
 * page: the tightest of those bounds, whichever page the pass happened to read first.
 */
final class RepeatedOtherNews {
    private RepeatedOtherNews() {}

    /** The items with one copy of each other-news item, and how many copies were left out. */
    record Once(List<NormalizedItem> items, int repeats) {
        Once {
            items = List.copyOf(items);
        }
    }

    /**
     * Each other-news item once, at the place of its first copy, as the copy of the earliest date
     * (the first of those dated alike); other items as they are, in their order.
     */
    static Once onceEach(List<NormalizedItem> items) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<NormalizedItem> out = new ArrayList<>(items.size());
        int repeats = 0;
        for (NormalizedItem item : items) {
            if (item.raw().role() != Role.OTHER) {
                out.add(item);
                continue;
            }
            Integer at = seen.putIfAbsent(StoryStore.identity(item), out.size());
            if (at == null) {
                out.add(item);
                continue;
            }
            repeats++;
            if (item.published().isBefore(out.get(at).published())) out.set(at, item);
        }
        return new Once(out, repeats);
    }
}

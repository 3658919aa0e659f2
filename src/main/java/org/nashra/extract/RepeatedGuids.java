package org.nashra.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A guid that one feed gives to several items with different links identifies none of them: a CMS
 * that writes a constant or a category id there would otherwise have every item after the first
 * taken for a duplicate and lost. Those items are identified by their links instead.
 *
 * <p>Only the source's guids are judged. An other-news item's guid is Nashra's, made from its words
 * ({@link PageExtractor#textIdentity}) so that the item repeated on several of an outlet's pages,
 * each time under that page's link, is one item, stored once: its repeating is the point.
 */
public final class RepeatedGuids {
    private RepeatedGuids() {}

    /** The items, those whose guid repeats over different links without it; a note per such guid into {@code warnings}. */
    public static List<RawItem> resolve(List<RawItem> items, List<String> warnings) {
        Map<String, Set<String>> urls = new HashMap<>();
        for (RawItem i : items) {
            if (i.role() == Role.OTHER) continue;
            if (i.guid() != null && !i.guid().isBlank()) urls.computeIfAbsent(i.guid(), g -> new HashSet<>()).add(i.url());
        }
        Set<String> repeated = new HashSet<>();
        urls.forEach((guid, links) -> {
            if (links.size() > 1) repeated.add(guid);
        });
        if (repeated.isEmpty()) return items;
        for (String guid : repeated) {
            warnings.add("guid \"" + guid + "\" is given to " + urls.get(guid).size()
                    + " items with different links: they are told apart by their links");
        }
        List<RawItem> out = new ArrayList<>(items.size());
        for (RawItem i : items) {
            out.add(i.role() != Role.OTHER && i.guid() != null && repeated.contains(i.guid())
                    ? new RawItem(i.sourceId(), i.url(), null, i.title(), i.html(), i.text(), i.publishedRaw(), i.published(),
                            i.updated(), i.author(), i.image(), i.categories(), i.role(), i.parentUrl())
                    : i);
        }
        return out;
    }
}

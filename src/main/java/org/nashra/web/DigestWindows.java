package org.nashra.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nashra.publish.OtherNewsDigest;
import org.nashra.publish.StoryView;
import org.nashra.store.StoryKey;
import org.nashra.store.StoryQuery;
import org.nashra.store.StoryRecord;
import org.nashra.store.StoryStore;

/**
 * A digest feed's other-news entries, one a window, walked window by window from a cursor. Each
 * entry holds its whole window, whatever page it falls on, and sits in the feed at its earliest
 * member's key.
 */
final class DigestWindows {
    private final StoryStore store;
    private final StoryQuery others;
    private final Duration window;
    private final ZoneId zone;
    private final String feedTag;
    private final URI pages;
    private final Function<StoryRecord, StoryView> view;

    /**
     * @param others the feed's filters for other-news stories; their bound and limit are not used
     * @param pages  where the feed's digest pages are, which the entries link to ({@link OtherNewsDigest#build})
     */
    DigestWindows(StoryStore store, StoryQuery others, Duration window, ZoneId zone, String feedTag, URI pages,
                  Function<StoryRecord, StoryView> view) {
        this.store = store;
        this.others = others;
        this.window = window;
        this.zone = zone;
        this.feedTag = feedTag;
        this.pages = pages;
        this.view = view;
    }

    /**
     * Up to {@code n} digest entries below {@code from} (null: from the newest), newest first. A
     * window holding an other item below {@code from} is below it too, as its key is its
     * earliest item's; windows are walked until one would fall below {@code floor}, when given.
     */
    List<PagedEntry> older(StoryKey from, int n, StoryKey floor) {
        List<PagedEntry> out = new ArrayList<>();
        StoryKey bound = from;
        while (out.size() < n) {
            List<StoryRecord> newest = store.stories(others.between(others.since(), bound, 1));
            if (newest.isEmpty()) break;
            StoryRecord latest = newest.get(0);
            // the window's key is at most its newest item's: below the floor, so is every older window
            if (floor != null && latest.key().compareTo(floor) < 0) break;
            Instant start = OtherNewsDigest.windowStart(latest.published(), window, zone);
            out.add(entry(members(start)));
            bound = StoryKey.startOf(start);
        }
        return out;
    }

    /**
     * Up to {@code n} digest entries above {@code from}, oldest first. The window holding the
     * oldest other item above {@code from} may also hold items below it, and then sits below it;
     * windows are walked until one would rise above {@code ceiling}, when given.
     */
    List<PagedEntry> newer(StoryKey from, int n, StoryKey ceiling) {
        List<PagedEntry> out = new ArrayList<>();
        StoryKey bound = from;
        while (out.size() < n) {
            List<StoryRecord> oldest = store.stories(others.above(bound, 1));
            if (oldest.isEmpty()) break;
            StoryRecord first = oldest.get(0);
            // the window's key is its first item's, or lies below from: above the ceiling, every newer window is too
            if (ceiling != null && first.key().compareTo(ceiling) > 0) break;
            Instant start = OtherNewsDigest.windowStart(first.published(), window, zone);
            PagedEntry entry = entry(members(start));
            if (entry.key().compareTo(from) > 0) out.add(entry);
            bound = StoryKey.startOf(OtherNewsDigest.windowEnd(start, window, zone));
        }
        return out;
    }

    /**
     * The entry of the window starting at {@code start}, as the feed carries it; empty when {@code start}
     * begins no window of this feed's, or no other item of the feed falls in it.
     */
    Optional<StoryView> at(Instant start) {
        if (!windowStart(start).equals(start)) return Optional.empty();
        List<StoryRecord> members = members(start);
        return members.isEmpty() ? Optional.empty() : Optional.of(entry(members).view());
    }

    /** The start of the window holding {@code t}. */
    Instant windowStart(Instant t) {
        return OtherNewsDigest.windowStart(t, window, zone);
    }

    /** The end (exclusive) of the window starting at {@code start}. */
    Instant windowEnd(Instant start) {
        return OtherNewsDigest.windowEnd(start, window, zone);
    }

    /** Every other story of the window starting at {@code start}, within the feed's filters. */
    private List<StoryRecord> members(Instant start) {
        Instant since = others.since() != null && others.since().isAfter(start) ? others.since() : start;
        StoryQuery q = others.between(since, StoryKey.startOf(OtherNewsDigest.windowEnd(start, window, zone)), 1000);
        List<StoryRecord> out = new ArrayList<>();
        for (List<StoryRecord> page = store.stories(q); !page.isEmpty(); ) {
            out.addAll(page);
            if (page.size() < q.limit()) break;
            page = store.stories(q.between(since, page.get(page.size() - 1).key(), q.limit()));
        }
        return out;
    }

    private PagedEntry entry(List<StoryRecord> members) {
        List<StoryView> views = members.stream().map(view).toList();
        List<StoryView> digest = OtherNewsDigest.build(views, window, feedTag, zone, pages);
        if (digest.size() != 1) {
            throw new IllegalStateException("window of " + members.size() + " items made " + digest.size() + " digest entries");
        }
        StoryKey earliest = members.stream().map(StoryRecord::key).min(Comparator.naturalOrder()).orElseThrow();
        Instant changed = members.stream().map(StoryRecord::changed).max(Comparator.naturalOrder()).orElseThrow();
        return new PagedEntry(digest.get(0), earliest, changed);
    }
}

package org.nashra.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.nashra.publish.StoryView;
import org.nashra.store.StoryKey;
import org.nashra.store.StoryQuery;
import org.nashra.store.StoryRecord;
import org.nashra.store.StoryStore;

/**
 * A feed's RFC 5005 archives (section 4), one a past UTC day: the entries the feed places on that
 * day, as the feed shows them. Those are its stories first published that day and, in digest mode,
 * the other-news digests whose earliest item is of that day (each whole, with the same id and
 * content as in the feed, though its window may reach into the next day).
 *
 * <p>A day of more than {@link #PAGE} stories is several archive documents rather than one that
 * grows without bound (a day may hold tens of thousands, and every document is rendered whole in
 * memory): the day's own document holds its newest stories, page 2 the ones before them, and so
 * on, each linked to the next older by prev-archive and to the next newer by next-archive. Pages
 * are counted from the newest, so the chain a reader walks back from the feed runs through each
 * day's own URL, and a story arriving late, dated early in the day as date-only copies are,
 * reshapes only the oldest pages.
 */
final class DayArchives {
    /** Stories an archive document holds at most, besides the digests that fall among them. */
    static final int PAGE = 1000;

    /** An archive document: a day, and its page (1 for the day's own document, the newest). */
    record Place(LocalDate day, int page) {}

    /**
     * The newest entry of the feed before some time, which an archive link names.
     *
     * @param changed when the store last changed it
     * @param reach   the earliest publication its place depends on: its own, or its digest window's start
     */
    record Newest(StoryKey key, Instant changed, Instant reach) {
        LocalDate day() {
            return dayOf(key.published());
        }
    }

    /**
     * One archive document's content and links.
     *
     * @param entries newest first
     * @param prev    the next older archive, or null
     * @param next    the next newer archive, or null
     * @param changed when the store last changed what the document shows, its links included
     * @param reach   the earliest publication the document depends on (a story removed from there on
     *                may have changed it), or null when a removal of any older story may have
     */
    record Page(List<PagedEntry> entries, Place prev, Place next, Instant changed, Instant reach) {
        Page {
            entries = List.copyOf(entries);
        }
    }

    private final StoryStore store;
    private final StoryQuery stories;
    private final DigestWindows digest;
    private final Function<StoryRecord, StoryView> view;
    private final int pageSize;

    /**
     * @param stories the feed's own stories (its sources, exclusions and roles), without bounds
     * @param digest  the feed's other-news windows over the same filters, without bounds, or null
     *                when the feed publishes no digests
     */
    DayArchives(StoryStore store, StoryQuery stories, DigestWindows digest, Function<StoryRecord, StoryView> view,
                int pageSize) {
        if (pageSize < 1 || pageSize > 1000) throw new IllegalArgumentException("archive page size must be 1..1000, was " + pageSize);
        if (stories.since() != null || stories.before() != null || stories.after() != null) {
            throw new IllegalArgumentException("archives are of a whole feed, not of " + stories);
        }
        this.store = store;
        this.stories = stories;
        this.digest = digest;
        this.view = view;
        this.pageSize = pageSize;
    }

    /** The newest entry, story or digest, placed before {@code t}: its day is the newest archive before t. */
    Optional<Newest> newestBefore(Instant t) {
        StoryKey bound = StoryKey.startOf(t);
        Newest newest = null;
        List<StoryRecord> story = store.stories(stories.between(null, bound, 1));
        if (!story.isEmpty()) {
            StoryRecord s = story.get(0);
            newest = new Newest(s.key(), s.changed(), s.published());
        }
        if (digest != null) {
            // the window holding the newest other item before t is the newest one placed before t
            for (PagedEntry w : digest.older(bound, 1, newest == null ? null : newest.key())) {
                if (newest == null || w.key().compareTo(newest.key()) > 0) {
                    newest = new Newest(w.key(), w.changed(), digest.windowStart(w.key().published()));
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    /** How many documents the day's archive is: one a {@link #PAGE} stories, and one for a day without any. */
    int pages(LocalDate day) {
        long count = store.count(day(day));
        return (int) Math.max(1, (count + pageSize - 1) / pageSize);
    }

    /**
     * Page {@code page} of the day's archive, or empty when the day has fewer. Only days from the
     * feed's first entry to yesterday are archives; the caller says which is today.
     */
    Optional<Page> page(LocalDate day, int page, LocalDate today) {
        Instant start = startOf(day);
        Instant end = startOf(day.plusDays(1));
        StoryQuery ofDay = day(day);
        int pages = pages(day);
        if (page < 1 || page > pages) return Optional.empty();
        // page k holds the stories below the oldest of page k - 1, and the digests placed among them
        StoryKey upper = StoryKey.startOf(end);
        if (page > 1) {
            Optional<StoryKey> above = store.keyAt(ofDay, (long) (page - 1) * pageSize - 1);
            if (above.isEmpty()) return Optional.empty(); // the day lost stories since they were counted
            upper = above.get();
        }
        List<StoryRecord> found = store.stories(ofDay.between(start, upper, pageSize));
        StoryKey lower = page == pages || found.isEmpty() ? StoryKey.startOf(start) : found.get(found.size() - 1).key();
        List<PagedEntry> entries = new ArrayList<>(found.size());
        for (StoryRecord s : found) entries.add(new PagedEntry(view.apply(s), s.key(), s.changed()));
        if (digest != null) {
            for (PagedEntry w : digest.older(upper, Integer.MAX_VALUE, lower)) {
                if (w.key().compareTo(lower) >= 0) entries.add(w);
            }
        }
        entries.sort(PagedEntry.NEWEST_FIRST);

        // Every page depends on every story of its day: one arriving anywhere moves the page
        // boundaries after it, and the count decides which pages link on. In digest mode, on the
        // other items of every window that may be placed on the day too: one arriving before a
        // window's earliest item moves the window to another place, perhaps another day.
        Instant changed = store.lastChanged(ofDay);
        Instant reach = start;
        if (digest != null) {
            Instant from = digest.windowStart(start);
            Instant to = digest.windowEnd(digest.windowStart(end.minusNanos(1)));
            StoryQuery windows = stories.withRoles(StoryQuery.Roles.ANY).between(from, StoryKey.startOf(to), 1);
            changed = latest(changed, store.lastChanged(windows));
            reach = from;
        }
        if (changed == null) changed = start;

        Place prev = null;
        if (page < pages) {
            prev = new Place(day, page + 1);
        } else {
            Optional<Newest> older = newestBefore(start);
            if (older.isPresent()) {
                prev = new Place(older.get().day(), 1);
                changed = latest(changed, linkedSince(older.get()));
                reach = earliest(reach, older.get().reach());
            } else {
                // the older archive it linked to may have been removed
                reach = null;
            }
        }
        Place next = null;
        if (page > 1) {
            next = new Place(day, page - 1);
        } else if (day.plusDays(1).isBefore(today)) {
            // the next day's oldest page: its last, which moves as that day's stories are counted
            int nextPages = pages(day.plusDays(1));
            next = new Place(day.plusDays(1), nextPages);
            // the link appeared when that day was over
            changed = latest(changed, startOf(day.plusDays(2)));
            if (nextPages > 1) changed = latest(changed, store.lastChanged(day(day.plusDays(1))));
        }
        return Optional.of(new Page(entries, prev, next, changed, reach));
    }

    /**
     * Since when a link to the archive of {@code newest}'s day (the newest entry before the linking
     * document) has been there: since that day ended, or since the entry came to it.
     */
    static Instant linkedSince(Newest newest) {
        return latest(newest.changed(), startOf(newest.day().plusDays(1)));
    }

    /** The feed's stories first published on {@code day}, newest first. */
    private StoryQuery day(LocalDate day) {
        return stories.between(startOf(day), StoryKey.startOf(startOf(day.plusDays(1))), pageSize);
    }

    static LocalDate dayOf(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) return b;
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

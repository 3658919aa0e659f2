package org.nashra.store;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a story sits in a feed: its publication time, then its id for stories of one instant.
 * Feeds list stories by this key, newest first, and page by it; the time is the one the database
 * holds, to the microsecond, so a bound made from a story read back excludes exactly that story.
 */
public record StoryKey(Instant published, long id) implements Comparable<StoryKey> {
    private static final Comparator<StoryKey> ORDER =
            Comparator.comparing(StoryKey::published).thenComparingLong(StoryKey::id);

    public StoryKey {
        Objects.requireNonNull(published, "published of story " + id);
    }

    /** Below every story published at {@code t}: as a bound, "strictly before t" or "from t on". */
    public static StoryKey startOf(Instant t) {
        return new StoryKey(t, Long.MIN_VALUE);
    }

    /** Oldest first; feeds read it reversed. */
    @Override
    public int compareTo(StoryKey o) {
        return ORDER.compare(this, o);
    }
}

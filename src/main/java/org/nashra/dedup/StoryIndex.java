package org.nashra.dedup;

import java.time.Instant;
import java.util.List;
import org.nashra.text.NormalizedItem;

/**
 * Where fingerprints of stored items are looked up. Implemented in memory ({@link
 * InMemoryStoryIndex}) and in the database ({@code org.nashra.store.JdbcStoryIndex}).
 * Implementations must be safe for concurrent reads; writers serialize decide-then-add
 * themselves (see {@link Deduplicator}).
 */
public interface StoryIndex {

    /**
     * Stored items whose lookup keys ({@link Fingerprint#lookupKeys()}) collide with the item's,
     * published within {@code [from, to]}. May hold false candidates; never the same item twice.
     */
    List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to);

    /**
     * Members of one story published within {@code [from, to]}, earliest first, at most
     * {@code limit}; the story's first member is always included when it is in the window.
     */
    List<Candidate> members(long storyId, Instant from, Instant to, int limit);

    /** Records a stored item so later items can find it. */
    void add(long itemId, long storyId, NormalizedItem item, Fingerprint fp);
}

package org.nashra.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nashra.text.NormalizedItem;

/**
 * A {@link StoryIndex} in memory, for batch clustering, evaluation and tests: one {@link
 * KeyedCandidates}, the structure the database index keeps per span. Thread-safe.
 */
public final class InMemoryStoryIndex implements StoryIndex {
    /** Guarded by itself. */
    private final KeyedCandidates items = new KeyedCandidates();
    private int lookups;

    @Override
    public List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to) {
        List<Candidate> found = new ArrayList<>();
        synchronized (items) {
            int lookup = ++lookups;
            for (long key : fp.lookupKeys()) items.collect(key, from, to, found, Integer.MAX_VALUE, lookup);
        }
        return List.copyOf(found);
    }

    @Override
    public List<Candidate> members(long storyId, Instant from, Instant to, int limit) {
        List<Candidate> out = new ArrayList<>();
        synchronized (items) {
            items.members(storyId, from, to, out);
        }
        return KeyedCandidates.earliest(out, limit);
    }

    @Override
    public void add(long itemId, long storyId, NormalizedItem item, Fingerprint fp) {
        Candidate c = new Candidate(itemId, storyId, item.raw().sourceId(), item.raw().role(), item.agency(),
                item.published(), Fingerprint.stored(fp.shingles(), fp.titleTokens(), fp.words(), fp.numbers(), fp.titleOnly(),
                        fp.urlHash(), fp.bodyHash(), fp.titleHash()));
        synchronized (items) {
            items.add(c, fp.storeKeys());
        }
    }

    /** Number of items added. */
    public int size() {
        synchronized (items) {
            return items.size();
        }
    }
}

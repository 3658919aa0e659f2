package org.nashra.dedup;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;
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

    /**
     * What one decision reads: the item's {@link #candidates}, and the {@link #members} (at most
     * {@code memberLimit}, within {@code [from, to]}) of the stories it judges, each story's read once
     * however often the decision asks. The caller holds the ingest lock from the lookup until it has
     * added the item (see {@link Deduplicator}), so nothing is added in between, and an index may serve
     * the members from what it read for the candidates.
     */
    default Lookup lookup(NormalizedItem item, Fingerprint fp, Instant from, Instant to, int memberLimit) {
        return new Lookup(candidates(item, fp, from, to), storyId -> members(storyId, from, to, memberLimit));
    }

    /** One decision's reading of the index; not thread-safe: a decision is made on one thread. */
    final class Lookup {
        private final List<Candidate> candidates;
        private final LongFunction<List<Candidate>> loader;
        private final Map<Long, List<Candidate>> members = new HashMap<>();

        /** @param loader the members of a story, called once a story */
        public Lookup(List<Candidate> candidates, LongFunction<List<Candidate>> loader) {
            this.candidates = List.copyOf(candidates);
            this.loader = Objects.requireNonNull(loader, "loader");
        }

        public List<Candidate> candidates() {
            return candidates;
        }

        /** The story's members, earliest first, as {@link StoryIndex#members} gives them; loaded on the first call. */
        public List<Candidate> members(long storyId) {
            return members.computeIfAbsent(storyId, loader::apply);
        }
    }
}

package org.nashra.ingest;

import org.nashra.dedup.Deduplicator;
import org.nashra.dedup.Fingerprint;
import org.nashra.dedup.MatchDecision;
import org.nashra.dedup.StoryIndex;
import org.nashra.text.NormalizedItem;

/** Near-duplicate story assignment through the dedup stage and its persistent index. */
final class DedupAssigner implements StoryAssigner {
    private final Deduplicator deduplicator;
    private final StoryIndex index;

    DedupAssigner(Deduplicator deduplicator, StoryIndex index) {
        this.deduplicator = deduplicator;
        this.index = index;
    }

    @Override
    public Assignment assign(NormalizedItem item) {
        MatchDecision d = deduplicator.decide(item);
        return new Assignment(d.storyId(), d.rule(), d.score(), d.fingerprint());
    }

    @Override
    public void stored(long itemId, long storyId, NormalizedItem item, Assignment assignment) {
        index.add(itemId, storyId, item, (Fingerprint) assignment.token());
    }
}

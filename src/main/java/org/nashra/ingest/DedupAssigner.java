package org.nashra.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import org.nashra.dedup.Deduplicator;
import org.nashra.dedup.Fingerprint;
import org.nashra.dedup.MatchDecision;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.text.NormalizedItem;

/** Near-duplicate story assignment through the dedup stage; the item's index row commits with it. */
final class DedupAssigner implements StoryAssigner {
    private final Deduplicator deduplicator;
    private final JdbcStoryIndex index;

    DedupAssigner(Deduplicator deduplicator, JdbcStoryIndex index) {
        this.deduplicator = deduplicator;
        this.index = index;
    }

    @Override
    public Assignment assign(NormalizedItem item) {
        MatchDecision d = deduplicator.decide(item);
        return new Assignment(d.storyId(), d.rule(), d.score(), d.fingerprint());
    }

    @Override
    public void stored(Connection c, long itemId, long storyId, NormalizedItem item, Assignment assignment)
            throws SQLException {
        index.add(c, itemId, storyId, item, (Fingerprint) assignment.token());
    }
}

package org.nashra.ingest;

import org.nashra.config.DedupSettings;
import org.nashra.dedup.Deduplicator;
import org.nashra.store.JdbcStoryIndex;

/** Factory for the story assigners ingestion can run with. */
public final class Assigners {
    private Assigners() {}

    /** Exact and near-duplicate matching across sources, with the index in the database. */
    public static StoryAssigner dedup(JdbcStoryIndex index, DedupSettings settings) {
        return new DedupAssigner(new Deduplicator(index, settings), index);
    }
}

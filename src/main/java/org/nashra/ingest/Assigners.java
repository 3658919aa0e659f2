package org.nashra.ingest;

import org.nashra.config.DedupSettings;
import org.nashra.dedup.Deduplicator;
import org.nashra.dedup.StoryIndex;

/** Factory for the story assigners ingestion can run with. */
public final class Assigners {
    private Assigners() {}

    /** Every item its own story; exact (source, guid) duplicates are still caught by the store. */
    public static StoryAssigner exactOnly() {
        return new ExactAssigner();
    }

    /** Exact and near-duplicate matching across sources, with the index in the database. */
    public static StoryAssigner dedup(StoryIndex index, DedupSettings settings) {
        return new DedupAssigner(new Deduplicator(index, settings), index);
    }
}

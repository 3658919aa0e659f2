package org.nashra.ingest;

import org.nashra.text.NormalizedItem;

/** The dedup stage as ingestion sees it: decide, then learn of the stored item. */
public interface StoryAssigner {
    Assignment assign(NormalizedItem item);

    void stored(long itemId, long storyId, NormalizedItem item, Assignment assignment);
}

package org.nashra.ingest;

import org.nashra.text.NormalizedItem;

/**
 * Until near-duplicate detection is wired: every item starts its own story. Exact duplicates
 * within a source are caught by the store's unique key.
 */
final class ExactAssigner implements StoryAssigner {
    @Override public Assignment assign(NormalizedItem item) {
        return Assignment.newStory();
    }

    @Override public void stored(long itemId, long storyId, NormalizedItem item, Assignment assignment) {}
}

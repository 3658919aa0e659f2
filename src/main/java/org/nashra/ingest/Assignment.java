package org.nashra.ingest;

/**
 * Which story an item joins, decided before it is stored.
 *
 * @param storyId null to start a new story
 * @param token   whatever the assigner needs back after the item is stored (a fingerprint)
 */
public record Assignment(Long storyId, String rule, double score, Object token) {
    public static Assignment newStory() {
        return new Assignment(null, "new", 0, null);
    }
}

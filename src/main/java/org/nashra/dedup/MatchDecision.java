package org.nashra.dedup;

import java.util.Objects;

/**
 * What {@link Deduplicator#decide} concluded for one item.
 *
 * @param storyId     the story the item joins, or null to start a new story
 * @param rule        {@link MatchRule#wire()} of the rule that matched, or "new"
 * @param score       similarity to the story (1.0 for exact rules, 0 for a new story)
 * @param explanation one line saying why, with the figures
 * @param fingerprint the item's fingerprint, to pass on to {@link StoryIndex#add}
 */
public record MatchDecision(Long storyId, String rule, double score, String explanation,
                            Fingerprint fingerprint) {
    public MatchDecision {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(fingerprint, "fingerprint");
        explanation = explanation == null ? "" : explanation;
    }

    public boolean isNewStory() {
        return storyId == null;
    }
}

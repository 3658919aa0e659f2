package org.nashra.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An outlet's items of another day that are alike to the item being filed: the floor its match with
 * the same outlet's items of the last hours must clear.
 *
 * <p>Daily items (a weather bulletin, prices, a recurring announcement) keep most of their words
 * from one day to the next. When only crawl times are known, two consecutive editions can sit hours
 * apart, under the gap that makes another day, and the next edition then passes for a copy of the
 * last. An edition more than that gap away is certainly another day's: when the item is no more
 * alike to the outlet's item of the last hours than to that edition, it is the next edition, and
 * that match does not count. A real copy sits well above the floor, and the floor is near zero
 * for an item that has no such edition. Copies from other outlets are not held to it.
 */
final class OtherDayEditions {
    /** How much more alike than another day's edition a match of the day must be. */
    static final double MARGIN = 0.10;

    private record Edition(long itemId, long storyId, Similarity similarity) {}

    private final List<Edition> editions = new ArrayList<>();

    /**
     * Files a candidate of another day. Only one that the near rule would not take by its words
     * is an edition: one at least that alike is a copy carried again (or a follow-up), and one
     * with other figures or weekdays is told apart by them, whatever its words.
     */
    void add(Candidate c, Similarity similarity, PairMatcher matcher) {
        if (similarity.numbersAgree() && similarity.bodyJaccard() < matcher.threshold()
                && similarity.containment() < matcher.containmentThreshold()) {
            editions.add(new Edition(c.itemId(), c.storyId(), similarity));
        }
    }

    boolean isEmpty() {
        return editions.isEmpty();
    }

    /**
     * Null when the verdict clears the floor of the editions outside {@code storyId} (members of
     * the story itself are not another day's edition of it); otherwise why it does not.
     */
    String belowFloor(PairMatcher.Verdict v, long storyId) {
        Similarity s = v.similarity();
        for (Edition e : editions) {
            if (e.storyId == storyId) continue;
            Similarity f = e.similarity;
            boolean clears = v.rule() == MatchRule.TITLE
                    ? s.titleJaccard() >= f.titleJaccard() + MARGIN
                    : s.bodyJaccard() >= f.bodyJaccard() + MARGIN || s.containment() >= f.containment() + MARGIN
                            || s.wordJaccard() >= f.wordJaccard() + MARGIN;
            if (!clears) {
                return String.format(Locale.ROOT,
                        "the outlet's own item there is no more alike (Jaccard %.2f, containment %.2f, word Jaccard %.2f) than its item %d of another day (%.2f, %.2f, %.2f)",
                        s.bodyJaccard(), s.containment(), s.wordJaccard(), e.itemId,
                        f.bodyJaccard(), f.containment(), f.wordJaccard());
            }
        }
        return null;
    }
}

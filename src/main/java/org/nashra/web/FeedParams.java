package org.nashra.web;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * Query parameters of a published feed.
 *
 * @param before paging cursor "epochMillis-storyId" of the last entry of the previous page, or null
 */
public record FeedParams(int limit, String q, Set<String> exclude, Set<String> source, Set<String> group,
                         Instant since, String before) {
    public FeedParams {
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        source = source == null ? Set.of() : Set.copyOf(source);
        group = group == null ? Set.of() : Set.copyOf(group);
        q = q == null || q.isBlank() ? null : q.strip();
    }

    public static FeedParams defaults(int limit) {
        return new FeedParams(limit, null, Set.of(), Set.of(), Set.of(), null, null);
    }

    /** Stable text of the parameters: cache key and query string of paging links. */
    String cacheKey() {
        return limit + "|" + q + "|" + new TreeSet<>(exclude) + "|" + new TreeSet<>(source) + "|"
                + new TreeSet<>(group) + "|" + since + "|" + before;
    }
}

package org.nashra.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Query parameters of a published feed.
 *
 * @param before paging cursor ({@link Cursor}) of the last entry of the page before, for the next
 *               link: entries below it; or null
 * @param after  paging cursor of the first entry of the page after, for the previous link: the
 *               entries just above it; or null. Not both.
 */
public record FeedParams(int limit, String q, Set<String> exclude, Set<String> source, Set<String> group,
                         Instant since, String before, String after) {
    public FeedParams {
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
        source = source == null ? Set.of() : Set.copyOf(source);
        group = group == null ? Set.of() : Set.copyOf(group);
        q = q == null || q.isBlank() ? null : q.strip();
        if (before != null && after != null) {
            throw new IllegalArgumentException("give 'before' (next page) or 'after' (previous page), not both");
        }
    }

    public static FeedParams defaults(int limit) {
        return new FeedParams(limit, null, Set.of(), Set.of(), Set.of(), null, null, null);
    }

    /** The first page: no cursor. */
    boolean first() {
        return before == null && after == null;
    }

    /** Stable text of the parameters, the cache key. */
    String cacheKey() {
        return limit + "|" + q + "|" + new TreeSet<>(exclude) + "|" + new TreeSet<>(source) + "|"
                + new TreeSet<>(group) + "|" + since + "|" + before + "|" + after;
    }

    /**
     * The query string of a paging link without its cursor: every parameter that chooses the
     * entries, so the next page is a page of the same feed (the links once kept only limit and q,
     * and a page of ?source=wafa went on with every source).
     */
    String linkQuery() {
        List<String> out = new ArrayList<>();
        if (limit > 0) out.add("limit=" + limit);
        if (q != null) out.add("q=" + encode(q));
        if (!source.isEmpty()) out.add("source=" + encode(String.join(",", new TreeSet<>(source))));
        if (!group.isEmpty()) out.add("group=" + encode(String.join(",", new TreeSet<>(group))));
        if (!exclude.isEmpty()) out.add("exclude=" + encode(String.join(",", new TreeSet<>(exclude))));
        if (since != null) out.add("since=" + encode(since.toString()));
        return String.join("&", out);
    }

    /** {@link #linkQuery} without the limit: what chooses the entries, so what names a filtered feed. */
    String selectionQuery() {
        return new FeedParams(0, q, exclude, source, group, since, null, null).linkQuery();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}

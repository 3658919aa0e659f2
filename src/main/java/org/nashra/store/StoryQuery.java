package org.nashra.store;

import java.time.Instant;
import java.util.Set;

/**
 * Which stories a published feed (or an API call) wants.
 *
 * @param sources        member sources to include; null = every source
 * @param excluded       stories with a member from these sources are left out
 * @param roles          MAIN_ONLY: stories with a main member; OTHER_ONLY: stories made only of
 *                       other-news items; ANY
 * @param matchKey       matching key every result must contain (title or body), or null
 * @param since          only stories published at or after, or null
 * @param before         paging bound: only stories whose key is strictly below it, or null
 * @param after          paging bound: only stories whose key is strictly above it, or null; when
 *                       set, the stories nearest it come first (oldest first), so a page of the
 *                       stories just above a cursor is the first {@code limit}
 */
public record StoryQuery(Set<String> sources, Set<String> excluded, Roles roles, String matchKey,
                         Instant since, StoryKey before, StoryKey after, int limit) {
    public enum Roles { MAIN_ONLY, OTHER_ONLY, ANY }

    public StoryQuery {
        sources = sources == null ? null : Set.copyOf(sources);
        excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        roles = roles == null ? Roles.ANY : roles;
        if (limit <= 0 || limit > 1000) throw new IllegalArgumentException("limit must be 1..1000, was " + limit);
    }

    /** Newest first, below {@code before} when given. */
    public StoryQuery(Set<String> sources, Set<String> excluded, Roles roles, String matchKey,
                      Instant since, StoryKey before, int limit) {
        this(sources, excluded, roles, matchKey, since, before, null, limit);
    }

    /** The same filters over another stretch of the feed, newest first: paging walks it with one query. */
    public StoryQuery between(Instant since, StoryKey before, int limit) {
        return new StoryQuery(sources, excluded, roles, matchKey, since, before, null, limit);
    }

    /** The same filters above {@code after}, oldest first: a page walked towards the newest. */
    public StoryQuery above(StoryKey after, int limit) {
        return new StoryQuery(sources, excluded, roles, matchKey, since, null, after, limit);
    }

    /** The same filters for other stories, as a digest's other news beside the main ones. */
    public StoryQuery withRoles(Roles roles) {
        return new StoryQuery(sources, excluded, roles, matchKey, since, before, after, limit);
    }
}

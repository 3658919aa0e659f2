package org.nashra.config;

import java.util.List;
import java.util.Objects;

/**
 * One published feed: a view over stories. A story is included when one of its members comes
 * from a listed source or from a source in a listed group ({@code "*"} means every group), and
 * none of them comes from an excluded source: a story an excluded source carried is left out
 * whole, even when an included source carried it too, exactly as the {@code ?exclude=} parameter
 * leaves it out. {@link #includes} alone does not say that: it is about sources, not stories.
 */
public record FeedConfig(String id, String title, String description, List<String> sources,
                         List<String> groups, List<String> excludeSources, OtherNewsMode otherNews,
                         int limit) {
    public FeedConfig {
        Objects.requireNonNull(id, "feed id");
        title = title == null ? id : title;
        description = description == null ? title : description;
        sources = sources == null ? List.of() : List.copyOf(sources);
        groups = groups == null ? List.of() : List.copyOf(groups);
        excludeSources = excludeSources == null ? List.of() : List.copyOf(excludeSources);
        otherNews = otherNews == null ? OtherNewsMode.DIGEST : otherNews;
        if (limit <= 0) limit = 50;
    }

    /**
     * Whether the source's stories may be in the feed: listed, or in a listed group, and not
     * excluded. A story it carried is still left out when an excluded source carried it too.
     */
    public boolean includes(SourceConfig source) {
        if (excludeSources.contains(source.id())) return false;
        if (sources.contains(source.id())) return true;
        if (groups.contains("*")) return true;
        return source.groups().stream().anyMatch(groups::contains);
    }
}

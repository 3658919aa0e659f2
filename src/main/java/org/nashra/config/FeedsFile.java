package org.nashra.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The validated content of feeds.yml. */
public record FeedsFile(Path path, List<SourceConfig> sources, List<FeedConfig> feeds, DedupSettings dedup) {
    public FeedsFile {
        sources = List.copyOf(sources);
        feeds = List.copyOf(feeds);
    }

    public Optional<SourceConfig> source(String id) {
        return sources.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<FeedConfig> feed(String id) {
        return feeds.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}

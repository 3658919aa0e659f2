package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;

/** How long a feed may be kept (its max-age and RSS ttl), from how often its sources are polled. */
class FreshnessTest {
    private static final String ONE_FEED = """
            feeds:
              - { id: all, include: { groups: ["*"] } }
            """;

    @TempDir
    Path dir;

    @Test
    void halfTheDefaultIntervalInWholeMinutes() throws Exception {
        // min_interval defaults to interval (15m): 7m30s, rounded down
        assertThat(allOf("")).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void theFastestMinIntervalCountsNotTheStartingInterval() throws Exception {
        assertThat(allOf("defaults: { interval: 1h, min_interval: 24m }\n")).isEqualTo(Duration.ofMinutes(12));
    }

    @Test
    void neverUnderFiveMinutesNorOverFifteen() throws Exception {
        assertThat(allOf("defaults: { interval: 15m, min_interval: 2m }\n")).isEqualTo(Duration.ofMinutes(5));
        assertThat(allOf("defaults: { interval: 2h }\n")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void onlyTheFeedsOwnSourcesCount() throws Exception {
        FeedsFile f = load("""
                sources:
                  - { id: fast, url: "https://fast.example/rss", groups: [a], interval: 12m }
                  - { id: slow, url: "https://slow.example/rss", groups: [b], interval: 40m }
                feeds:
                  - { id: all, include: { groups: ["*"] } }
                  - { id: a, include: { groups: [a] } }
                  - { id: b, include: { groups: [b] } }
                """);
        assertThat(Freshness.of(f, f.feed("all").orElseThrow())).isEqualTo(Duration.ofMinutes(6));
        assertThat(Freshness.of(f, f.feed("a").orElseThrow())).isEqualTo(Duration.ofMinutes(6));
        assertThat(Freshness.of(f, f.feed("b").orElseThrow())).isEqualTo(Duration.ofMinutes(15));
    }

    /** The one feed of one source under the given defaults. */
    private Duration allOf(String defaults) throws Exception {
        FeedsFile f = load(defaults + """
                sources:
                  - { id: s, url: "https://s.example/rss" }
                """ + ONE_FEED);
        return Freshness.of(f, f.feed("all").orElseThrow());
    }

    private FeedsFile load(String yml) throws Exception {
        return ConfigLoader.loadFeeds(Files.writeString(dir.resolve("feeds.yml"), yml));
    }
}

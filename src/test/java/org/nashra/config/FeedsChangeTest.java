package org.nashra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedsChangeTest {
    @TempDir Path dir;

    FeedsFile load(String yaml) throws Exception {
        Path p = dir.resolve("feeds.yml");
        Files.writeString(p, yaml);
        return ConfigLoader.loadFeeds(p);
    }

    @Test
    void namesTheSourcesAndFeedsAnEditAddsRemovesAndChanges() throws Exception {
        FeedsFile before = load("""
                sources:
                  - { id: wafa, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: dijla, url: "https://dijla.example/rss" }
                  - { id: nile, url: "https://nile.example/rss" }
                feeds:
                  - { id: all, include: { groups: ["*"] } }
                  - { id: iraq, include: { groups: [iraq] } }
                """);
        FeedsFile after = load("""
                sources:
                  - { id: wafa, url: "https://wafa.example/rss", groups: [iraq], interval: 5m }
                  - { id: nile, url: "https://nile.example/rss" }
                  - { id: furat, url: "https://furat.example/rss" }
                feeds:
                  - { id: all, include: { groups: ["*"] } }
                  - { id: iraq, title: العراق, include: { groups: [iraq] } }
                  - { id: nile-only, include: { sources: [nile] } }
                dedup: { window: 48h }
                """);
        FeedsChange change = FeedsChange.between(before, after);
        assertThat(change.addedSources()).containsExactly("furat");
        assertThat(change.removedSources()).containsExactly("dijla");
        assertThat(change.changedSources()).containsExactly("wafa");
        assertThat(change.changedFeeds()).containsExactly("iraq", "nile-only");
        assertThat(change.dedupChanged()).isTrue();
        assertThat(change).hasToString("sources added: furat; sources removed: dijla; sources changed: wafa;"
                + " feeds changed: iraq, nile-only; dedup changed");
    }

    @Test
    void aRemovedFeedIsAChangedOneAndTheSameFileIsNoChange() throws Exception {
        String sources = "sources:\n  - { id: wafa, url: \"https://wafa.example/rss\" }\n";
        FeedsFile two = load(sources + "feeds:\n  - { id: all }\n  - { id: old }\n");
        FeedsFile one = load(sources + "feeds:\n  - { id: all }\n");
        assertThat(FeedsChange.between(two, one).changedFeeds()).containsExactly("old");
        assertThat(FeedsChange.between(one, one).isEmpty()).isTrue();
        assertThat(FeedsChange.between(one, one)).hasToString("nothing");
    }

    @Test
    void settingsNameTheTopLevelKeysThatDifferAndNoValues() {
        Settings running = ConfigLoader.defaultSettings(dir);
        Settings edited = running.withDatabase(new DatabaseSettings("jdbc:postgresql://db/nashra", "nashra", "secret", 8, true))
                .withHttp(new HttpSettings("0.0.0.0", 9090, running.http().baseUrl(), null, running.http().tagAuthority()));
        assertThat(running.differences(running)).isEmpty();
        assertThat(running.differences(edited)).containsExactly("http", "database");
        assertThat(running.differences(new Settings(running.http(), running.database(), running.fetch(), Duration.ofDays(7),
                running.workerThreads(), running.dataDir()))).containsExactly("retention");
    }
}

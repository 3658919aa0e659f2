package org.nashra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watcher on real files in a temporary directory. Polls are made by hand ({@link ConfigWatcher#poll}),
 * so nothing here waits on a clock, except the one test of the polling thread.
 */
class ConfigWatcherTest {
    static final String ONE_SOURCE = """
            sources:
              - { id: wafa, url: "https://wafa.example/rss" }
            """;
    static final String TWO_SOURCES = ONE_SOURCE + """
              - { id: dijla, url: "https://dijla.example/rss" }
            """;

    @TempDir Path dir;
    Path feeds;
    Path settings;

    @BeforeEach
    void files() throws Exception {
        feeds = dir.resolve("feeds.yml");
        settings = dir.resolve("nashra.yml");
        write(feeds, ONE_SOURCE);
        write(settings, "http: { port: 8080 }\n");
    }

    ConfigWatcher watcher() throws Exception {
        ConfigWatcher w = new ConfigWatcher(feeds, settings, false, dir, Duration.ofSeconds(2));
        assertThat(w.load().feeds().sources()).extracting(SourceConfig::id).containsExactly("wafa");
        return w;
    }

    static void write(Path p, String text) throws Exception {
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    static List<String> sourceIds(Optional<ConfigEdit> edit) {
        assertThat(edit).isPresent().get().isInstanceOf(ConfigEdit.Valid.class);
        return ((ConfigEdit.Valid) edit.get()).feeds().sources().stream().map(SourceConfig::id).toList();
    }

    @Test
    void anEditIsHandedOnOnceItReadsTheSameAtTwoPollsInARow() throws Exception {
        ConfigWatcher w = watcher();
        assertThat(w.poll()).as("nothing edited").isEmpty();
        write(feeds, TWO_SOURCES);
        assertThat(w.poll()).as("first sight of the edit: it may still be being written").isEmpty();
        assertThat(sourceIds(w.poll())).containsExactly("wafa", "dijla");
        w.handled();
        assertThat(w.poll()).as("handed on once").isEmpty();
    }

    @Test
    void aFileStillBeingWrittenIsNotReadHalfWay() throws Exception {
        ConfigWatcher w = watcher();
        // the first half of TWO_SOURCES, cut inside the second source's mapping: invalid YAML on its own
        write(feeds, TWO_SOURCES.substring(0, TWO_SOURCES.indexOf("dijla.example")));
        assertThat(w.poll()).isEmpty();
        write(feeds, TWO_SOURCES);
        assertThat(w.poll()).as("changed since the last poll: still being written").isEmpty();
        assertThat(sourceIds(w.poll())).containsExactly("wafa", "dijla");
    }

    @Test
    void aTouchThatLeavesTheContentAsItWasIsNoEdit() throws Exception {
        ConfigWatcher w = watcher();
        Files.setLastModifiedTime(feeds, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(w.poll()).isEmpty();
        assertThat(w.poll()).isEmpty();
    }

    @Test
    void anEditChangedBackBeforeItSettledIsNoEdit() throws Exception {
        ConfigWatcher w = watcher();
        write(feeds, TWO_SOURCES);
        assertThat(w.poll()).isEmpty();
        write(feeds, ONE_SOURCE);
        assertThat(w.poll()).isEmpty();
        assertThat(w.poll()).isEmpty();
    }

    @Test
    void anEditWhoseHandlerFailedIsHandedOnAgain() throws Exception {
        ConfigWatcher w = watcher();
        write(feeds, TWO_SOURCES);
        w.poll();
        assertThat(sourceIds(w.poll())).containsExactly("wafa", "dijla");
        // no handled(): the service could not apply it (its database away for a moment)
        assertThat(sourceIds(w.poll())).as("retried").containsExactly("wafa", "dijla");
    }

    @Test
    void anInvalidEditIsHandedOnWithTheFileLineAndReasonAndAFixAfterIt() throws Exception {
        ConfigWatcher w = watcher();
        write(feeds, """
                sources:
                  - id: wafa
                    url: https://wafa.example/rss
                    intervall: 5m
                """);
        w.poll();
        Optional<ConfigEdit> edit = w.poll();
        assertThat(edit).get().isInstanceOf(ConfigEdit.Invalid.class);
        List<ConfigError> errors = ((ConfigEdit.Invalid) edit.get()).errors();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(feeds);
        assertThat(errors.get(0).line()).isEqualTo(4);
        assertThat(errors.get(0).message()).contains("unknown key").contains("intervall");
        w.handled();

        write(feeds, TWO_SOURCES);
        w.poll();
        assertThat(sourceIds(w.poll())).containsExactly("wafa", "dijla");
    }

    /** Editors that save by renaming a new file over the old one: a WatchService key on the old file sees nothing. */
    @Test
    void aFileReplacedByARenameIsRead() throws Exception {
        ConfigWatcher w = watcher();
        Path tmp = dir.resolve("feeds.yml.tmp");
        write(tmp, TWO_SOURCES);
        Files.move(tmp, feeds, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        w.poll();
        assertThat(sourceIds(w.poll())).containsExactly("wafa", "dijla");
    }

    @Test
    void aDeletedFileIsAnInvalidEdit() throws Exception {
        ConfigWatcher w = watcher();
        Files.delete(feeds);
        w.poll();
        Optional<ConfigEdit> edit = w.poll();
        assertThat(edit).get().isInstanceOf(ConfigEdit.Invalid.class);
        assertThat(((ConfigEdit.Invalid) edit.get()).errors()).extracting(ConfigError::toString)
                .containsExactly(feeds + ": file not found");
    }

    @Test
    void anEditOfTheSettingsIsHandedOnWithBothFiles() throws Exception {
        ConfigWatcher w = watcher();
        write(settings, "http: { port: 9090 }\n");
        w.poll();
        Optional<ConfigEdit> edit = w.poll();
        assertThat(edit).get().isInstanceOf(ConfigEdit.Valid.class);
        ConfigEdit.Valid valid = (ConfigEdit.Valid) edit.get();
        assertThat(valid.settings().http().port()).isEqualTo(9090);
        assertThat(valid.feeds().sources()).extracting(SourceConfig::id).containsExactly("wafa");
    }

    @Test
    void anInvalidSettingsFileMakesTheWholeEditInvalid() throws Exception {
        ConfigWatcher w = watcher();
        write(feeds, TWO_SOURCES);
        write(settings, "http: { port: eighty }\n");
        w.poll();
        Optional<ConfigEdit> edit = w.poll();
        assertThat(edit).get().isInstanceOf(ConfigEdit.Invalid.class);
        assertThat(((ConfigEdit.Invalid) edit.get()).errors()).extracting(ConfigError::file).containsExactly(settings);
    }

    @Test
    void theDefaultSettingsFileMayBeAbsentAndAppearLater() throws Exception {
        Files.delete(settings);
        ConfigWatcher w = new ConfigWatcher(feeds, settings, true, dir, Duration.ofSeconds(2));
        assertThat(w.load().settings()).isEqualTo(ConfigLoader.defaultSettings(dir));
        write(settings, "worker_threads: 8\n");
        w.poll();
        Optional<ConfigEdit> edit = w.poll();
        assertThat(edit).get().isInstanceOf(ConfigEdit.Valid.class);
        assertThat(((ConfigEdit.Valid) edit.get()).settings().workerThreads()).isEqualTo(8);
    }

    @Test
    void anInvalidConfigurationAtStartIsAnErrorWithItsLine() throws Exception {
        write(feeds, "sources:\n  - { id: Bad Id, url: \"https://x.example/\" }\n");
        ConfigWatcher w = new ConfigWatcher(feeds, settings, false, dir, Duration.ofSeconds(2));
        assertThatThrownBy(w::load).isInstanceOf(ConfigException.class).hasMessageContaining(feeds + ":2:");
    }

    @Test
    void startedItPollsOnItsOwnThreadAndHandsEachEditOnOnce() throws Exception {
        BlockingQueue<ConfigEdit> edits = new LinkedBlockingQueue<>();
        try (ConfigWatcher w = new ConfigWatcher(feeds, settings, false, dir, Duration.ofMillis(50))) {
            w.load();
            w.start(edits::add);
            write(feeds, TWO_SOURCES);
            ConfigEdit edit = edits.poll(20, TimeUnit.SECONDS);
            assertThat(sourceIds(Optional.ofNullable(edit))).containsExactly("wafa", "dijla");
            assertThat(edits.poll(500, TimeUnit.MILLISECONDS)).as("once").isNull();
        }
    }
}

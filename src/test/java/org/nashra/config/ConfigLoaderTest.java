package org.nashra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir Path dir;

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("feeds.yml");
        Files.writeString(p, yaml, StandardCharsets.UTF_8);
        return p;
    }

    private static List<ConfigError> errorsOf(Path p) {
        try {
            ConfigLoader.loadFeeds(p);
        } catch (ConfigException e) {
            return e.errors();
        }
        throw new AssertionError("expected errors in " + p);
    }

    /** QA: the duplicate was reported only once the first copy's other error was fixed, a second run later. */
    @Test
    void aDuplicateIdIsReportedBesideTheFirstCopysOwnError() throws Exception {
        Path p = write("""
                sources:
                  - id: dup
                    url: https://a.example/rss
                    priority: high
                  - id: dup
                    url: https://b.example/rss
                feeds:
                  - id: all
                    title: كل الأخبار
                    items: 500000
                  - id: all
                    title: مرة أخرى
                """);
        assertThat(errorsOf(p)).extracting(ConfigError::toString).anySatisfy(e -> assertThat(e).contains("feeds.yml:4:").contains("priority"))
                .anySatisfy(e -> assertThat(e).contains("feeds.yml:5:").contains("duplicate source id 'dup' (first defined at line 2)"))
                .anySatisfy(e -> assertThat(e).contains("feeds.yml:11:").contains("duplicate feed id 'all'"));
    }

    @Test
    void brokenFileReportsEveryProblemWithItsLine() throws Exception {
        Path broken = Path.of(getClass().getResource("/config/broken.yml").toURI());
        List<ConfigError> errors = errorsOf(broken);
        assertThat(errors).extracting(ConfigError::toString).anySatisfy(e ->
                assertThat(e).contains("broken.yml:6:").contains("missing required key 'sources[1].url'"));
        assertThat(errors).extracting(ConfigError::toString).anySatisfy(e ->
                assertThat(e).contains("broken.yml:9:").contains("duplicate source id 'good'").contains("line 3"));
        assertThat(errors).extracting(ConfigError::toString).anySatisfy(e ->
                assertThat(e).contains("broken.yml:13:").contains("unknown key 'sources[3].intervall'").contains("interval"));
        assertThat(errors).extracting(ConfigError::toString).anySatisfy(e ->
                assertThat(e).contains("broken.yml:16:").contains("'sources[4].interval' must be a duration").contains("'soon'"));
        assertThat(errors).hasSize(4);
    }

    @Test
    void validFileLoadsWithDefaultsApplied() throws Exception {
        FeedsFile f = ConfigLoader.loadFeeds(write("""
                defaults: { interval: 20m, timezone: Asia/Baghdad }
                sources:
                  - id: wafa
                    name: وفا
                    url: https://example.org/rss
                    groups: [iraq, gulf]
                    priority: 3
                    article: { body: .entry-content, remove: [.share, .ads] }
                feeds:
                  - id: iraq
                    title: العراق
                    include: { groups: [iraq] }
                    other_news: separate
                """));
        SourceConfig s = f.source("wafa").orElseThrow();
        assertThat(s.interval()).isEqualTo(Duration.ofMinutes(20));
        assertThat(s.timezone().getId()).isEqualTo("Asia/Baghdad");
        assertThat(s.type()).isEqualTo(SourceType.AUTO);
        assertThat(s.article().remove()).containsExactly(".share", ".ads");
        FeedConfig feed = f.feed("iraq").orElseThrow();
        assertThat(feed.otherNews()).isEqualTo(OtherNewsMode.SEPARATE);
        assertThat(feed.includes(s)).isTrue();
        assertThat(f.dedup()).isEqualTo(DedupSettings.DEFAULT);
    }

    @Test
    void intervalBelowOneMinuteIsRefused() throws Exception {
        List<ConfigError> errors = errorsOf(write("""
                sources:
                  - id: a
                    url: https://example.org/a
                    interval: 10s
                """));
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("shorter than the minimum");
        });
    }

    @Test
    void unknownTypeAndOtherNewsModeNameTheChoices() throws Exception {
        List<ConfigError> errors = errorsOf(write("""
                sources:
                  - id: a
                    url: https://example.org/a
                    type: podcast
                feeds:
                  - id: all
                    other_news: hide
                """));
        assertThat(errors).extracting(ConfigError::toString)
                .anySatisfy(e -> assertThat(e).contains(":4: source type 'podcast' is not one of rss, atom, json, html, auto"))
                .anySatisfy(e -> assertThat(e).contains(":7: other_news 'hide' is not one of digest, separate, inline, drop"));
    }

    @Test
    void feedNamingUnknownSourceOrGroupIsAnError() throws Exception {
        List<ConfigError> errors = errorsOf(write("""
                sources:
                  - id: a
                    url: https://example.org/a
                feeds:
                  - id: x
                    include: { sources: [b], groups: [nowhere] }
                """));
        assertThat(errors).extracting(ConfigError::message)
                .anySatisfy(m -> assertThat(m).contains("unknown source 'b'"))
                .anySatisfy(m -> assertThat(m).contains("group 'nowhere'"));
    }

    /** QA run: one bad URL also gave "names unknown source" and "names group ... that no source belongs to". */
    @Test
    void aSourceThatFailsToLoadIsOneErrorNotAlsoOneForEveryFeedNamingIt() throws Exception {
        List<ConfigError> errors = errorsOf(write("""
                sources:
                  - id: a
                    url: ftp://example.org/a
                    groups: [iraq]
                feeds:
                  - id: x
                    include: { sources: [a], groups: [iraq] }
                """));
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).contains("absolute http or https URL"));
    }

    /** QA run: listing item "[[[" passed check-config, and the source then reported ok with nothing in it. */
    @Test
    void anInvalidSelectorIsAnErrorAtItsLine() throws Exception {
        List<ConfigError> errors = errorsOf(write("""
                sources:
                  - id: a
                    url: https://example.org/
                    type: html
                    listing: { item: "[[[", link: "h2 a@href" }
                    article:
                      body: ".entry-content"
                      remove: [".share", "div >> p"]
                """));
        assertThat(errors).extracting(ConfigError::toString)
                .anySatisfy(e -> assertThat(e).contains(":5:").contains("'item' selector '[[[' is not valid CSS"))
                .anySatisfy(e -> assertThat(e).contains(":8:").contains("'remove' selector 'div >> p'"));
        assertThat(errors).noneSatisfy(e -> assertThat(e.message()).contains("h2 a@href"));
    }

    @Test
    void nonHttpUrlAndYamlSyntaxErrorsAreLocated() throws Exception {
        assertThat(errorsOf(write("""
                sources:
                  - id: a
                    url: file:///etc/passwd
                """))).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message()).contains("absolute http or https URL");
        });
        assertThat(errorsOf(write("sources:\n  - id: a\n    url: [unclosed\n"))).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not valid YAML"));
    }

    /** QA run: "cannot read: java.nio.charset.MalformedInputException: Input length = 1". */
    @Test
    void aFileThatIsNotUtf8IsReportedAtItsLine() throws Exception {
        Path p = dir.resolve("feeds.yml");
        byte[] head = "sources:\n  - id: a\n    name: ".getBytes(StandardCharsets.UTF_8);
        byte[] name = "الأخبار".getBytes(Charset.forName("windows-1256"));
        byte[] tail = "\n    url: https://a.example/\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head);
        bytes.writeBytes(name);
        bytes.writeBytes(tail);
        Files.write(p, bytes.toByteArray());
        assertThat(errorsOf(p)).singleElement().hasToString(p + ":3: not valid UTF-8 (byte offset " + head.length
                + "): save the file as UTF-8");
    }

    /** A control character (one a title copied from elsewhere brings) read "cannot read: special characters are not allowed", no line. */
    @Test
    void aControlCharacterIsReportedAtItsLine() throws Exception {
        Path p = write("sources:\n  - id: a\n    name: \"الأخبار\u007f\"\n    url: https://a.example/\n");
        assertThat(errorsOf(p)).singleElement().hasToString(p + ":3: not valid YAML: character U+007F is not allowed (a control"
                + " character); write it as an escape in a double-quoted string, or remove it");
    }

    /** QA run: "cannot read: java.io.IOException: Is a directory". */
    @Test
    void aDirectoryIsReportedAsOne() {
        assertThat(errorsOf(dir)).singleElement().hasToString(dir + ": cannot read: is a directory, not a file");
    }

    @Test
    void settingsHaveDefaultsAndRejectUnknownKeys() throws Exception {
        Settings s = ConfigLoader.loadSettingsOrDefaults(dir.resolve("absent.yml"), dir);
        assertThat(s.http().port()).isEqualTo(8080);
        assertThat(s.database().url()).startsWith("jdbc:h2:file:").contains(dir.toAbsolutePath().toString());
        assertThat(s.fetch().maxBodyBytes()).isEqualTo(10L * 1024 * 1024);

        Path cfg = dir.resolve("nashra.yml");
        Files.writeString(cfg, "http:\n  port: 9090\n  prot: 1\nfetch:\n  max_body: 2MB\n  total_deadline: 5s\n");
        assertThatThrownBy(() -> ConfigLoader.loadSettings(cfg, dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nashra.yml:3: unknown key 'http.prot'");
        Files.writeString(cfg, "http:\n  port: 9090\nfetch:\n  max_body: 2MB\n  total_deadline: 5s\n");
        Settings t = ConfigLoader.loadSettings(cfg, dir);
        assertThat(t.http().port()).isEqualTo(9090);
        assertThat(t.fetch().maxBodyBytes()).isEqualTo(2L * 1024 * 1024);
        assertThat(t.fetch().totalDeadline()).isEqualTo(Duration.ofSeconds(5));
    }

    /** QA run: a settings file named with --config that did not exist was read as the defaults. */
    @Test
    void aNamedSettingsFileMustExist() {
        Path absent = dir.resolve("absent.yml");
        assertThatThrownBy(() -> ConfigLoader.loadSettings(absent, dir)).isInstanceOf(ConfigException.class)
                .hasMessage(absent + ": file not found");
    }

    @Test
    void shippedConfigurationIsValid() throws Exception {
        FeedsFile f = ConfigLoader.loadFeeds(Path.of("feeds.yml"));
        assertThat(f.sources()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(f.sources()).anyMatch(s -> s.type() == SourceType.HTML);
        ConfigLoader.loadSettings(Path.of("config/nashra.yml"), dir);
    }
}

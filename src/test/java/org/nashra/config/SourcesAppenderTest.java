package org.nashra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * QA run: importing into the repo's own feeds.yml indented the new entries into its last source's
 * {@code boilerplate} list, and the import failed. Each {@code config/append/NAME.yml} gets two new
 * sources; {@code NAME-result.yml} beside it is the file as the import leaves it.
 */
class SourcesAppenderTest {
    static final List<OpmlImport.NewSource> NEW = List.of(
            new OpmlImport.NewSource("france24", "فرانس 24", URI.create("https://www.france24.com/ar/rss"), "auto", List.of("عربي")),
            new OpmlImport.NewSource("blog", "مدونة \"نشرة\"", URI.create("https://blog.example.org/atom.xml"), "atom", List.of()));

    static Stream<String> cases() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith("-result.yml"))
                    .map(n -> n.substring(0, n.length() - ".yml".length())).sorted().toList().stream();
        }
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(SourcesAppenderTest.class.getResource("/config/append").toURI());
    }

    private static String read(String name) throws Exception {
        return Files.readString(dir().resolve(name), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void newSourcesJoinTheListAsItsLastItems(String name) throws Exception {
        String before = read(name + ".yml");
        OpmlImport.Appended after = OpmlImport.appendSources(before, NEW);

        assertThat(after.yaml()).isEqualTo(read(name + "-result.yml"));
        assertLoadsWithTheNewSourcesLast(before, after.yaml());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void crlfFilesGetCrlfLines(String name) throws Exception {
        String before = read(name + ".yml").replace("\n", "\r\n");
        OpmlImport.Appended after = OpmlImport.appendSources(before, NEW);

        assertThat(after.yaml()).isEqualTo(read(name + "-result.yml").replace("\n", "\r\n"));
    }

    /** The lines the result names are the new entries', for errors that point into the result. */
    @ParameterizedTest
    @MethodSource("cases")
    void linesOfTheNewEntriesAreTheirsInTheResult(String name) throws Exception {
        OpmlImport.Appended after = OpmlImport.appendSources(read(name + ".yml"), NEW);
        List<String> lines = after.yaml().lines().toList();

        List<String> added = lines.subList(after.firstLine() - 1, after.lastLine());
        assertThat(added.get(0)).contains("france24");
        assertThat(String.join("\n", added)).contains("blog.example.org");
        List<String> others = new ArrayList<>(lines);
        others.removeAll(added);
        assertThat(others).noneMatch(l -> l.contains("france24") || l.contains("blog.example.org"));
    }

    @Test
    void theRepositorysOwnFeedsYmlTakesNewSourcesAfterItsLastAndKeepsEveryLine() throws Exception {
        String before = Files.readString(Path.of("feeds.yml"), StandardCharsets.UTF_8);
        OpmlImport.Appended after = OpmlImport.appendSources(before, NEW);

        assertLoadsWithTheNewSourcesLast(before, after.yaml());
        List<String> kept = new ArrayList<>(after.yaml().lines().toList());
        kept.subList(after.firstLine() - 1, after.lastLine()).clear();
        // the blank lines that set the new sources apart, as the file's own are, aside
        assertThat(kept.stream().filter(l -> !l.isBlank())).containsExactlyElementsOf(before.lines().filter(l -> !l.isBlank()).toList());
    }

    @Test
    void aFileWithoutSourcesGetsAListAtItsEnd() {
        OpmlImport.Appended after = OpmlImport.appendSources("dedup: { window: 72h }\n", NEW.subList(0, 1));

        assertThat(after.yaml()).isEqualTo("""
                dedup: { window: 72h }
                sources:
                  - id: france24
                    name: "فرانس 24"
                    url: "https://www.france24.com/ar/rss"
                    type: auto
                    groups: ["عربي"]
                """);
    }

    private static void assertLoadsWithTheNewSourcesLast(String before, String after) throws ConfigException {
        Path path = Path.of("feeds.yml");
        List<String> ids = new ArrayList<>(ConfigLoader.loadFeeds(path, before.getBytes(StandardCharsets.UTF_8)).sources()
                .stream().map(SourceConfig::id).toList());
        FeedsFile loaded = ConfigLoader.loadFeeds(path, after.getBytes(StandardCharsets.UTF_8));
        ids.addAll(List.of("france24", "blog"));
        assertThat(loaded.sources()).extracting(SourceConfig::id).containsExactlyElementsOf(ids);
        assertThat(loaded.source("blog").orElseThrow().name()).isEqualTo("مدونة \"نشرة\"");
        assertThat(loaded.source("france24").orElseThrow().groups()).containsExactly("عربي");
    }
}

package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.SourceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QA run: import-opml's errors named feeds.yml or nothing but a path, and the XML parser wrote to stderr. */
class ImportOpmlCommandTest {
    @TempDir Path dir;

    @Test
    void missingOpmlFileIsNamedWithTheReason() {
        Path opml = dir.resolve("nope.opml");
        CliRun r = CliRun.of("import-opml", opml.toString(), "--dry-run");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).isEqualTo(opml + ": cannot read OPML: no such file" + System.lineSeparator());
    }

    @Test
    void malformedOpmlIsOneErrorNamingTheOpmlFile() throws Exception {
        Path opml = dir.resolve("bad.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline></body></opml>");
        CliRun r = CliRun.of("import-opml", opml.toString(), "--dry-run");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).startsWith(opml + ":1: cannot read OPML at column 59: The element type \"outline\" must be terminated")
                .doesNotContain("[Fatal Error]").doesNotContain("feeds.yml");
    }

    private static final String ONE_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>subs</title></head><body>
              <outline type="rss" text="أخبار المثال" xmlUrl="https://news.example.org/rss"/>
            </body></opml>
            """;

    /**
     * QA run: the repo's own feeds.yml, whose last source ends in a block list, had the new entries
     * indented into that list; the import failed naming its temp file, and --dry-run noticed nothing.
     */
    @Test
    void theRepositorysFeedsYmlTakesTheNewSourceAsItsLast() throws Exception {
        Path feeds = Files.copy(Path.of("feeds.yml"), dir.resolve("feeds.yml"));
        List<String> before = ConfigLoader.loadFeeds(feeds).sources().stream().map(SourceConfig::id).toList();
        Path opml = Files.writeString(dir.resolve("subs.opml"), ONE_FEED);

        CliRun dry = CliRun.of("import-opml", opml.toString(), "--feeds", feeds.toString(), "--dry-run");
        assertThat(dry.code()).as(dry.err()).isZero();
        assertThat(dry.out()).startsWith("  - id: news\n    name: \"أخبار المثال\"\n");
        assertThat(feeds).hasSameTextualContentAs(Path.of("feeds.yml"));

        CliRun r = CliRun.of("import-opml", opml.toString(), "--feeds", feeds.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("added 1 source to " + feeds + ": news");
        FeedsFile after = ConfigLoader.loadFeeds(feeds);
        assertThat(after.sources()).extracting(SourceConfig::id).startsWith(before.toArray(String[]::new)).endsWith("news");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("feeds.yml", "subs.opml");
    }

    /**
     * A result the loader refuses is reported naming the operator's file, not a temp file, with --dry-run
     * too, and the file is left as it was. The trigger here is a sources list tagged {@code !!seq}, whose
     * new entries the import indents under the tag; should the import learn to place them, this test needs
     * another result that does not load.
     */
    @Test
    void aResultThatDoesNotLoadNamesTheUsersFileAndChangesNothing() throws Exception {
        String before = "sources: !!seq\n  - id: bbc\n    url: https://feeds.bbci.co.uk/arabic/rss.xml\n";
        Path feeds = Files.writeString(dir.resolve("feeds.yml"), before, StandardCharsets.UTF_8);
        Path opml = Files.writeString(dir.resolve("subs.opml"), ONE_FEED);

        for (String[] args : new String[][] {{"import-opml", opml.toString(), "--feeds", feeds.toString(), "--dry-run"},
                {"import-opml", opml.toString(), "--feeds", feeds.toString()}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).startsWith(feeds + ":4: not valid YAML: mapping values are not allowed here")
                    .contains(feeds + " is unchanged; the lines above are those of the file as the import would write it, with 1 new source"
                            + " at lines 4-7")
                    .doesNotContain(".tmp");
            assertThat(Files.readString(feeds, StandardCharsets.UTF_8)).isEqualTo(before);
            assertThat(dir.toFile().list()).containsExactlyInAnyOrder("feeds.yml", "subs.opml");
        }
    }

    /**
     * QA run: an OPML file with a C1 control character in a title (XML 1.0 allows U+0080-U+009F, written
     * out or as a reference; YAML does not) was refused whole, as the feeds.yml it made did not load. The
     * title keeps its words, a space for the control character, and the file's other outlines come too.
     */
    @Test
    void controlCharactersInTitlesBecomeSpacesAndEveryOutlineIsImported() throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.yml"),
                "sources:\n  - id: bbc\n    url: https://feeds.bbci.co.uk/arabic/rss.xml\n", StandardCharsets.UTF_8);
        Path opml = Files.writeString(dir.resolve("subs.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>subs</title></head><body>
                  <outline text="عراق\u0085عربي">
                    <outline type="rss" text="أخبار&#x80;المثال" xmlUrl="https://news.example.org/rss"/>
                    <outline type="rss" text="\u0096 قناة دجلة \u007f" xmlUrl="https://dijla.example/rss"/>
                  </outline>
                  <outline type="rss" text="الرافدين" xmlUrl="https://rafidain.example/rss"/>
                </body></opml>
                """, StandardCharsets.UTF_8);

        CliRun r = CliRun.of("import-opml", opml.toString(), "--feeds", feeds.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("added 3 sources to " + feeds + ": news, dijla, rafidain;");
        FeedsFile after = ConfigLoader.loadFeeds(feeds);
        assertThat(after.sources()).extracting(SourceConfig::name)
                .containsExactly("bbc", "أخبار المثال", "قناة دجلة", "الرافدين");
        assertThat(after.source("news").orElseThrow().groups()).containsExactly("عراق عربي");
    }

    /**
     * QA run: outlines without xmlUrl, or with an ftp:// one, were dropped without a word, and a second
     * run said every feed of the file was already in feeds.yml.
     */
    @Test
    void outlinesPassedOverAreReportedAndCountedOnEveryRun() throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.yml"),
                "sources:\n  - id: bbc\n    url: https://feeds.bbci.co.uk/arabic/rss.xml\n");
        Path opml = Files.writeString(dir.resolve("subs.opml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>subs</title></head><body>
                  <outline type="rss" text="أخبار المثال" xmlUrl="https://news.example.org/rss"/>
                  <outline type="rss" text="بلا رابط"/>
                  <outline type="rss" text="ملف" xmlUrl="ftp://example.org/feed.xml"/>
                </body></opml>
                """);
        String skipped = opml + ":4: skipped outline \"بلا رابط\": no xmlUrl, so no feed to read\n"
                + opml + ":5: skipped outline \"ملف\": xmlUrl ftp://example.org/feed.xml is not an absolute http or https URL\n";

        CliRun first = CliRun.of("import-opml", opml.toString(), "--feeds", feeds.toString());
        assertThat(first.code()).isZero();
        assertThat(first.err()).isEqualTo(skipped);
        assertThat(first.out()).isEqualTo("added 1 source to " + feeds + ": news; 0 already there, 2 outlines skipped (above)\n");

        CliRun again = CliRun.of("import-opml", opml.toString(), "--feeds", feeds.toString());
        assertThat(again.code()).isZero();
        assertThat(again.err()).isEqualTo(skipped);
        assertThat(again.out()).isEqualTo("nothing to add to " + feeds + ": 1 feed of " + opml
                + " already there, 2 outlines skipped (above)\n");
    }

    /**
     * QA run: a feeds.yml that is a symlink (into a config checkout, a ConfigMap mount) became a regular
     * file beside the link, and the file the link named was left without the import.
     */
    @Test
    void aSymlinkedFeedsYmlIsWrittenThroughAndStaysALink() throws Exception {
        Path config = Files.createDirectory(dir.resolve("config-repo"));
        Path real = Files.writeString(config.resolve("feeds.yml"),
                "sources:\n  - id: bbc\n    url: https://feeds.bbci.co.uk/arabic/rss.xml\n", StandardCharsets.UTF_8);
        Path link = Files.createSymbolicLink(dir.resolve("feeds.yml"), Path.of("config-repo", "feeds.yml"));
        Path opml = Files.writeString(dir.resolve("subs.opml"), ONE_FEED);

        CliRun r = CliRun.of("import-opml", opml.toString(), "--feeds", link.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(link).isSymbolicLink();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("config-repo", "feeds.yml"));
        assertThat(ConfigLoader.loadFeeds(real).sources()).extracting(SourceConfig::id).containsExactly("bbc", "news");
        assertThat(config.toFile().list()).containsExactly("feeds.yml");
    }

    /** The new file was moved in from a temporary one, which the JDK makes readable by its owner alone. */
    @Test
    void theImportedFileKeepsFeedsYmlsPermissions() throws Exception {
        Path feeds = Files.writeString(dir.resolve("feeds.yml"),
                "sources:\n  - id: bbc\n    url: https://feeds.bbci.co.uk/arabic/rss.xml\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(feeds, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-r--"));
        Path opml = Files.writeString(dir.resolve("subs.opml"), ONE_FEED);

        CliRun r = CliRun.of("import-opml", opml.toString(), "--feeds", feeds.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(feeds))).isEqualTo("rw-rw-r--");
        assertThat(ConfigLoader.loadFeeds(feeds).sources()).extracting(SourceConfig::id).containsExactly("bbc", "news");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("feeds.yml", "subs.opml");
    }
}

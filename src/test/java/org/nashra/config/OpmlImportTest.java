package org.nashra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpmlImportTest {
    @TempDir Path dir;

    static final String FEEDS = """
            # my sources
            defaults: { interval: 15m }
            sources:
              - id: bbc
                url: https://feeds.bbci.co.uk/arabic/rss.xml
                type: rss
              # keep this comment
            feeds:
              - id: all
                include: { groups: ["*"] }
            """;

    static final byte[] OPML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0"><head><title>اشتراكاتي</title></head><body>
              <outline text="عربي" title="عربي">
                <outline type="rss" text="بي بي سي" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/>
                <outline type="rss" text="فرانس 24" title="فرانس 24" xmlUrl="https://www.france24.com/ar/rss"/>
                <outline type="atom" text="مدونة &quot;نشرة&quot;" xmlUrl="https://blog.example.org/atom.xml"/>
              </outline>
              <outline text="بلا رابط"/>
              <outline type="rss" text="ملف" xmlUrl="file:///etc/passwd"/>
            </body></opml>
            """.getBytes(StandardCharsets.UTF_8);

    @Test
    void addsOnlyNewHttpFeedsAndKeepsTheFileAsWritten() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, FEEDS);
        FeedsFile before = ConfigLoader.loadFeeds(feeds);
        List<OpmlImport.NewSource> added = OpmlImport.read(dir.resolve("subscriptions.opml"), OPML, before);
        assertThat(added).extracting(OpmlImport.NewSource::id).containsExactly("france24", "blog");
        assertThat(added.get(1).type()).isEqualTo("atom");
        assertThat(added.get(0).group()).isEqualTo("عربي");

        String updated = OpmlImport.appendSources(FEEDS, added);
        Files.writeString(feeds, updated);
        FeedsFile after = ConfigLoader.loadFeeds(feeds);
        assertThat(after.sources()).extracting(SourceConfig::id).containsExactly("bbc", "france24", "blog");
        assertThat(after.source("blog").orElseThrow().name()).isEqualTo("مدونة \"نشرة\"");
        assertThat(after.source("france24").orElseThrow().groups()).containsExactly("عربي");
        assertThat(updated).startsWith("# my sources\n").contains("  # keep this comment\n");
        assertThat(after.feeds()).extracting(FeedConfig::id).containsExactly("all");
    }

    @Test
    void refusesDoctypesAndNonOpml() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, FEEDS);
        FeedsFile f = ConfigLoader.loadFeeds(feeds);
        byte[] xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><opml><body><outline text=\"&x;\" xmlUrl=\"https://a.example/rss\"/></body></opml>"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> OpmlImport.read(dir.resolve("xxe.opml"), xxe, f)).isInstanceOf(ConfigException.class).hasMessageContaining("cannot read OPML");
        assertThatThrownBy(() -> OpmlImport.read(dir.resolve("rss.opml"), "<rss/>".getBytes(StandardCharsets.UTF_8), f))
                .isInstanceOf(ConfigException.class).hasMessageContaining("rss.opml: not an OPML file");
    }

    /**
     * QA run: a malformed OPML made the XML parser print "[Fatal Error] :1:59: ..." on stderr,
     * and the error then named feeds.yml instead of the OPML file.
     */
    @Test
    void malformedOpmlIsReportedOnceNamingTheOpmlFileAndLine() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, FEEDS);
        FeedsFile f = ConfigLoader.loadFeeds(feeds);
        Path opml = dir.resolve("bad.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><body><outline></body></opml>");
        PrintStream savedErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> OpmlImport.read(opml, f)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(opml + ":2: cannot read OPML at column 38: The element type \"outline\" must be terminated");
        } finally {
            System.setErr(savedErr);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}

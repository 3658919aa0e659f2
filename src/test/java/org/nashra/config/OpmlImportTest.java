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
        List<OpmlImport.NewSource> added = OpmlImport.read(dir.resolve("subscriptions.opml"), OPML, before).toAdd();
        assertThat(added).extracting(OpmlImport.NewSource::id).containsExactly("france24", "blog");
        assertThat(added.get(1).type()).isEqualTo("atom");
        assertThat(added.get(0).groups()).containsExactly("عربي");

        String updated = OpmlImport.appendSources(FEEDS, added).yaml();
        Files.writeString(feeds, updated);
        FeedsFile after = ConfigLoader.loadFeeds(feeds);
        assertThat(after.sources()).extracting(SourceConfig::id).containsExactly("bbc", "france24", "blog");
        assertThat(after.source("blog").orElseThrow().name()).isEqualTo("مدونة \"نشرة\"");
        assertThat(after.source("france24").orElseThrow().groups()).containsExactly("عربي");
        assertThat(updated).startsWith("# my sources\n").contains("  # keep this comment\n");
        assertThat(after.feeds()).extracting(FeedConfig::id).containsExactly("all");
    }

    /** QA run: importing Nashra's own sources.opml gave ids "127", "127-2", type rss for every format, one group. */
    @Test
    void opml2VersionsCategoriesAndAddressHosts() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, FEEDS);
        byte[] opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>sources</title></head><body><outline text="iraq">
                  <outline type="rss" version="RSS2" text="الرافدين" xmlUrl="http://127.0.0.1:8080/rafidain/feed.xml" category="/iraq,/agencies"/>
                  <outline type="rss" version="atom" text="نبض دجلة" xmlUrl="http://127.0.0.1:8080/dijla/atom.xml" category="/iraq"/>
                  <outline type="rss" version="json" text="صدى الفرات" xmlUrl="http://127.0.0.1:8080/furat/feed.json"/>
                  <outline type="rss" text="بلا إصدار" xmlUrl="https://news.example.org/feed"/>
                </outline></body></opml>
                """.getBytes(StandardCharsets.UTF_8);
        List<OpmlImport.NewSource> added = OpmlImport.read(dir.resolve("sources.opml"), opml, ConfigLoader.loadFeeds(feeds)).toAdd();
        assertThat(added).extracting(OpmlImport.NewSource::id).containsExactly("rafidain", "dijla", "furat", "news");
        assertThat(added).extracting(OpmlImport.NewSource::type).containsExactly("rss", "atom", "json", "auto");
        assertThat(added.get(0).groups()).containsExactly("iraq", "agencies");

        Files.writeString(feeds, OpmlImport.appendSources(FEEDS, added).yaml());
        FeedsFile after = ConfigLoader.loadFeeds(feeds);
        assertThat(after.source("rafidain").orElseThrow().groups()).containsExactly("iraq", "agencies");
        assertThat(after.source("furat").orElseThrow().type()).isEqualTo(SourceType.JSON);
    }

    /** QA: an outline with neither type nor version, as many readers export them, crashed the import. */
    @Test
    void anOutlineWithoutTypeOrVersionIsAFeedOfFormatToBeSniffed() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, FEEDS);
        byte[] opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="1.0"><head><title>x</title></head><body>
                  <outline text="الجزيرة" xmlUrl="https://www.aljazeera.net/aljazeerarss"/>
                </body></opml>
                """.getBytes(StandardCharsets.UTF_8);
        List<OpmlImport.NewSource> added = OpmlImport.read(dir.resolve("x.opml"), opml, ConfigLoader.loadFeeds(feeds)).toAdd();
        assertThat(added).extracting(OpmlImport.NewSource::type).containsExactly("auto");
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

    /** QA run: outlines without xmlUrl or with an ftp:// one were dropped without a word. */
    @Test
    void everyOutlinePassedOverIsReportedWithItsLineAndWhy() throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        Files.writeString(feeds, FEEDS);
        byte[] opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>subs</title></head><body>
                  <outline text="عربي">
                    <outline type="rss" text="بي بي سي" xmlUrl="https://feeds.bbci.co.uk/arabic/rss.xml"/>
                    <outline type="rss" text="فرانس 24" xmlUrl="https://www.france24.com/ar/rss"/>
                    <outline type="link" text="بلا رابط" url="https://example.org/"/>
                    <outline type="rss" text="ملف" xmlUrl="ftp://example.org/feed.xml"/>
                    <outline type="rss" xmlUrl="https://bad host.example/rss"/>
                  </outline>
                  <outline type="rss" text="فرانس 24 مرة ثانية" xmlUrl="https://www.france24.com/ar/rss">
                    <outline type="rss" text="داخل خلاصة" xmlUrl="https://inner.example/rss"/>
                  </outline>
                  <outline text="مجلد فارغ"/>
                </body></opml>
                """.getBytes(StandardCharsets.UTF_8);
        OpmlImport.Reading r = OpmlImport.read(dir.resolve("subs.opml"), opml, ConfigLoader.loadFeeds(feeds));

        assertThat(r.toAdd()).extracting(OpmlImport.NewSource::id).containsExactly("france24");
        assertThat(r.present()).isEqualTo(1);
        assertThat(r.skipped()).extracting(s -> s.line() + ": " + s).containsExactly(
                "6: outline \"بلا رابط\": no xmlUrl, so no feed to read",
                "7: outline \"ملف\": xmlUrl ftp://example.org/feed.xml is not an absolute http or https URL",
                "8: outline without a title: xmlUrl is not a valid URL: Illegal character in authority in 'https://bad host.example/rss'",
                "10: outline \"فرانس 24 مرة ثانية\": the same feed as the outline of line 5",
                "11: outline \"داخل خلاصة\": inside the feed outline of line 10, not a folder",
                "13: outline \"مجلد فارغ\": no xmlUrl, so no feed to read");
    }
}

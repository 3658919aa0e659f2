package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ParseCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(ParseCommandTest.class.getResource("/extract/feeds/" + name).toURI());
    }

    private int run(String... args) {
        return new CommandLine(new ParseCommand()).execute(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void windows1256FileIsDecodedFromItsXmlDeclaration() throws Exception {
        int exit = run(fixture("rss2-windows-1256-declared.xml").toString(), "--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("title").asText()).isEqualTo("إذاعة الجنوب");
        JsonNode item = json.get("items").get(0);
        assertThat(item.get("title").asText()).isEqualTo("مباراة ودية بين فريقي المدينة");
        assertThat(item.get("url").asText()).isEqualTo("https://janoub.example/match");
        assertThat(item.get("text").asText()).isEqualTo("انتهت المباراة بالتعادل.");
        assertThat(json.get("warnings").isArray()).isTrue();
    }

    @Test
    void jsonCarriesEveryItemFieldAndTheWarnings() throws Exception {
        run(fixture("rss2-items-without-link-or-guid.xml").toString(), "--json");

        JsonNode json = new ObjectMapper().readTree(stdout());
        JsonNode item = json.get("items").get(0);
        for (String field : new String[] {"guid", "url", "title", "text", "html", "published", "updated",
                "author", "image", "categories"}) {
            assertThat(item.has(field)).as(field).isTrue();
        }
        assertThat(json.get("warnings").toString()).contains("neither a link nor a guid");
    }

    /** QA run: "published: (unparsed) الخميس، 22 يونيو 2023 ..." for a date the service parses. */
    @Test
    void arabicDatesAreReadAsTheServiceReadsThem() throws Exception {
        int exit = run(fixture("rss2-arabic-pubdate.xml").toString());

        assertThat(exit).isZero();
        assertThat(stdout()).contains("اجتماع لمجلس المحافظة")
                .contains("    published: 2023-06-22T07:30:00Z (written \"الخميس، 22 يونيو 2023 10:30:00 +0300\")\n")
                .doesNotContain("unparsed");
    }

    /** QA run: a Levantine month name without a zone showed as unparsed, null in --json, where `nashra date` read it. */
    @Test
    void aDateWithoutAZoneIsReadInTheGivenZoneAndSaysSo(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("levant.xml");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>t</title><description>d</description>"
                + "<item><title>خبر</title><link>https://site.example/1</link>"
                + "<pubDate>الأحد، 29 تشرين الثاني 2026 10:15</pubDate></item></channel></rss>", StandardCharsets.UTF_8);

        assertThat(run(feed.toString(), "--tz", "Asia/Baghdad", "--now", "2026-11-30T08:00:00Z")).isZero();
        assertThat(stdout()).contains("    published: 2026-11-29T07:15:00Z (written \"الأحد، 29 تشرين الثاني 2026 10:15\";"
                + " no zone, used Asia/Baghdad)\n");

        out.reset();
        assertThat(run(feed.toString(), "--json", "--tz", "Asia/Baghdad", "--now", "2026-11-30T08:00:00Z")).isZero();
        JsonNode item = new ObjectMapper().readTree(stdout()).get("items").get(0);
        assertThat(item.get("published").asText()).isEqualTo("2026-11-29T07:15:00Z");
        assertThat(item.get("publishedRaw").asText()).isEqualTo("الأحد، 29 تشرين الثاني 2026 10:15");
        assertThat(item.get("datePrecision").asText()).isEqualTo("time");
        assertThat(item.get("dateNote").asText()).isEqualTo("no zone, used Asia/Baghdad");
    }

    @Test
    void textNoDateParserReadsShowsAsWrittenWithWhatTheServiceDoes(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("odd.xml");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>t</title><description>d</description>"
                + "<item><title>خبر</title><link>https://site.example/1</link>"
                + "<pubDate>في وقت ما</pubDate></item></channel></rss>", StandardCharsets.UTF_8);

        assertThat(run(feed.toString(), "--now", "2026-11-30T08:00:00Z")).isZero();
        assertThat(stdout()).contains("    published: (unparsed) في وقت ما\n")
                .contains("    note:      unparseable date \"في وقت ما\": used the fetch time\n");

        out.reset();
        run(feed.toString(), "--json", "--now", "2026-11-30T08:00:00Z");
        JsonNode item = new ObjectMapper().readTree(stdout()).get("items").get(0);
        assertThat(item.get("published").isNull()).isTrue();
        assertThat(item.get("datePrecision").asText()).isEqualTo("none");
    }

    @Test
    void baseOptionResolvesRelativeLinks(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("relative.xml");
        Files.writeString(feed, "<rss version=\"2.0\"><channel><title>t</title><description>d</description>"
                + "<item><title>خبر</title><link>news/1</link></item></channel></rss>", StandardCharsets.UTF_8);

        run(feed.toString(), "--json", "--base", "https://site.example/feeds/main.xml");

        JsonNode json = new ObjectMapper().readTree(stdout());
        assertThat(json.get("items").get(0).get("url").asText()).isEqualTo("https://site.example/feeds/news/1");
    }

    @Test
    void notAFeedExitsOneWithTheReasonOnStderr() throws Exception {
        int exit = run(fixture("html-page.html").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("html-page.html")
                .contains("not a feed: the body is an HTML page");
    }

    /** QA run: the reason read "cannot read X: X", the exception's message being the path again. */
    @Test
    void missingFileExitsTwoSayingWhy(@TempDir Path dir) {
        Path absent = dir.resolve("absent.xml");
        assertThat(run(absent.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read " + absent + ": no such file");
    }
}

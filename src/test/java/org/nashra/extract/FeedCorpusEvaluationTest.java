package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Evaluation on the shared corpus of real Arabic feeds, read in place at run time (never copied into
 * the repository). Skipped where the corpus is absent; {@code -Dnashra.corpus=DIR} points elsewhere.
 */
class FeedCorpusEvaluationTest {
    private static final Path FEEDS = Path.of(System.getProperty("nashra.corpus", "/work/shared/corpus"), "feeds");

    private static List<Path> corpusFeeds() throws IOException {
        assumeTrue(Files.isDirectory(FEEDS), "corpus not found at " + FEEDS + ": evaluation skipped");
        try (Stream<Path> files = Files.list(FEEDS)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
        }
    }

    @Test
    void everyCorpusFeedYieldsUsableItems() throws Exception {
        List<Path> feeds = corpusFeeds();
        assumeTrue(!feeds.isEmpty(), "no feeds in " + FEEDS);
        for (Path feed : feeds) {
            Extraction x = FeedParser.parse(feed.getFileName().toString(),
                    new org.nashra.fetch.CharsetResolver().decode(Files.readAllBytes(feed), null), URI.create("https://corpus.invalid/feed"));

            assertThat(x.items()).as(feed.toString()).isNotEmpty();
            assertThat(x.title()).as(feed + " title").matches(".*\\p{InArabic}.*");
            for (RawItem item : x.items()) {
                assertThat(FeedUrls.isAbsoluteHttp(item.url())).as(feed + " " + item.url()).isTrue();
                assertThat(item.guid()).isNotBlank();
                assertThat(item.published() != null || item.publishedRaw() != null).as(feed + " date of " + item.url()).isTrue();
                assertThat(item.text()).doesNotContain("<p>").doesNotContain("&amp;");
            }
        }
    }

    @Test
    void theSameFeedInThreeEncodingsGivesTheSameItems() throws Exception {
        Path utf8 = FEEDS.resolve("alarabia-2018-04-03.rss.xml");
        Path cp1256 = FEEDS.resolve("alarabia-2018-04-03.windows-1256.rss.xml");
        Path iso = FEEDS.resolve("alarabia-2018-04-03.ISO-8859-6.rss.xml");
        assumeTrue(Files.exists(utf8) && Files.exists(cp1256) && Files.exists(iso), "alarabia encodings not in corpus");

        List<String> reference = titles(utf8);
        assertThat(reference).isNotEmpty();
        assertThat(titles(cp1256)).isEqualTo(reference);
        assertThat(titles(iso)).isEqualTo(reference);
    }

    private static List<String> titles(Path feed) throws Exception {
        return FeedParser.parse("corpus", new org.nashra.fetch.CharsetResolver().decode(Files.readAllBytes(feed), null), null)
                .items().stream().map(i -> i.title() + " " + i.url()).toList();
    }
}

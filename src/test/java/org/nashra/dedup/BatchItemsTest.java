package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nashra.dedup.TestItems.T0;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.DedupSettings;
import org.nashra.extract.Role;

/** QA run: cluster dropped the second of two lines with one id (3 lines in, 2 out) without a word. */
class BatchItemsTest {
    @TempDir Path dir;

    @Test
    void anIdThatRepeatsAnEarlierLinesIsAnErrorNamingBothLines() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"a","title":"خبر أول"}
                {"id":"b","title":"خبر ثان"}

                {"id":"a","title":"خبر ثالث"}
                """, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchItems.read(in)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(in + ":4: id \"a\" repeats the id of line 1; each item needs an id of its own");
    }

    @Test
    void clusteringABatchWithARepeatedIdRefusesRatherThanDropOne() {
        BatchItem first = new BatchItem("a", "spa", "https://spa.example/1", "خبر أول", "نص", T0, Role.MAIN, null);
        BatchItem other = new BatchItem("b", "spa", "https://spa.example/2", "خبر ثان", "نص", T0, Role.MAIN, null);
        BatchItem again = new BatchItem("a", "okaz", "https://okaz.example/3", "خبر ثالث", "نص", T0, Role.MAIN, null);
        assertThatThrownBy(() -> Clusterer.cluster(List.of(first, other, again), DedupSettings.DEFAULT, T0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("item id 'a' occurs more than once in the batch (again as item 3)");
        assertThat(Clusterer.cluster(List.of(first, other), DedupSettings.DEFAULT, T0)).containsOnlyKeys("a", "b");
    }

    /** QA: "2026-11-29" and "+0300" offsets, which the service reads in feeds, were refused with java.time's words. */
    @Test
    void publishedIsReadAsTheServiceReadsAFeedsDates() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, """
                {"id":"iso","published":"2025-03-04T08:00:00Z"}
                {"id":"day","published":"2025-03-04"}
                {"id":"offset","published":"Tue, 04 Mar 2025 11:00:00 +0300"}
                {"id":"arabic","published":"4 مارس 2025"}
                """, StandardCharsets.UTF_8);
        assertThat(BatchItems.read(in)).extracting(BatchItem::id, b -> b.published().toString()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("iso", "2025-03-04T08:00:00Z"),
                org.assertj.core.groups.Tuple.tuple("day", "2025-03-04T00:00:00Z"),
                org.assertj.core.groups.Tuple.tuple("offset", "2025-03-04T08:00:00Z"),
                org.assertj.core.groups.Tuple.tuple("arabic", "2025-03-04T00:00:00Z"));
    }

    @Test
    void aPublishedThatIsNoDateOrRelativeSaysSoByLine() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"published\":\"soon\"}\n{\"id\":\"b\",\"published\":\"أمس\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchItems.read(in)).hasMessage(in + ":1: not a batch item: \"published\" 'soon' is not a date:"
                + " give an ISO 8601 instant (2025-03-04T08:00:00Z) or a date as `nashra date` reads it");
        Files.writeString(in, "{\"id\":\"b\",\"published\":\"أمس\"}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchItems.read(in)).hasMessageContaining(in + ":1: not a batch item: \"published\" 'أمس' is relative");
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "\uFEFF{\"id\":\"a\",\"title\":\"خبر\"}\n", StandardCharsets.UTF_8);
        assertThat(BatchItems.read(in)).extracting(BatchItem::id).containsExactly("a");
    }

    /** QA: an unclosed object was reported with Jackson's "[Source: REDACTED (...)...]". */
    @Test
    void anUnclosedObjectIsNamedInPlainWords() throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"title\":\"خبر\"\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BatchItems.read(in)).hasMessageStartingWith(in + ":1: not JSON: ")
                .hasMessageNotContaining("REDACTED").hasMessageNotContaining("Source:")
                .hasMessageContaining("start marker at column 1");
    }
}

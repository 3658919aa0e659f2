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
}

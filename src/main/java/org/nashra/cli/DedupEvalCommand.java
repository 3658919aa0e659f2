package org.nashra.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nashra.config.DedupSettings;
import org.nashra.dedup.BatchItem;
import org.nashra.dedup.BatchItems;
import org.nashra.dedup.DedupEvaluation;
import org.nashra.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nashra eval-dedup LABELS...}: pairwise precision, recall and F1 of batch clustering
 * against cluster labels.
 */
@Command(name = "eval-dedup", mixinStandardHelpOptions = true,
        description = "Cluster labelled items and print pairwise precision, recall and F1.")
public final class DedupEvalCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "LABELS",
            description = "JSONL files of {\"id\", <field>} lines; with no --items they also hold the items' fields")
    List<Path> labels;

    @Option(names = "--items", paramLabel = "ITEMS.jsonl",
            description = "items to look the labelled ids up in (e.g. an article corpus), read from this path")
    Path items;

    @Option(names = "--field", defaultValue = "label", description = "label field (default: ${DEFAULT-VALUE})")
    String field;

    @Mixin
    DedupOptions dedupOptions;

    @Option(names = "--adjudicated", paramLabel = "PAIRS.jsonl",
            description = "pairs decided apart from the cluster labels: {\"a\",\"b\",<field>: true|false} lines; pairs score alone")
    Path adjudicated;

    @Option(names = "--errors", description = "print the wrongly paired ids")
    boolean errors;

    @Override
    public Integer call() {
        DedupSettings settings = dedupOptions.settings();
        List<BatchItem> corpus = items == null ? null : BatchItems.read(items);
        Map<String, Boolean> decided = adjudicated == null ? Map.of() : DedupEvaluation.readAdjudicated(adjudicated, field);
        for (Path file : labels) {
            Map<String, String> gold = DedupEvaluation.readLabels(file, field);
            List<BatchItem> pool = corpus != null ? corpus : BatchItems.read(file);
            DedupEvaluation.Result r = DedupEvaluation.evaluate(pool, gold, decided, settings, Instant.EPOCH);
            System.out.println(file + " [" + field + (adjudicated == null ? "" : ", " + Plural.of(r.adjudicatedPairs(), "pair") + " adjudicated")
                    + "]: " + r.scores());
            if (errors) {
                r.falsePositives().forEach(e -> System.out.println("  " + e.kind() + " " + e.a() + " " + e.b()));
                r.falseNegatives().forEach(e -> System.out.println("  " + e.kind() + " " + e.a() + " " + e.b()));
            }
        }
        return 0;
    }
}

package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * Clusters labelled items as {@code RunEval} does and prints each decision of the given ids (or of
 * every item when none are given), in ingest order:
 * TraceDecisions ARTICLES LABELS FIELD [ID ...]
 */
public final class TraceDecisions {
    public static void main(String[] args) {
        Map<String, String> gold = DedupEvaluation.readLabels(Path.of(args[1]), args[2]);
        Set<String> wanted = Set.of(java.util.Arrays.copyOfRange(args, 3, args.length));
        List<BatchItem> items = BatchItems.read(Path.of(args[0])).stream().filter(b -> gold.containsKey(b.id())).toList();
        List<NormalizedItem> normalized = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
            normalized.add(items.get(i).normalize(Instant.EPOCH));
        }
        order.sort(Comparator.comparing((Integer i) -> normalized.get(i).published()).thenComparingInt(i -> i));
        Clusterer clusterer = new Clusterer(DedupSettings.DEFAULT);
        for (int i : order) {
            Clusterer.Assignment a = clusterer.ingest(normalized.get(i));
            String id = items.get(i).id();
            if (wanted.isEmpty() || wanted.contains(id)) {
                System.out.printf("%s %s %s -> story %d [%s] %s%n", normalized.get(i).published(), id,
                        normalized.get(i).raw().sourceId(), a.storyId(), a.decision().rule(), a.decision().explanation());
            }
        }
    }
}

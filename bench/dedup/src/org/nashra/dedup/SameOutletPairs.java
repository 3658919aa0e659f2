package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nashra.config.DedupSettings;

/**
 * Every pair of one outlet's labelled items that is gold or predicted one story, with its label,
 * the prediction and the pair's explanation: how one outlet's own near copies fare.
 * SameOutletPairs ARTICLES LABELS FIELD
 */
public final class SameOutletPairs {
    public static void main(String[] args) {
        Map<String, String> gold = DedupEvaluation.readLabels(Path.of(args[1]), args[2]);
        List<BatchItem> items = BatchItems.read(Path.of(args[0])).stream().filter(b -> gold.containsKey(b.id())).toList();
        DedupEvaluation.Result r = DedupEvaluation.evaluate(items, gold, DedupSettings.DEFAULT, Instant.EPOCH);
        Map<String, BatchItem> byId = new HashMap<>();
        for (BatchItem b : items) byId.put(b.id(), b);
        Explainer explainer = new Explainer(DedupSettings.DEFAULT);
        System.out.println("gold\tpredicted\tsame body\tshingle J\tcontainment\ttitle J\ta\tb\treason");
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                BatchItem a = items.get(i);
                BatchItem b = items.get(j);
                if (!a.source().equals(b.source())) continue;
                boolean g = gold.get(a.id()).equals(gold.get(b.id()));
                boolean p = r.predicted().get(a.id()).equals(r.predicted().get(b.id()));
                if (!g && !p) continue;
                Explanation e = explainer.explain(a.normalize(Instant.EPOCH), b.normalize(Instant.EPOCH));
                System.out.printf(java.util.Locale.ROOT, "%b\t%b\t%.2f\t%.2f\t%.2f\t%s\t%s\t%s%n", g, p, e.bodyJaccard(),
                        e.containment(), e.titleJaccard(), a.id(), b.id(), e.rule() + ": " + e.reason());
            }
        }
    }
}

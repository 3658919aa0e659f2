package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * For each labelled pair the clustering misses, the labelled negatives that are at least as alike
 * on words (word Jaccard and containment both) and pass the rewrite rule's other guards (other
 * outlets, at most {@link PairMatcher#REWRITE_MAX_APART} apart, numbers and ordinals agree): any
 * word rule that took the miss would take those too. MissNeighbours ARTICLES LABELS FIELD
 */
public final class MissNeighbours {
    public static void main(String[] args) {
        Map<String, String> gold = DedupEvaluation.readLabels(Path.of(args[1]), args[2]);
        List<BatchItem> items = BatchItems.read(Path.of(args[0])).stream().filter(b -> gold.containsKey(b.id())).toList();
        DedupEvaluation.Result r = DedupEvaluation.evaluate(items, gold, DedupSettings.DEFAULT, Instant.EPOCH);
        Map<String, NormalizedItem> n = new HashMap<>();
        Map<String, Fingerprint> fp = new HashMap<>();
        for (BatchItem b : items) {
            n.put(b.id(), b.normalize(Instant.EPOCH));
            fp.put(b.id(), Fingerprinter.of(n.get(b.id())));
        }
        System.out.println("missed pair\tword J\tword C\tsame outlet\thours\tnegatives as alike (guards held)\tnearest");
        for (DedupEvaluation.PairError miss : r.falseNegatives()) {
            Similarity m = sim(n, fp, miss.a(), miss.b());
            int dominating = 0;
            String nearest = "";
            double nearestGap = Double.MAX_VALUE;
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    String a = items.get(i).id(), b = items.get(j).id();
                    if (gold.get(a).equals(gold.get(b))) continue;
                    Similarity s = sim(n, fp, a, b);
                    if (s.wordJaccard() < m.wordJaccard() || s.wordContainment() < m.wordContainment()) continue;
                    if (!s.numbersAgree() || !s.ordinalsAgree() || sameOutlet(n, a, b) || hours(n, a, b) > PairMatcher.REWRITE_MAX_APART.toHours()) continue;
                    dominating++;
                    double gap = s.wordJaccard() - m.wordJaccard() + s.wordContainment() - m.wordContainment();
                    if (gap < nearestGap) {
                        nearestGap = gap;
                        nearest = String.format(Locale.ROOT, "%s %s (%.2f / %.2f)", a, b, s.wordJaccard(), s.wordContainment());
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%s %s\t%.2f\t%.2f\t%b\t%.1f\t%d\t%s%n", miss.a(), miss.b(), m.wordJaccard(), m.wordContainment(),
                    sameOutlet(n, miss.a(), miss.b()), hours(n, miss.a(), miss.b()), dominating, nearest);
        }
    }

    private static Similarity sim(Map<String, NormalizedItem> n, Map<String, Fingerprint> fp, String a, String b) {
        return Similarity.of(fp.get(a), n.get(a).agency(), fp.get(b), n.get(b).agency());
    }

    private static boolean sameOutlet(Map<String, NormalizedItem> n, String a, String b) {
        return n.get(a).raw().sourceId().equals(n.get(b).raw().sourceId());
    }

    private static double hours(Map<String, NormalizedItem> n, String a, String b) {
        return Duration.between(n.get(a).published(), n.get(b).published()).abs().toMinutes() / 60.0;
    }
}

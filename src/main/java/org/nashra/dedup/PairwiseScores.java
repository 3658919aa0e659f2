package org.nashra.dedup;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Pairwise precision, recall and F1 of a clustering against gold cluster labels: a pair of items
 * counts as positive when both are in one cluster.
 */
public record PairwiseScores(long truePositives, long predictedPairs, long goldPairs, int items) {

    /** Scores over the items that have a gold label; predicted labels of other items are ignored. */
    public static <G, P> PairwiseScores of(Map<String, G> gold, Map<String, P> predicted) {
        Map<G, Long> goldSizes = new HashMap<>();
        Map<P, Long> predSizes = new HashMap<>();
        Map<Map.Entry<G, P>, Long> cells = new HashMap<>();
        for (Map.Entry<String, G> e : gold.entrySet()) {
            P p = predicted.get(e.getKey());
            if (p == null) throw new IllegalArgumentException("no predicted cluster for labelled item " + e.getKey());
            goldSizes.merge(e.getValue(), 1L, Long::sum);
            predSizes.merge(p, 1L, Long::sum);
            cells.merge(Map.entry(e.getValue(), p), 1L, Long::sum);
        }
        return new PairwiseScores(pairs(cells), pairs(predSizes), pairs(goldSizes), gold.size());
    }

    private static long pairs(Map<?, Long> sizes) {
        long n = 0;
        for (long s : sizes.values()) n += s * (s - 1) / 2;
        return n;
    }

    public double precision() {
        return predictedPairs == 0 ? 1.0 : (double) truePositives / predictedPairs;
    }

    public double recall() {
        return goldPairs == 0 ? 1.0 : (double) truePositives / goldPairs;
    }

    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "items=%d gold_pairs=%d predicted_pairs=%d true_pairs=%d precision=%.4f recall=%.4f f1=%.4f",
                items, goldPairs, predictedPairs, truePositives, precision(), recall(), f1());
    }
}

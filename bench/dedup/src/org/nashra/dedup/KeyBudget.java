package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nashra.text.NormalizedItem;

/**
 * How many index rows an item needs: for the items' real fingerprints, which of the pairs the
 * matcher accepts (every rule, the service's threshold) share a lookup key with a stored key when
 * only the first {@code n} body bands are kept beside the word and title bands. Fewer rows make
 * every insert cheaper; this shows what each cut costs in candidates found.
 *
 * <p>Usage: KeyBudget ARTICLES.jsonl [body band counts, default 0,3,5,10,20]
 */
public final class KeyBudget {
    public static void main(String[] args) {
        List<BatchItem> items = BatchItems.read(Path.of(args[0]));
        int[] counts = args.length > 1 ? java.util.Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {0, 3, 5, 10, 20};
        List<PairMatcher.Side> sides = new ArrayList<>();
        List<NormalizedItem> normalized = new ArrayList<>();
        for (BatchItem b : items) {
            NormalizedItem n = b.normalize(b.published() == null ? Instant.parse("2015-07-22T00:00:00Z") : b.published());
            normalized.add(n);
            sides.add(new PairMatcher.Side(n.raw().sourceId(), n.raw().role(), n.agency(), n.published(), Fingerprinter.of(n)));
        }
        PairMatcher matcher = new PairMatcher(0.5);
        int n = sides.size();
        Set<Long> accepted = new HashSet<>();
        Map<Long, MatchRule> rules = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (!matcher.mayMatch(sides.get(i), sides.get(j)) && !matcher.mayMatch(sides.get(j), sides.get(i))) continue;
                PairMatcher.Verdict v = matcher.verdict(sides.get(j), sides.get(i));
                if (v.matched()) {
                    accepted.add(pair(i, j));
                    rules.put(pair(i, j), v.rule());
                }
            }
        }
        System.out.printf(Locale.ROOT, "items=%d, pairs the matcher accepts=%d%n", n, accepted.size());
        for (int bands : counts) {
            List<long[]> store = new ArrayList<>();
            List<long[]> lookup = new ArrayList<>();
            for (NormalizedItem it : normalized) {
                Fingerprint f = Fingerprinter.of(it, bands);
                store.add(f.storeKeys());
                lookup.add(f.lookupKeys());
            }
            Map<Long, List<Integer>> byKey = new HashMap<>();
            for (int i = 0; i < n; i++) for (long k : store.get(i)) byKey.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            Set<Long> candidates = new HashSet<>();
            for (int j = 0; j < n; j++) {
                for (long k : lookup.get(j)) {
                    for (int i : byKey.getOrDefault(k, List.of())) if (i != j) candidates.add(pair(i, j));
                }
            }
            Map<MatchRule, int[]> perRule = new java.util.TreeMap<>();
            int found = 0;
            for (long p : accepted) {
                boolean hit = candidates.contains(p);
                if (hit) found++;
                int[] c = perRule.computeIfAbsent(rules.get(p), r -> new int[2]);
                c[0]++;
                if (hit) c[1]++;
            }
            double rows = store.stream().mapToInt(a -> a.length).average().orElse(0);
            StringBuilder detail = new StringBuilder();
            perRule.forEach((r, c) -> detail.append(String.format(Locale.ROOT, " %s %d/%d", r, c[1], c[0])));
            System.out.printf(Locale.ROOT, "body bands %2d: rows/item %.1f, candidate pairs %,d, accepted pairs found %d/%d (%.4f):%s%n",
                    bands, rows, candidates.size(), found, accepted.size(), found / (double) accepted.size(), detail);
        }
    }

    private static long pair(int i, int j) {
        return ((long) Math.min(i, j) << 32) | Math.max(i, j);
    }
}

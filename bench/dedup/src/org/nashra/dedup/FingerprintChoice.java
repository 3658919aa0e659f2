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
 * Measures MinHash LSH against SimHash with permuted tables as candidate generators on real
 * articles: recall of the pairs that verification would accept, and how many candidate pairs
 * each lets through (the lookup and verification cost). Usage: FingerprintChoice ARTICLES.jsonl
 */
public final class FingerprintChoice {
    public static void main(String[] args) {
        List<BatchItem> items = BatchItems.read(Path.of(args[0]));
        List<Fingerprint> fps = new ArrayList<>();
        for (BatchItem b : items) {
            NormalizedItem n = b.normalize(Instant.parse("2015-07-22T00:00:00Z"));
            fps.add(Fingerprinter.of(n));
        }
        int n = fps.size();
        // pairs verification accepts on shingles alone (numbers aside), full items only
        Set<Long> truePairs = new HashSet<>();
        Set<Long> jPairs = new HashSet<>();
        Set<Long> lowPairs = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (fps.get(i).titleOnly()) continue;
            for (int j = i + 1; j < n; j++) {
                if (fps.get(j).titleOnly()) continue;
                Similarity s = Similarity.of(fps.get(i), null, fps.get(j), null);
                boolean c = Math.min(s.shingles(), s.otherShingles()) >= PairMatcher.MIN_CONTAINMENT_SHINGLES
                        && s.containment() >= 0.5 + PairMatcher.CONTAINMENT_MARGIN;
                if (s.bodyJaccard() >= 0.5 || c) truePairs.add(pair(i, j));
                if (s.bodyJaccard() >= 0.5) jPairs.add(pair(i, j));
                if (s.bodyJaccard() >= 0.3 && s.bodyJaccard() < 0.5 && !c) lowPairs.add(pair(i, j));
            }
        }
        System.out.printf(Locale.ROOT, "items=%d full=%d pairs accepted by verification=%d (by Jaccard>=0.5: %d); near-miss pairs 0.3..0.5: %d%n",
                n, fps.stream().filter(f -> !f.titleOnly()).count(), truePairs.size(), jPairs.size(), lowPairs.size());
        int[][] minhashShapes = {{20, 3}, {16, 4}, {32, 2}, {25, 4}, {12, 5}};
        for (int[] shape : minhashShapes) {
            MinHash mh = new MinHash(shape[0], shape[1], 0x6e61736872614231L);
            long t0 = System.nanoTime();
            List<long[]> keys = new ArrayList<>();
            for (Fingerprint f : fps) keys.add(f.titleOnly() ? new long[0] : mh.bandKeys(mh.signature(f.shinglesView()), 'B'));
            long t1 = System.nanoTime();
            report("minhash " + shape[0] + "x" + shape[1], keys, truePairs, jPairs, lowPairs, (t1 - t0) / 1e3 / n, shape[0]);
        }
        int[][] simShapes = {{4, 16}, {8, 8}};
        for (int[] shape : simShapes) {
            long t0 = System.nanoTime();
            List<long[]> keys = new ArrayList<>();
            for (Fingerprint f : fps) keys.add(f.titleOnly() ? new long[0] : simhashKeys(f.shinglesView(), shape[0], shape[1]));
            long t1 = System.nanoTime();
            report("simhash64 " + shape[0] + " tables of " + shape[1] + " bits", keys, truePairs, jPairs, lowPairs, (t1 - t0) / 1e3 / n, shape[0]);
        }
        // SimHash with permuted tables for Hamming distance <= 3 over 64 bits: any pair within 3
        // bits agrees exactly on at least one of 4 blocks; 10 tables cover all choices of 2 of 5 blocks
        long t0 = System.nanoTime();
        List<long[]> keys = new ArrayList<>();
        for (Fingerprint f : fps) keys.add(f.titleOnly() ? new long[0] : simhashPermuted(simhash(f.shinglesView())));
        long t1 = System.nanoTime();
        report("simhash64 k<=3, 10 permuted tables (2 of 5 blocks)", keys, truePairs, jPairs, lowPairs, (t1 - t0) / 1e3 / n, 10);
    }

    private static void report(String name, List<long[]> keys, Set<Long> truePairs, Set<Long> jPairs, Set<Long> lowPairs,
                               double microsPerItem, int rowsPerItem) {
        Map<Long, List<Integer>> buckets = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) for (long k : keys.get(i)) buckets.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
        Set<Long> cand = new HashSet<>();
        for (List<Integer> b : buckets.values()) {
            for (int x = 0; x < b.size(); x++) for (int y = x + 1; y < b.size(); y++) cand.add(pair(b.get(x), b.get(y)));
        }
        long hit = truePairs.stream().filter(cand::contains).count();
        long hitJ = jPairs.stream().filter(cand::contains).count();
        long hitLow = lowPairs.stream().filter(cand::contains).count();
        System.out.printf(Locale.ROOT, "%-50s recall=%.3f (Jaccard>=0.5: %.3f, 0.3..0.5: %.3f) candidate pairs=%d false=%d keys/item=%d sig=%.1fus/item%n",
                name, (double) hit / truePairs.size(), (double) hitJ / jPairs.size(), (double) hitLow / Math.max(1, lowPairs.size()),
                cand.size(), cand.size() - hit, rowsPerItem, microsPerItem);
    }

    static long simhash(int[] shingles) {
        int[] v = new int[64];
        for (int s : shingles) {
            long h = Hashing.mix64(s & 0xffffffffL);
            for (int b = 0; b < 64; b++) v[b] += ((h >>> b) & 1) == 1 ? 1 : -1;
        }
        long out = 0;
        for (int b = 0; b < 64; b++) if (v[b] > 0) out |= 1L << b;
        return out;
    }

    private static long[] simhashKeys(int[] shingles, int tables, int bits) {
        long h = simhash(shingles);
        long[] keys = new long[tables];
        for (int t = 0; t < tables; t++) keys[t] = ((long) t << 56) ^ Hashing.mix64((h >>> (t * bits)) & ((1L << bits) - 1) ^ ((long) t << 40));
        return keys;
    }

    private static long[] simhashPermuted(long h) {
        int[] starts = {0, 13, 26, 39, 52, 64};
        long[] keys = new long[10];
        int t = 0;
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                long ka = block(h, starts[a], starts[a + 1]);
                long kb = block(h, starts[b], starts[b + 1]);
                keys[t] = Hashing.mix64(((long) t << 58) ^ (ka << 13) ^ kb);
                t++;
            }
        }
        return keys;
    }

    private static long block(long h, int from, int to) {
        return (h >>> from) & ((1L << (to - from)) - 1);
    }

    private static long pair(int i, int j) {
        return (long) Math.min(i, j) << 32 | Math.max(i, j);
    }
}

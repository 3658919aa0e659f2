package org.nashra.dedup;
import java.nio.file.Path;
import java.time.Instant;
import java.util.*;
/** Candidate pairs and recall of labelled copies for MinHash bandings over the longer content words (the rewrite path). */
public final class WordBandChoice {
    public static void main(String[] args) {
        List<BatchItem> items = BatchItems.read(Path.of(args[0]));
        Map<String,String> gold = DedupEvaluation.readLabels(Path.of(args[1]), "copy");
        List<Fingerprint> fps = new ArrayList<>();
        for (BatchItem b : items) fps.add(Fingerprinter.of(b.normalize(Instant.EPOCH)));
        Map<String,Integer> idx = new HashMap<>(); for (int i=0;i<items.size();i++) idx.put(items.get(i).id(), i);
        List<int[]> gp = new ArrayList<>();
        List<String> ids = new ArrayList<>(gold.keySet());
        for (int i=0;i<ids.size();i++) for (int j=i+1;j<ids.size();j++) if (gold.get(ids.get(i)).equals(gold.get(ids.get(j)))) gp.add(new int[]{idx.get(ids.get(i)), idx.get(ids.get(j))});
        for (int[] cfg : new int[][]{{12,2},{16,2},{20,2},{24,2},{30,2},{8,1},{12,1},{20,3},{30,3}}) {
            MinHash mh = new MinHash(cfg[0], cfg[1], 0x6e61736872615731L);
            Map<Long,List<Integer>> buckets = new HashMap<>();
            List<long[]> keys = new ArrayList<>();
            for (int i=0;i<fps.size();i++) { int[] w = fps.get(i).wordsView(); long[] k = w.length<12? new long[0] : mh.bandKeys(mh.signature(w),'W'); keys.add(k); for (long x:k) buckets.computeIfAbsent(x,z->new ArrayList<>()).add(i); }
            Set<Long> pairs = new HashSet<>();
            for (List<Integer> b : buckets.values()) for (int a=0;a<b.size();a++) for (int c=a+1;c<b.size();c++) pairs.add(Math.min(b.get(a),b.get(c))*100000L+Math.max(b.get(a),b.get(c)));
            int hit=0, hitMatch=0, match=0;
            PairMatcher pm = new PairMatcher(0.5);
            for (int[] p : gp) {
                boolean h = pairs.contains(Math.min(p[0],p[1])*100000L+Math.max(p[0],p[1]));
                Similarity s = Similarity.of(fps.get(p[0]),null,fps.get(p[1]),null);
                boolean m = s.wordJaccard()>=0.2 && s.wordContainment()>=0.6;
                if (h) hit++; if (m) { match++; if (h) hitMatch++; }
            }
            System.out.printf(Locale.ROOT, "%dx%d candidate pairs %d, gold pairs hit %d/%d, word-similar gold pairs hit %d/%d%n", cfg[0], cfg[1], pairs.size(), hit, gp.size(), hitMatch, match);
        }
    }
}

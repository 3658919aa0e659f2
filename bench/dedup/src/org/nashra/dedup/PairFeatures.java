package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints similarity features of labelled pairs (TSV) to choose verification rules. */
public final class PairFeatures {
    public static void main(String[] args) {
        Map<String, String> gold = DedupEvaluation.readLabels(Path.of(args[1]), args[2]);
        List<BatchItem> items = BatchItems.read(Path.of(args[0])).stream().filter(b -> gold.containsKey(b.id())).toList();
        List<Fingerprint> fps = new ArrayList<>();
        List<int[]> words = new ArrayList<>();
        List<int[]> wordsLead = new ArrayList<>();
        for (BatchItem b : items) {
            var n = b.normalize(Instant.EPOCH);
            fps.add(Fingerprinter.of(n));
            List<String> w = new ArrayList<>(Fingerprinter.contentWords(Fingerprinter.keyTokens(n.title())));
            List<String> l = Fingerprinter.contentWords(Fingerprinter.keyTokens(Fingerprinter.lead(n.text())));
            w.addAll(l);
            words.add(set(w));
            wordsLead.add(set(l.subList(0, Math.min(l.size(), 60))));
        }
        System.out.println("same\tj2\tc2\tj1\tc1\tj1lead60\ttitle\tnumAgree\tn2a\tn2b\ta\tb");
        for (int i = 0; i < items.size(); i++) {
            for (int j = i + 1; j < items.size(); j++) {
                Similarity s = Similarity.of(fps.get(i), null, fps.get(j), null);
                int sh = Similarity.intersection(words.get(i), words.get(j));
                double j1 = (double) sh / (words.get(i).length + words.get(j).length - sh);
                double c1 = (double) sh / Math.max(1, Math.min(words.get(i).length, words.get(j).length));
                int sl = Similarity.intersection(wordsLead.get(i), wordsLead.get(j));
                double jl = (double) sl / Math.max(1, wordsLead.get(i).length + wordsLead.get(j).length - sl);
                boolean same = gold.get(items.get(i).id()).equals(gold.get(items.get(j).id()));
                if (!same && j1 < 0.1 && s.titleJaccard() < 0.2) continue;
                System.out.printf(Locale.ROOT, "%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%b\t%d\t%d\t%s\t%s%n", same ? 1 : 0,
                        s.bodyJaccard(), s.containment(), j1, c1, jl, s.titleJaccard(), s.numbersAgree(), s.shingles(),
                        s.otherShingles(), items.get(i).id(), items.get(j).id());
            }
        }
    }

    private static int[] set(List<String> w) {
        TreeSet<Integer> s = new TreeSet<>();
        for (String x : w) s.add(Hashing.hash32(x));
        return s.stream().mapToInt(Integer::intValue).toArray();
    }
}

package org.nashra.dedup;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * One row per pair worth deciding in each labelled set, with every figure the rules see and some
 * whole-body figures they do not, the gold answer (labels joined by the adjudicated pairs) and the
 * rules' answer: the table a learned decision would be fitted on, to measure how far the figures
 * can go before building one.
 *
 * <p>PairTable ARTICLES ADJUDICATED LABELS... > table.tsv. Every gold pair is a row, so the rows
 * hold the whole recall denominator; other pairs are rows when anything at all is shared.
 */
public final class PairTable {
    public static void main(String[] args) {
        Map<String, BatchItem> byId = new HashMap<>();
        for (BatchItem b : BatchItems.read(Path.of(args[0]))) byId.put(b.id(), b);
        Map<String, Boolean> adjudicated = DedupEvaluation.readAdjudicated(Path.of(args[1]), "copy");
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        out.println(String.join("\t", "set", "a", "b", "gold", "predicted", "rule", "sameSource", "hours", "precise",
                "titleJ", "shJ", "shC", "shMin", "shMax", "numAgree", "agency", "wJ", "wC", "wMin", "wMax", "ordAgree",
                "fJ", "fC", "cov5Long", "cov5Short", "lenShort", "lenLong", "firstPosLong", "spanLong", "restSelf", "restInShort", "markersLong", "markersShort"));
        PairMatcher matcher = new PairMatcher(DedupSettings.DEFAULT.threshold());
        for (int f = 2; f < args.length; f++) {
            String set = Path.of(args[f]).getFileName().toString().replace(".jsonl", "");
            Map<String, String> gold = DedupEvaluation.readLabels(Path.of(args[f]), "copy");
            Map<String, String> groups = DedupEvaluation.joinedByAdjudication(gold, adjudicated);
            List<BatchItem> items = gold.keySet().stream().map(byId::get).toList();
            Map<String, Long> predicted = Clusterer.cluster(items, DedupSettings.DEFAULT, Instant.EPOCH);
            List<NormalizedItem> norm = new ArrayList<>();
            List<Fingerprint> fps = new ArrayList<>();
            List<List<String>> tokens = new ArrayList<>();
            List<int[]> fullWords = new ArrayList<>();
            for (BatchItem b : items) {
                NormalizedItem n = b.normalize(Instant.EPOCH);
                norm.add(n);
                fps.add(Fingerprinter.of(n));
                List<String> t = Fingerprinter.keyTokens(n.text());
                tokens.add(t);
                fullWords.add(hashSet(Fingerprinter.contentWords(t)));
            }
            for (int i = 0; i < items.size(); i++) {
                for (int j = i + 1; j < items.size(); j++) {
                    String a = items.get(i).id(), b = items.get(j).id();
                    Boolean decided = adjudicated.get(DedupEvaluation.pairKey(a, b));
                    boolean g = decided != null ? decided : groups.get(a).equals(groups.get(b));
                    boolean p = predicted.get(a).equals(predicted.get(b));
                    Similarity s = Similarity.of(fps.get(i), norm.get(i).agency(), fps.get(j), norm.get(j).agency());
                    int fs = Similarity.intersection(fullWords.get(i), fullWords.get(j));
                    int fu = fullWords.get(i).length + fullWords.get(j).length - fs;
                    double fJ = fu == 0 ? 0 : (double) fs / fu;
                    if (!g && !p && s.wordJaccard() < 0.1 && s.titleJaccard() < 0.2 && fJ < 0.1 && s.containment() < 0.2) continue;
                    int fm = Math.min(fullWords.get(i).length, fullWords.get(j).length);
                    PairMatcher.Side sa = new PairMatcher.Side(items.get(i).source(), items.get(i).role(), norm.get(i).agency(),
                            norm.get(i).published(), fps.get(i));
                    PairMatcher.Side sb = new PairMatcher.Side(items.get(j).source(), items.get(j).role(), norm.get(j).agency(),
                            norm.get(j).published(), fps.get(j));
                    PairMatcher.Verdict v = matcher.verdict(sa, sb);
                    List<String> ta = tokens.get(i), tb = tokens.get(j);
                    List<String> longT = ta.size() >= tb.size() ? ta : tb, shortT = ta.size() >= tb.size() ? tb : ta;
                    double[] runs = runs(longT, shortT);
                    double[] rest = rest(longT, shortT, runs);
                    String longText = ta.size() >= tb.size() ? norm.get(i).text() : norm.get(j).text();
                    String shortText = ta.size() >= tb.size() ? norm.get(j).text() : norm.get(i).text();
                    double hours = Math.abs(norm.get(i).published().getEpochSecond() - norm.get(j).published().getEpochSecond()) / 3600.0;
                    boolean precise = items.get(i).id().startsWith("ant-") && items.get(j).id().startsWith("ant-");
                    out.printf(Locale.ROOT, "%s\t%s\t%s\t%d\t%d\t%s\t%d\t%.2f\t%d\t%.3f\t%.3f\t%.3f\t%d\t%d\t%d\t%s\t%.3f\t%.3f\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%d\t%d%n",
                            set, a, b, g ? 1 : 0, p ? 1 : 0, v.rule(), items.get(i).source().equals(items.get(j).source()) ? 1 : 0,
                            hours, precise ? 1 : 0, s.titleJaccard(), s.bodyJaccard(), s.containment(),
                            Math.min(s.shingles(), s.otherShingles()), Math.max(s.shingles(), s.otherShingles()),
                            s.numbersAgree() ? 1 : 0, s.agency(), s.wordJaccard(), s.wordContainment(),
                            Math.min(s.words(), s.otherWords()), Math.max(s.words(), s.otherWords()), s.ordinalsAgree() ? 1 : 0,
                            fJ, fm == 0 ? 0 : (double) fs / fm, runs[0], runs[1], shortT.size(), longT.size(), runs[2], runs[3], rest[0], rest[1],
                            markers(longText), markers(shortText));
                }
            }
            out.flush();
        }
        out.flush();
    }

    /** Share of the longer's and the shorter's 5-token runs found in the other; where the shared runs start and span in the longer. */
    private static double[] runs(List<String> longT, List<String> shortT) {
        Set<String> shortRuns = new HashSet<>();
        for (int k = 0; k + 5 <= shortT.size(); k++) shortRuns.add(String.join(" ", shortT.subList(k, k + 5)));
        Set<String> longRuns = new HashSet<>();
        int hit = 0, first = -1, last = -1, n = Math.max(0, longT.size() - 4);
        for (int k = 0; k + 5 <= longT.size(); k++) {
            String r = String.join(" ", longT.subList(k, k + 5));
            longRuns.add(r);
            if (shortRuns.contains(r)) {
                hit++;
                if (first < 0) first = k;
                last = k;
            }
        }
        int shortHit = 0;
        for (String r : shortRuns) if (longRuns.contains(r)) shortHit++;
        return new double[] {n == 0 ? 0 : (double) hit / n, shortRuns.isEmpty() ? 0 : (double) shortHit / shortRuns.size(),
                first < 0 || n == 0 ? 1 : (double) first / n, first < 0 || n == 0 ? 0 : (double) (last - first + 1) / n};
    }

    /**
     * Of the longer's content words outside its shared stretch: the share also found inside that
     * stretch (a copy's rest goes on about the same names), and the share found in the shorter.
     */
    private static double[] rest(List<String> longT, List<String> shortT, double[] runs) {
        int n = Math.max(0, longT.size() - 4);
        if (n == 0 || runs[3] == 0) return new double[] {0, 0};
        int from = (int) Math.round(runs[2] * n), to = Math.min(longT.size(), from + (int) Math.round(runs[3] * n) + 4);
        Set<String> span = new HashSet<>(Fingerprinter.contentWords(longT.subList(from, to)));
        List<String> restT = new ArrayList<>(longT.subList(0, from));
        restT.addAll(longT.subList(to, longT.size()));
        Set<String> rest = new HashSet<>(Fingerprinter.contentWords(restT));
        Set<String> shortW = new HashSet<>(Fingerprinter.contentWords(shortT));
        if (rest.isEmpty()) return new double[] {1, 1};
        long inSpan = rest.stream().filter(span::contains).count();
        long inShort = rest.stream().filter(shortW::contains).count();
        return new double[] {(double) inSpan / rest.size(), (double) inShort / rest.size()};
    }

    private static int markers(String text) {
        int c = 0;
        var m = Fingerprinter.ROUNDUP.matcher(text);
        while (m.find()) c++;
        return c;
    }

    private static int[] hashSet(List<String> w) {
        return w.stream().mapToInt(Hashing::hash32).distinct().sorted().toArray();
    }
}

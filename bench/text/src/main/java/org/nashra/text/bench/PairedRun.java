package org.nashra.text.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.nashra.text.ArabicText;

/**
 * A check of the JMH ratios that survives a shared, loaded machine: baseline and candidates run
 * alternately, pass after pass, so that a burst of load hits both; the median of the per-round
 * ratios is reported. Not a replacement for JMH (no forks, simpler warm-up), a complement.
 * Besides wall time it reports process CPU time (all JVM threads, so garbage collection is
 * counted): CPU time does not grow while the process waits for a core another program holds.
 */
final class PairedRun {
    private PairedRun() {}

    static void run(Corpus c, int rounds) {
        List<String> texts = c.texts;
        int max = texts.stream().mapToInt(String::length).max().orElse(0);
        char[] buf = new char[max];
        ArabicNormalizer normalizer = new ArabicNormalizer();
        ToLongFunction<String> lucene = t -> {
            t.getChars(0, t.length(), buf, 0);
            return normalizer.normalize(buf, t.length());
        };
        String[] names = {"matchingKey", "tokens", "searchTokens", "display"};
        List<ToLongFunction<String>> candidates = List.of(
                t -> ArabicText.matchingKey(t).length(),
                t -> ArabicText.tokens(t).size(),
                t -> ArabicText.searchTokens(t).size(),
                t -> ArabicText.display(t).length());
        for (int w = 0; w < 5; w++) { // warm-up: let the JIT compile every path
            pass(texts, lucene);
            for (ToLongFunction<String> f : candidates) pass(texts, f);
        }
        double mb = c.utf8Bytes / 1e6;
        double[][] ratios = new double[names.length][rounds];
        double[][] cpuRatios = new double[names.length][rounds];
        double[] baseRates = new double[rounds];
        double[][] rates = new double[names.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < names.length; i++) {
                long c0 = cpu();
                long b = pass(texts, lucene);
                long c1 = cpu();
                long k = pass(texts, candidates.get(i));
                long c2 = cpu();
                ratios[i][r] = (double) b / k;
                cpuRatios[i][r] = (double) (c1 - c0) / Math.max(1, c2 - c1);
                rates[i][r] = mb / (k / 1e9);
                if (i == 0) baseRates[r] = mb / (b / 1e9);
            }
        }
        System.out.printf(Locale.ROOT, "%npaired run, %d rounds, medians:%n", rounds);
        System.out.printf(Locale.ROOT, "%-22s %10s %9s %22s %10s%n", "", "wall MB/s", "wall", "(wall ratio range)", "CPU ratio");
        System.out.printf(Locale.ROOT, "%-22s %10.1f %8s %22s %10s%n", "luceneNormalizerOnly", median(baseRates), "1.00x", "", "1.00x");
        for (int i = 0; i < names.length; i++) {
            System.out.printf(Locale.ROOT, "%-22s %10.1f %7.2fx %22s %9.2fx%n", names[i], median(rates[i]),
                    median(ratios[i]), String.format(Locale.ROOT, "(%.2f..%.2f)", min(ratios[i]), max(ratios[i])),
                    median(cpuRatios[i]));
        }
    }

    private static long sink;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private static long cpu() {
        return OS.getProcessCpuTime();
    }

    private static long pass(List<String> texts, ToLongFunction<String> f) {
        long t0 = System.nanoTime();
        long s = 0;
        for (String t : texts) s += f.applyAsLong(t);
        long t1 = System.nanoTime();
        sink += s;
        return t1 - t0;
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(0);
    }

    private static double max(double[] xs) {
        return Arrays.stream(xs).max().orElse(0);
    }
}

package org.nashra.text.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code java -jar text-bench.jar [CORPUS.jsonl] [--paired | JMH options]}: runs the benchmarks
 * and prints MB/s for each and its ratio to Lucene's ArabicNormalizer alone, measured in the same
 * run. {@code --paired} runs the alternating check of {@link PairedRun} instead of JMH.
 */
public final class TextBenchMain {
    private TextBenchMain() {}

    public static void main(String[] args) throws Exception {
        String corpus = "../shared/corpus/articles.jsonl";
        List<String> jmhArgs = new ArrayList<>(List.of(args));
        if (!jmhArgs.isEmpty() && !jmhArgs.get(0).startsWith("-")) corpus = jmhArgs.remove(0);
        Corpus c = Corpus.load(corpus);
        double mb = c.utf8Bytes / 1e6;
        System.out.printf(Locale.ROOT, "corpus %s: %d texts, %.2f MB UTF-8, %d chars%n", corpus, c.texts.size(), mb, c.chars);

        if (jmhArgs.remove("--paired")) {
            PairedRun.run(c, 15);
            return;
        }
        CommandLineOptions cli = new CommandLineOptions(jmhArgs.toArray(String[]::new));
        ChainedOptionsBuilder opts = new OptionsBuilder().parent(cli).param("corpus", corpus);
        if (cli.getIncludes().isEmpty()) opts.include(MatchingKeyBenchmark.class.getSimpleName());
        Collection<RunResult> results = new Runner(opts.build()).run();

        Map<String, double[]> perSecond = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            perSecond.put(name, new double[] {r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        double[] base = perSecond.get("luceneNormalizerOnly");
        System.out.println();
        System.out.printf(Locale.ROOT, "%-22s %10s %10s %8s%n", "benchmark", "MB/s", "± MB/s", "ratio");
        for (Map.Entry<String, double[]> e : perSecond.entrySet()) {
            double rate = e.getValue()[0] * mb;
            double err = e.getValue()[1] * mb;
            String ratio = base == null ? "-" : String.format(Locale.ROOT, "%.2fx", e.getValue()[0] / base[0]);
            System.out.printf(Locale.ROOT, "%-22s %10.1f %10.1f %8s%n", e.getKey(), rate, err, ratio);
        }
    }
}

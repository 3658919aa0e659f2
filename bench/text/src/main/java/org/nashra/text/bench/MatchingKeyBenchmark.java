package org.nashra.text.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.nashra.text.ArabicText;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One operation = one pass over every article body of the corpus. Throughput in MB/s is
 * ops/s times the corpus size in UTF-8 megabytes (TextBenchMain prints it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class MatchingKeyBenchmark {

    @Param("../shared/corpus/articles.jsonl")
    public String corpus;

    private List<String> texts;
    private char[] buffer;
    private final ArabicNormalizer normalizer = new ArabicNormalizer();
    private Analyzer analyzer;

    @Setup(Level.Trial)
    public void load() {
        Corpus c = Corpus.load(corpus);
        texts = c.texts;
        int max = 0;
        for (String t : texts) max = Math.max(max, t.length());
        buffer = new char[max];
        analyzer = new ArabicAnalyzer();
    }

    @TearDown(Level.Trial)
    public void close() {
        analyzer.close();
    }

    /** Baseline: Lucene's ArabicNormalizer alone on the same text (copied into a reused char[]). */
    @Benchmark
    public void luceneNormalizerOnly(Blackhole bh) {
        char[] b = buffer;
        for (String t : texts) {
            int len = t.length();
            t.getChars(0, len, b, 0);
            bh.consume(normalizer.normalize(b, len));
        }
    }

    /** The whole matching key: folding, tokenization, one String per text. */
    @Benchmark
    public void matchingKey(Blackhole bh) {
        for (String t : texts) bh.consume(ArabicText.matchingKey(t));
    }

    /** Key tokens as a list of Strings. */
    @Benchmark
    public void tokens(Blackhole bh) {
        for (String t : texts) bh.consume(ArabicText.tokens(t));
    }

    /** Key tokens minus stopwords, light-stemmed. */
    @Benchmark
    public void searchTokens(Blackhole bh) {
        for (String t : texts) bh.consume(ArabicText.searchTokens(t));
    }

    /** The display form, for scale. */
    @Benchmark
    public void display(Blackhole bh) {
        for (String t : texts) bh.consume(ArabicText.display(t));
    }

    /** For scale: Lucene's full ArabicAnalyzer (reused), StandardTokenizer to stemmer. */
    @Benchmark
    public void luceneArabicAnalyzer(Blackhole bh) {
        for (String t : texts) {
            try (TokenStream ts = analyzer.tokenStream("f", t)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                while (ts.incrementToken()) bh.consume(term.length());
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

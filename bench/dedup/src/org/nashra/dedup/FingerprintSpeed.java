package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.nashra.text.NormalizedItem;

/**
 * Time of {@link Fingerprinter#of} per item over the corpus, articles cut to their first 200
 * words as {@link IngestBench} feeds them, and whole. Normalization is done up front and not timed.
 *
 * <p>Usage: FingerprintSpeed ARTICLES.jsonl [rounds, default 10]
 */
public final class FingerprintSpeed {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    public static void main(String[] args) {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        List<BatchItem> corpus = BatchItems.read(Path.of(args[0]));
        List<NormalizedItem> cut = corpus.stream()
                .map(b -> new BatchItem(b.id(), b.source(), b.url(), b.title(), firstWords(b.text(), 200), b.published(), b.role(), b.agency()))
                .map(b -> b.normalize(T0)).toList();
        List<NormalizedItem> whole = corpus.stream().map(b -> b.normalize(T0)).toList();
        System.out.printf(Locale.ROOT, "%d articles, %d rounds after %d warm-up rounds%n", corpus.size(), rounds, rounds);
        report("cut to 200 words", cut, Fingerprinter::of, rounds);
        report("whole", whole, Fingerprinter::of, rounds);
    }

    static void report(String label, List<NormalizedItem> items, Function<NormalizedItem, Fingerprint> f, int rounds) {
        double[] us = microsPerItem(items, f, rounds);
        System.out.printf(Locale.ROOT, "%-18s median %.1f us/item, best %.1f us/item (rounds: %s)%n", label,
                us[us.length / 2], us[0], Arrays.toString(Arrays.stream(us).map(v -> Math.round(v * 10) / 10.0).toArray()));
    }

    /** Microseconds per item of each timed round, sorted; as many untimed rounds go first. */
    static double[] microsPerItem(List<NormalizedItem> items, Function<NormalizedItem, Fingerprint> f, int rounds) {
        long sink = 0;
        for (int r = 0; r < rounds; r++) for (NormalizedItem it : items) sink += f.apply(it).bodyHash();
        double[] us = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t = System.nanoTime();
            for (NormalizedItem it : items) sink += f.apply(it).bodyHash();
            us[r] = (System.nanoTime() - t) / 1e3 / items.size();
        }
        if (sink == 42) System.out.println(); // keeps the results alive
        Arrays.sort(us);
        return us;
    }

    static String firstWords(String text, int n) {
        String[] w = text.split(" ");
        return w.length <= n ? text : String.join(" ", Arrays.copyOf(w, n));
    }
}

package org.nashra.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.nashra.config.DedupSettings;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.text.NormalizedItem;

/**
 * Per-item ingest cost (fingerprint + candidate lookup + verify + index write) as the H2 store
 * grows to 10k, 100k and 1M items, in one run.
 *
 * <p>Usage: IngestBench ARTICLES.jsonl DB_DIR [levels, default 10000,100000,1000000] [sample, default 2000]
 *
 * <p>Stored items are synthetic: real articles with a third of their words replaced from the
 * corpus vocabulary, so each is distinct but shaped like news; one in ten is a near copy of a
 * recent item. They arrive at 10,000 a day, so a 72-hour window holds at most 30,000 of them
 * however large the store grows, as in a running service with retention.
 */
public final class IngestBench {
    static final int PER_DAY = 10_000;
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        // articles cut to their first 200 words: only the lead is fingerprinted, and generating
        // a million items from whole articles would cost more than the ingest being measured
        List<BatchItem> corpus = BatchItems.read(Path.of(args[0])).stream().filter(b -> b.text().length() > 300)
                .map(b -> new BatchItem(b.id(), b.source(), b.url(), b.title(), firstWords(b.text(), 200), b.published(), null, null))
                .toList();
        boolean mem = args[1].equals("mem");
        Path dir = Path.of(mem ? System.getProperty("java.io.tmpdir") : args[1]);
        int[] levels = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 1_000_000};
        int sample = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        if (!mem) {
            Files.createDirectories(dir);
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) if (p.getFileName().toString().startsWith("bench")) Files.delete(p);
            }
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(mem ? "jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1"
                : "jdbc:h2:file:" + dir.resolve("bench").toAbsolutePath() + ";CACHE_SIZE=262144");
        hc.setMaximumPoolSize(4);
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
            JdbcStoryIndex index = new JdbcStoryIndex(ds, settings.window());
            Deduplicator dedup = new Deduplicator(index, settings);
            Generator gen = new Generator(corpus, 42);
            System.out.printf(Locale.ROOT, "corpus articles=%d, window=%s, %d stored items a day%n", corpus.size(), settings.window(), PER_DAY);
            // JIT warm-up of fingerprinting and matching on a throwaway in-memory index, so the
            // first level is not measured on interpreted code
            Deduplicator warm = new Deduplicator(new InMemoryStoryIndex(), settings);
            Generator warmGen = new Generator(corpus, 7);
            for (int i = 0; i < 5000; i++) warm.decide(warmGen.next(i));
            long stored = 0;
            long nextStory = 1L << 40; // apart from the fill's story ids
            for (int level : levels) {
                long t0 = System.nanoTime();
                long before = stored;
                try (Connection c = ds.getConnection()) {
                    stored = BulkFill.fill(c, gen, stored, level - sample, t0);
                }
                long filled = stored - before;
                double fillSeconds = (System.nanoTime() - t0) / 1e9;
                // a node's first lookup after start loads the window's rows and derives their keys:
                // once per start, so timed apart from the per-item figures
                long w0 = System.nanoTime();
                NormalizedItem probe = gen.next(stored);
                dedup.decide(probe);
                System.out.printf(Locale.ROOT, "  first lookup (loads the window's rows): %.0f ms%n", (System.nanoTime() - w0) / 1e6);
                // measured: the service's protocol, one item at a time under a lock
                ReentrantLock lock = new ReentrantLock();
                long[] nanos = new long[sample];
                long[] decideNanos = new long[sample];
                int joined = 0;
                long candidateRows = 0;
                for (int i = 0; i < sample; i++) {
                    NormalizedItem it = gen.next(stored);
                    long s = System.nanoTime();
                    lock.lock();
                    try {
                        MatchDecision d = dedup.decide(it);
                        decideNanos[i] = System.nanoTime() - s;
                        long story = d.storyId() != null ? d.storyId() : nextStory++;
                        if (d.storyId() != null) joined++;
                        index.add(stored + 1, story, it, d.fingerprint());
                    } finally {
                        lock.unlock();
                    }
                    nanos[i] = System.nanoTime() - s;
                    candidateRows += index.candidates(it, Fingerprinter.of(it), it.published().minus(settings.window()),
                            it.published().plus(settings.window())).size();
                    stored++;
                }
                double seconds = Arrays.stream(nanos).sum() / 1e9; // generating items is not ingest
                Arrays.sort(nanos);
                Arrays.sort(decideNanos);
                System.out.printf(Locale.ROOT, "  candidates per item %.1f%n", candidateRows / (double) sample);
                System.out.printf(Locale.ROOT, "  decide (fingerprint + lookup + verify) p50=%.0f us mean=%.0f us%n",
                        decideNanos[sample / 2] / 1e3, Arrays.stream(decideNanos).average().orElse(0) / 1e3);
                System.gc();
                Runtime rt = Runtime.getRuntime();
                System.out.printf(Locale.ROOT, "  heap in use after GC: %.0f MB (the index's spans, the generator's corpus)%n",
                        (rt.totalMemory() - rt.freeMemory()) / 1e6);
                System.out.printf(Locale.ROOT, "stored=%,d  ingest mean=%.0f us  p50=%.0f us  p99=%.0f us  => %.0f items/s  (joined %d of %d; fill %.0f s at %.0f items/s)%n",
                        stored, seconds * 1e6 / sample, nanos[sample / 2] / 1e3, nanos[sample * 99 / 100] / 1e3, sample / seconds,
                        joined, sample, fillSeconds, filled / Math.max(fillSeconds, 1e-9));
            }
        }
    }

    private static String firstWords(String text, int n) {
        String[] w = text.split(" ");
        return w.length <= n ? text : String.join(" ", Arrays.copyOf(w, n));
    }

    /** Distinct news-shaped items; every tenth a near copy of one of the last 500. */
    static final class Generator {
        private final List<BatchItem> corpus;
        private final Random random;
        private final String[] vocabulary;
        private final List<NormalizedItem> recent = new ArrayList<>();

        Generator(List<BatchItem> corpus, long seed) {
            this.corpus = corpus;
            this.random = new Random(seed);
            List<String> words = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i += 7) words.addAll(Arrays.asList(corpus.get(i).text().split("\\s+")));
            this.vocabulary = words.toArray(String[]::new);
        }

        NormalizedItem next(long n) {
            Instant when = T0.plusMillis(n * 86_400_000L / PER_DAY);
            NormalizedItem item;
            if (n % 10 == 9 && !recent.isEmpty()) {
                NormalizedItem base = recent.get(random.nextInt(recent.size()));
                item = new BatchItem("b" + n, "copy" + (n % 7), "https://bench.example/" + n, base.title(),
                        "وكالات - " + mutate(base.text(), 0.05), when, null, null).normalize(when);
            } else {
                BatchItem src = corpus.get(random.nextInt(corpus.size()));
                item = new BatchItem("b" + n, "src" + (n % 50), "https://bench.example/" + n, mutate(src.title(), 0.3),
                        mutate(src.text(), 0.33), when, null, null).normalize(when);
            }
            recent.add(item);
            if (recent.size() > 500) recent.remove(0);
            return item;
        }

        private String mutate(String text, double share) {
            String[] w = text.split(" ");
            for (int i = 0; i < w.length; i++) if (random.nextDouble() < share) w[i] = vocabulary[random.nextInt(vocabulary.length)];
            return String.join(" ", w);
        }
    }
}

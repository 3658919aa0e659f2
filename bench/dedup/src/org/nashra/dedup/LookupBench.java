package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * What reading a story's members from the decision's own lookup saves, measured item by item in one
 * JVM on one store: each item is decided twice on the same JdbcStoryIndex, once through its {@link
 * StoryIndex#lookup} (members from the spans the candidate read brought up to date) and once through
 * StoryIndex's default lookup over the same index (members through {@link StoryIndex#members}, a
 * connection and a read of new rows for each story judged, as every decision read them before), in
 * alternating order; the two decisions must be equal; then the item is added once, as ingest does.
 * Stores are filled as {@link IngestBench} fills them.
 *
 * <p>Usage: LookupBench ARTICLES.jsonl DB_DIR|mem|POSTGRESQL_URL [levels, default 10000,100000] [items a level,
 * default 6000] [rounds, default 6] [items a day, default 3000]
 */
public final class LookupBench {
    public static void main(String[] args) throws Exception {
        List<BatchItem> corpus = BatchItems.read(Path.of(args[0])).stream().filter(b -> b.text().length() > 300)
                .map(b -> new BatchItem(b.id(), b.source(), b.url(), b.title(), firstWords(b.text(), 200), b.published(), null, null))
                .toList();
        String where = args[1];
        int[] levels = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000};
        int sample = args.length > 3 ? Integer.parseInt(args[3]) : 6000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 6;
        IngestBench.perDay = args.length > 5 ? Integer.parseInt(args[5]) : IngestBench.perDay;
        IngestBench.clear(where);
        DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
        System.out.printf(Locale.ROOT, "corpus articles=%d, %d stored items a day; %d items a level in %d rounds%n",
                corpus.size(), IngestBench.perDay, sample, rounds);
        Deduplicator warm = new Deduplicator(new InMemoryStoryIndex(), settings);
        IngestBench.Generator warmGen = new IngestBench.Generator(corpus, 7);
        for (int i = 0; i < 5000; i++) warm.decide(warmGen.next(i));

        List<Side> all = new ArrayList<>();
        try {
            for (int level : levels) all.add(new Side(IngestBench.Level.fill(corpus, settings, where, level, level - sample), settings));
            for (int r = 0; r < rounds; r++) for (Side s : all) s.measure(sample / rounds);
            for (Side s : all) s.report();
        } finally {
            for (Side s : all) s.level.close();
        }
    }

    /** One store, decided on through the index's own lookup and through the default one. */
    static final class Side {
        final IngestBench.Level level;
        final Deduplicator throughDefault;
        final List<Long> own = new ArrayList<>();
        final List<Long> byDefault = new ArrayList<>();
        /** Which decides first, the first having the row added after the last item to read. */
        final java.util.Random order = new java.util.Random(1);
        long ownConnections;
        long defaultConnections;

        Side(IngestBench.Level level, DedupSettings settings) {
            this.level = level;
            this.throughDefault = new Deduplicator(new DefaultLookup(level.index), settings);
        }

        void measure(int items) {
            for (int i = 0; i < items; i++) {
                NormalizedItem it = level.gen.next(level.stored);
                level.lock.lock();
                try {
                    // a coin, not the item's parity: every tenth item (an odd one) is a near copy
                    boolean ownFirst = order.nextBoolean();
                    MatchDecision a = null;
                    MatchDecision b = null;
                    for (int k = 0; k < 2; k++) {
                        boolean ownTurn = ownFirst == (k == 0);
                        long c0 = level.connections.get();
                        long t0 = System.nanoTime();
                        MatchDecision d = (ownTurn ? level.dedup : throughDefault).decide(it);
                        long took = System.nanoTime() - t0;
                        long used = level.connections.get() - c0;
                        if (ownTurn) {
                            own.add(took);
                            ownConnections += used;
                            a = d;
                        } else {
                            byDefault.add(took);
                            defaultConnections += used;
                            b = d;
                        }
                    }
                    if (!Objects.equals(a.storyId(), b.storyId()) || !a.rule().equals(b.rule()) || !a.explanation().equals(b.explanation())) {
                        throw new IllegalStateException("decisions differ for item " + level.stored + ": " + a + " / " + b);
                    }
                    long story = a.storyId() != null ? a.storyId() : level.nextStory++;
                    level.index.add(level.stored + 1, story, it, a.fingerprint());
                } finally {
                    level.lock.unlock();
                }
                level.stored++;
            }
        }

        void report() {
            System.out.printf(Locale.ROOT, "stored=%,d  decide through the index's lookup: mean %.1f us p50 %.1f us, %.3f connections"
                            + "  | through the default lookup (members() a story): mean %.1f us p50 %.1f us, %.3f connections"
                            + "  | own/default mean %.3f p50 %.3f (%d decisions, all alike)%n",
                    level.stored, mean(own), p50(own), ownConnections / (double) own.size(), mean(byDefault), p50(byDefault),
                    defaultConnections / (double) byDefault.size(), mean(own) / mean(byDefault), p50(own) / p50(byDefault),
                    own.size());
        }
    }

    /** The index, with StoryIndex's default lookup: members through {@link StoryIndex#members}. */
    record DefaultLookup(StoryIndex index) implements StoryIndex {
        @Override
        public List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to) {
            return index.candidates(item, fp, from, to);
        }

        @Override
        public List<Candidate> members(long storyId, Instant from, Instant to, int limit) {
            return index.members(storyId, from, to, limit);
        }

        @Override
        public void add(long itemId, long storyId, NormalizedItem item, Fingerprint fp) {
            index.add(itemId, storyId, item, fp);
        }
    }

    static double mean(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e3;
    }

    static double p50(List<Long> nanos) {
        long[] s = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return s[s.length / 2] / 1e3;
    }

    private static String firstWords(String text, int n) {
        String[] w = text.split(" ");
        return w.length <= n ? text : String.join(" ", Arrays.copyOf(w, n));
    }
}

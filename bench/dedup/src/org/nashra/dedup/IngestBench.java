package org.nashra.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.nashra.config.DedupSettings;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.text.NormalizedItem;

/**
 * Per-item ingest cost (fingerprint + candidate lookup + verify + index write) at 10k, 100k and
 * 1M stored items, in one run: one H2 store a level, filled first, then measured in turn, round
 * by round, so the shared machine's load weighs on every level alike.
 *
 * <p>Usage: IngestBench ARTICLES.jsonl DB_DIR|mem|POSTGRESQL_URL [levels, default 10000,100000,1000000]
 * [items measured a level, default 3000] [rounds, default 3] [items a day, default 3000]
 *
 * <p>Measured items are the newest, so they look back one window: at 3,000 a day that is 9,000
 * items at every level from 10k up, and the levels differ only in what lies outside the window.
 * At 10,000 a day the 10k store is shorter than the window, and its items meet a third of the
 * candidates of the larger stores' (a full window), which is the window's cost, not the store's.
 *
 * <p>Stored items are synthetic: real articles with a third of their words replaced from the
 * corpus vocabulary, so each is distinct but shaped like news; one in ten is a near copy of a
 * recent item. They arrive at a steady rate, so a window holds as many of them however large the
 * store grows, as in a running service.
 */
public final class IngestBench {
    /** Items stored a day; the 6th argument sets it. */
    static int perDay = 3_000;
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        // articles cut to their first 200 words: only the lead is fingerprinted, and generating
        // a million items from whole articles would cost more than the ingest being measured
        List<BatchItem> corpus = BatchItems.read(Path.of(args[0])).stream().filter(b -> b.text().length() > 300)
                .map(b -> new BatchItem(b.id(), b.source(), b.url(), b.title(), firstWords(b.text(), 200), b.published(), null, null))
                .toList();
        String where = args[1];
        int[] levels = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000, 1_000_000};
        int sample = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        perDay = args.length > 5 ? Integer.parseInt(args[5]) : perDay;
        clear(where);
        DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
        System.out.printf(Locale.ROOT, "corpus articles=%d, window=%s, %d stored items a day; %d items a level in %d rounds%n",
                corpus.size(), settings.window(), perDay, sample, rounds);
        // JIT warm-up of fingerprinting and matching on a throwaway in-memory index, so the
        // first level is not measured on interpreted code
        Deduplicator warm = new Deduplicator(new InMemoryStoryIndex(), settings);
        Generator warmGen = new Generator(corpus, 7);
        for (int i = 0; i < 5000; i++) warm.decide(warmGen.next(i));

        // one database a level, filled first (not timed); then the levels are measured in turn,
        // round by round, so that the machine's load changes affect all of them alike
        List<Level> all = new ArrayList<>();
        try {
            for (int level : levels) all.add(Level.fill(corpus, settings, where, level, level - sample));
            for (int r = 0; r < rounds; r++) {
                for (Level l : all) l.measure(sample / rounds);
            }
            for (Level l : all) l.report(all.get(0));
        } finally {
            for (Level l : all) l.close();
        }
    }

    /** One store at one size, its index as the service builds it, and the times measured on it. */
    static final class Level implements AutoCloseable {
        final int size;
        final HikariDataSource ds;
        final JdbcStoryIndex index;
        final Deduplicator dedup;
        final Generator gen;
        final DedupSettings settings;
        final ReentrantLock lock = new ReentrantLock();
        final List<Long> nanos = new ArrayList<>();
        final List<Long> decideNanos = new ArrayList<>();
        /** Connections the index took, counted while deciding: its database reads. */
        final AtomicLong connections = new AtomicLong();
        long decideConnections;
        final MessageDigest decisions = sha256();
        long stored;
        long nextStory = 1L << 40; // apart from the fill's story ids
        int joined;
        long candidates;
        double fillSeconds;
        double firstLookupMs;

        private Level(int size, HikariDataSource ds, DedupSettings settings, Generator gen) {
            this.size = size;
            this.ds = ds;
            this.settings = settings;
            this.gen = gen;
            this.index = new JdbcStoryIndex(counted(ds, connections), settings.window());
            this.dedup = new Deduplicator(index, settings);
        }

        static Level fill(List<BatchItem> corpus, DedupSettings settings, String where, int size, long rows) throws Exception {
            HikariConfig hc = new HikariConfig();
            if (where.equals("mem")) {
                hc.setJdbcUrl("jdbc:h2:mem:bench" + size + ";DB_CLOSE_DELAY=-1");
            } else if (where.startsWith("jdbc:postgresql:")) {
                // a schema a level, made afresh
                String schema = "bench" + size;
                try (Connection c = java.sql.DriverManager.getConnection(where, pgUser(), "");
                     var st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    st.execute("CREATE SCHEMA " + schema);
                }
                hc.setJdbcUrl(where + (where.contains("?") ? "&" : "?") + "currentSchema=" + schema);
                hc.setUsername(pgUser());
            } else {
                hc.setJdbcUrl("jdbc:h2:file:" + Path.of(where).resolve("bench" + size).toAbsolutePath() + ";CACHE_SIZE=262144");
            }
            hc.setMaximumPoolSize(4);
            HikariDataSource ds = new HikariDataSource(hc);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            Level l = new Level(size, ds, settings, new Generator(corpus, 42));
            long t0 = System.nanoTime();
            try (Connection c = ds.getConnection()) {
                l.stored = BulkFill.fill(c, l.gen, 0, rows, t0);
            }
            l.fillSeconds = (System.nanoTime() - t0) / 1e9;
            // a node's first lookup after start loads the window's rows and derives their keys:
            // once per start, so timed apart from the per-item figures
            long w0 = System.nanoTime();
            l.dedup.decide(l.gen.next(l.stored));
            l.firstLookupMs = (System.nanoTime() - w0) / 1e6;
            System.out.printf(Locale.ROOT, "level %,d: filled %,d rows in %.0f s (%.0f items/s), first lookup %.0f ms%n",
                    size, rows, l.fillSeconds, rows / l.fillSeconds, l.firstLookupMs);
            return l;
        }

        /** The service's protocol, one item at a time under a lock; generating items is not timed. */
        void measure(int items) {
            for (int i = 0; i < items; i++) {
                NormalizedItem it = gen.next(stored);
                long s = System.nanoTime();
                lock.lock();
                try {
                    long c0 = connections.get();
                    MatchDecision d = dedup.decide(it);
                    decideNanos.add(System.nanoTime() - s);
                    decideConnections += connections.get() - c0;
                    decisions.update((d.storyId() + " " + d.rule() + " " + d.score() + " " + d.explanation() + "\n")
                            .getBytes(StandardCharsets.UTF_8));
                    long story = d.storyId() != null ? d.storyId() : nextStory++;
                    if (d.storyId() != null) joined++;
                    index.add(stored + 1, story, it, d.fingerprint());
                } finally {
                    lock.unlock();
                }
                nanos.add(System.nanoTime() - s);
                candidates += index.candidates(it, Fingerprinter.of(it), it.published().minus(settings.window()),
                        it.published().plus(settings.window())).size();
                stored++;
            }
        }

        void report(Level base) throws Exception {
            long[] t = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] d = decideNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double mean = Arrays.stream(t).average().orElse(0) / 1e3;
            double p50 = t[t.length / 2] / 1e3;
            double baseMean = base.nanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e3;
            double baseP50 = base.nanos.stream().mapToLong(Long::longValue).sorted().skip(base.nanos.size() / 2).findFirst().orElse(0L) / 1e3;
            String file = "";
            try (Connection c = ds.getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("SELECT COUNT(*) FROM story_fingerprints")) {
                rs.next();
                file = String.format(Locale.ROOT, "%,d rows", rs.getLong(1));
            }
            System.out.printf(Locale.ROOT, "stored=%,d (%s)  ingest mean=%.0f us  p50=%.0f us  p99=%.0f us  => %.0f items/s"
                            + "  | x%.2f mean, x%.2f p50 of %,d  | decide p50=%.0f us, candidates/item %.1f, joined %d of %d"
                    + "  | index connections/decision %.3f, decisions digest %s%n",
                    stored, file, mean, p50, t[t.length * 99 / 100] / 1e3, 1e6 / mean, mean / baseMean, p50 / baseP50, base.size,
                    d[d.length / 2] / 1e3, candidates / (double) t.length, joined, t.length,
                    decideConnections / (double) t.length, HexFormat.of().formatHex(decisions.digest(), 0, 8));
        }

        @Override
        public void close() {
            ds.close();
        }
    }

    /** Removes the H2 files of earlier runs from a DB_DIR; in memory and on PostgreSQL each level starts afresh. */
    static void clear(String where) throws java.io.IOException {
        if (where.equals("mem") || where.startsWith("jdbc:")) return;
        Path dir = Path.of(where);
        Files.createDirectories(dir);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) if (p.getFileName().toString().startsWith("bench")) Files.delete(p);
        }
    }

    /** The PostgreSQL user: PGUSER, else postgres (no password: a local test server). */
    static String pgUser() {
        String user = System.getenv("PGUSER");
        return user == null || user.isBlank() ? "postgres" : user;
    }

    /** The data source, counting the connections taken from it. */
    static DataSource counted(DataSource ds, AtomicLong connections) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) connections.incrementAndGet();
                    try {
                        return method.invoke(ds, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
            Instant when = T0.plusMillis(n * 86_400_000L / perDay);
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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.FetchSettings;
import org.nashra.config.Settings;
import org.nashra.config.SourceConfig;
import org.nashra.fetch.HttpFetcher;
import org.nashra.ingest.Assigners;
import org.nashra.ingest.BoilerplateMemory;
import org.nashra.ingest.Ingestor;
import org.nashra.ingest.PassSummary;
import org.nashra.ingest.SourceRefresher;
import org.nashra.schedule.AdaptivePoll;
import org.nashra.schedule.PollingPolicy;
import org.nashra.schedule.RefreshScheduler;
import org.nashra.store.BoilerplateStore;
import org.nashra.store.Database;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.text.ItemNormalizer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scheduler-driven pipeline (RefreshScheduler -> SourceRefresher -> HttpFetcher, health recorded in H2)
 * against a plain HttpClient loop over the same URLs, in one JVM and one run. See README.md beside this file.
 *
 *   PipelineBench PORT DATA_DIR [SOURCES] [THREADS] [ROUNDS] [metrics|nometrics]
 *
 * The fixture server is bench/fetch/FetchBench.java's (run in its own JVM by run.sh): 9 sources in 10
 * answer 304 to their ETag, 1 in 10 ignores validators and resends the same body (the body-hash path).
 */
public class PipelineBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PipelineBench PORT DATA_DIR [SOURCES] [THREADS] [ROUNDS] [metrics|nometrics]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path data = Path.of(args[1]);
        int sources = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        boolean metrics = args.length <= 5 || !args[5].equals("nometrics");
        run(port, data, sources, threads, rounds, metrics);
    }

    // ---------------------------------------------------------------- configuration, as an operator writes it

    static Path writeFeeds(Path dir, int port, int n) throws Exception {
        StringBuilder y = new StringBuilder(n * 80);
        // interval 15m: the loader refuses less than 1m; rounds make every source due instead
        y.append("defaults: { interval: 15m, timezone: UTC, language: ar }\nsources:\n");
        for (int i = 0; i < n; i++) {
            y.append("  - { id: s").append(i).append(", url: \"http://127.0.0.1:").append(port)
                    .append("/feed/").append(i).append("\", type: rss }\n");
        }
        Path p = dir.resolve("feeds.yml");
        Files.writeString(p, y, StandardCharsets.UTF_8);
        return p;
    }

    static Path writeSettings(Path dir, int threads) throws Exception {
        String yml = "http: { tag_authority: \"bench.nashra.invalid,2026\" }\n"
                + "database: { pool_size: " + threads + " }\n"
                + "fetch:\n"
                + "  user_agent: \"NashraPipelineBench/0.1\"\n"
                + "  allow_private_hosts: [\"127.0.0.1\"]\n"
                + "  per_host_concurrency: " + threads + "\n"
                + "  per_host_gap: 1ms\n"   // the loader refuses 0; set to zero below
                + "worker_threads: " + threads + "\n";
        Path p = dir.resolve("nashra.yml");
        Files.writeString(p, yml, StandardCharsets.UTF_8);
        return p;
    }

    // ---------------------------------------------------------------- the pipeline, wired as App and Service wire it

    /** One round's tally, filled by the after-pass hook. */
    static final class Tally {
        final CountDownLatch done;
        final Map<String, Integer> counts = new ConcurrentHashMap<>();

        Tally(int n) {
            done = new CountDownLatch(n);
        }
    }

    record Outcome(long wallNanos, long cpuNanos, long peakHeapBytes, Map<String, Integer> counts) {}

    static void run(int port, Path data, int n, int threads, int rounds, boolean withMetrics) throws Exception {
        Files.createDirectories(data);
        Path feedsPath = writeFeeds(data, port, n);
        Path settingsPath = writeSettings(data, threads);
        FeedsFile feeds = ConfigLoader.loadFeeds(feedsPath);
        Settings loaded = ConfigLoader.loadSettings(settingsPath, data);
        // Politeness configured out for a like-for-like comparison with the plain loop (one host): no gap,
        // per-host concurrency = worker threads. The config refuses a zero gap, so it is set here.
        FetchSettings f = loaded.fetch();
        Settings settings = loaded.withFetch(new FetchSettings(f.connectTimeout(), f.readTimeout(), f.totalDeadline(),
                f.maxBodyBytes(), f.maxDecompressedBytes(), f.maxRedirects(), f.userAgent(), f.allowPrivateHosts(),
                threads, Duration.ZERO, f.maxBackoff()));
        List<SourceConfig> all = feeds.sources();
        System.out.printf(Locale.ROOT, "sources=%d worker_threads=%d pool_size=%d rounds=%d metrics=%s db=%s%n",
                all.size(), settings.workerThreads(), settings.database().poolSize(), rounds, withMetrics,
                settings.database().url());

        Clock clock = Clock.systemUTC();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        long tOpen = System.nanoTime();
        Database db = Database.open(settings.database());
        SourceRepository repo = new SourceRepository(db);
        repo.sync(all);
        System.out.printf(Locale.ROOT, "database opened, migrated and %d sources synced in %.1f s%n",
                all.size(), (System.nanoTime() - tOpen) / 1e9);
        Map<String, Integer> priority = new HashMap<>();
        for (SourceConfig s : all) priority.put(s.id(), s.priority());
        StoryStore stories = new StoryStore(db, settings.http().tagAuthority(), id -> priority.getOrDefault(id, 0));
        HttpFetcher fetcher = new HttpFetcher(settings.fetch(), clock);
        JdbcStoryIndex storyIndex = new JdbcStoryIndex(db.dataSource(), feeds.dedup().window());
        Ingestor ingestor = new Ingestor(stories, Assigners.dedup(storyIndex, feeds.dedup()),
                new IngestLock(db, settings.database().clustered()));
        long seed = settings.http().tagAuthority().hashCode();
        AdaptivePoll poll = new AdaptivePoll(new PollingPolicy(settings.fetch().maxBackoff(), seed));
        SourceRefresher refresher = new SourceRefresher(fetcher, repo, ingestor, new ItemNormalizer(), poll, clock,
                BoilerplateMemory.load(new BoilerplateStore(db)));

        AtomicReference<Tally> current = new AtomicReference<>(new Tally(n));
        RefreshScheduler scheduler = new RefreshScheduler(refresher, repo, settings.workerThreads(), clock, pass -> {
            if (withMetrics) afterPassMetrics(registry, pass);
            Tally t = current.get();
            // a not-modified pass's note already says so: "not modified (304)", "not modified (200, unchanged body)"
            String key = pass.status().equals("not_modified") && !pass.notes().isEmpty() ? pass.notes().get(0)
                    : pass.status() + (pass.error() != null ? " " + pass.error() : "");
            t.counts.merge(key, 1, Integer::sum);
            t.done.countDown();
        });

        List<URI> urls = all.stream().map(SourceConfig::url).toList();
        try (CloseableHttpClient plain = plainClient(threads)) {
            // Warm-up, not counted: the service's real start (every next_due null, so all fire within ~2 s),
            // which fetches every body once and stores the validators; then one plain pass for the JIT.
            Outcome warm = measure(() -> {
                scheduler.start(all);
                await(current.get(), n);
            }, current.get());
            report("warm-up pipeline (start)", -1, warm, n);
            report("warm-up plain HttpClient", -1, measure(() -> plainPass(plain, urls, threads), null), n);
            // and one uncounted pass of the path measured below (mostly 304), as the plain loop had one of its own
            Tally second = new Tally(n);
            current.set(second);
            report("warm-up pipeline (304s)", -1, measure(() -> {
                for (SourceConfig s : all) scheduler.triggerNow(s.id());
                await(second, n);
            }, second), n);

            List<Outcome> plainRuns = new ArrayList<>();
            List<Outcome> pipeRuns = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // alternate, so drift in the machine's load hits both alike
                plainRuns.add(report("plain HttpClient", r, measure(() -> plainPass(plain, urls, threads), null), n));
                Tally tally = new Tally(n);
                current.set(tally);
                // every source due now: one "refresh now" trigger each, the same job the schedule fires
                pipeRuns.add(report("scheduler pipeline", r, measure(() -> {
                    for (SourceConfig s : all) scheduler.triggerNow(s.id());
                    await(tally, n);
                }, tally), n));
            }
            summarize(plainRuns, pipeRuns, n);
            // the passes really went through the database: every source's recorded health
            Map<String, Integer> health = new TreeMap<>();
            for (var st : repo.all()) health.merge(st.lastStatus() + " streak=" + st.errorStreak(), 1, Integer::sum);
            System.gc();
            System.out.printf(Locale.ROOT, "  sources table after the run: %s; live heap after GC %.1f MB%n", health,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0);
        } finally {
            scheduler.close();
            fetcher.close();
            db.close();
        }
    }

    /** What Service.afterPass records per pass (a meter per source and status), so its cost is in the figures. */
    static void afterPassMetrics(MeterRegistry m, PassSummary pass) {
        m.counter("nashra_passes", "source", pass.sourceId(), "status", pass.status()).increment();
        m.counter("nashra_items_new", "source", pass.sourceId()).increment(pass.itemsNew());
        m.counter("nashra_items_duplicate", "source", pass.sourceId()).increment(pass.itemsDuplicate());
        m.counter("nashra_items_rejected", "source", pass.sourceId()).increment(pass.itemsRejected());
        m.timer("nashra_pass_duration", "source", pass.sourceId()).record(pass.took());
        m.timer("nashra_pass_host_wait", "source", pass.sourceId()).record(pass.hostWait());
        m.counter("nashra_extraction_warnings", "source", pass.sourceId()).increment(pass.warnings().size());
    }

    static void await(Tally t, int n) throws InterruptedException {
        if (!t.done.await(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("pass did not finish: " + (n - t.done.getCount()) + " of " + n + " done");
        }
    }

    // ---------------------------------------------------------------- the baseline (FetchBench's plain loop)

    static CloseableHttpClient plainClient(int threads) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(10)).build())
                        .setMaxConnPerRoute(threads).setMaxConnTotal(256).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setUserAgent("PlainBench/0.1").build();
    }

    static final Map<String, Integer> plainCounts = new ConcurrentHashMap<>();

    static void plainPass(CloseableHttpClient plain, List<URI> urls, int threads) throws InterruptedException {
        plainCounts.clear();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < urls.size()) {
                    String key;
                    try {
                        HttpGet get = new HttpGet(urls.get(i));
                        if (i % 10 != 0) get.setHeader("If-None-Match", "\"v" + i + "\"");
                        key = plain.execute(get, response -> {
                            byte[] b = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                            return response.getCode() + (b.length > 0 ? " with body" : "");
                        });
                    } catch (Exception e) {
                        key = "exception " + e.getClass().getSimpleName();
                    }
                    plainCounts.merge(key, 1, Integer::sum);
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) w.join();
    }

    // ---------------------------------------------------------------- measuring

    interface Body {
        void run() throws Exception;
    }

    static Outcome measure(Body body, Tally tally) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        body.run();
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Outcome(wall, cpu, peak, new TreeMap<>(tally == null ? plainCounts : tally.counts));
    }

    static Outcome report(String name, int round, Outcome o, int n) {
        System.out.printf(Locale.ROOT, "%-8s %-25s %6.0f fetches/s  %6.1f us CPU/fetch  peak heap %5.1f MB  %s%n",
                round < 0 ? "" : "round " + round, name, n / (o.wallNanos() / 1e9), o.cpuNanos() / 1e3 / n,
                o.peakHeapBytes() / 1048576.0, o.counts());
        return o;
    }

    static void summarize(List<Outcome> plain, List<Outcome> pipe, int n) {
        double pRate = n * plain.size() / (plain.stream().mapToLong(Outcome::wallNanos).sum() / 1e9);
        double sRate = n * pipe.size() / (pipe.stream().mapToLong(Outcome::wallNanos).sum() / 1e9);
        double pCpu = plain.stream().mapToLong(Outcome::cpuNanos).sum() / 1e3 / (n * plain.size());
        double sCpu = pipe.stream().mapToLong(Outcome::cpuNanos).sum() / 1e3 / (n * pipe.size());
        double pHeap = plain.stream().mapToLong(Outcome::peakHeapBytes).max().orElse(0) / 1048576.0;
        double sHeap = pipe.stream().mapToLong(Outcome::peakHeapBytes).max().orElse(0) / 1048576.0;
        System.out.printf(Locale.ROOT, "%nsummary over %d rounds of %d sources%n", plain.size(), n);
        System.out.printf(Locale.ROOT, "  plain HttpClient   : %6.0f fetches/s  %6.1f us CPU/fetch  peak heap %5.1f MB%n",
                pRate, pCpu, pHeap);
        System.out.printf(Locale.ROOT, "  scheduler pipeline : %6.0f fetches/s  %6.1f us CPU/fetch  peak heap %5.1f MB%n",
                sRate, sCpu, sHeap);
        System.out.printf(Locale.ROOT, "  ratio pipeline/plain: rate %.2f  CPU/fetch %.2f  (target: rate >= 0.80, heap < 256 MB)%n",
                sRate / pRate, sCpu / pCpu);
    }
}

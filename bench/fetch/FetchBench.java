import com.sun.net.httpserver.HttpServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.nashra.config.FetchSettings;
import org.nashra.fetch.FetchRequest;
import org.nashra.fetch.FetchResult;
import org.nashra.fetch.HttpFetcher;
import org.nashra.fetch.Validators;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * 10,000 sources on a loopback fixture server, 9 in 10 answering 304 to their stored ETag: HttpFetcher
 * against a plain HttpClient loop over the same URLs, in the same run. See README.md beside this file.
 *
 *   server PORT_FILE            run the fixture server (a separate JVM, so client figures are the client's own)
 *   client PORT [SOURCES] [THREADS] [ROUNDS]
 */
public class FetchBench {

    public static void main(String[] args) throws Exception {
        if (args.length >= 2 && args[0].equals("server")) {
            server(Path.of(args[1]));
        } else if (args.length >= 2 && args[0].equals("client")) {
            int port = Integer.parseInt(args[1]);
            int sources = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
            int threads = args.length > 3 ? Integer.parseInt(args[3]) : 8;
            int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 2;
            client(port, sources, threads, rounds);
        } else {
            System.err.println("usage: FetchBench server PORT_FILE | client PORT [SOURCES] [THREADS] [ROUNDS]");
            System.exit(2);
        }
    }

    // ---------------------------------------------------------------- fixture server

    static void server(Path portFile) throws Exception {
        byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>نشرة</title>"
                + "<item><title>خبر</title><description>" + "أعلنت وزارة الخارجية اليوم عن زيارة رسمية. ".repeat(30)
                + "</description></item></channel></rss>").getBytes(StandardCharsets.UTF_8);
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/feed/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            String etag = "\"v" + n + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Cache-Control", "max-age=300");
            exchange.getRequestBody().readAllBytes();
            // one source in ten ignores validators (the body-hash path); the rest honour them
            if (n % 10 != 0 && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        http.start();
        Files.writeString(portFile, String.valueOf(http.getAddress().getPort()));
        System.err.println("fixture server on 127.0.0.1:" + http.getAddress().getPort());
        Thread.currentThread().join();
    }

    // ---------------------------------------------------------------- clients

    record Outcome(long wallNanos, long cpuNanos, long peakHeapBytes, Map<String, Integer> counts) {}

    static void client(int port, int sources, int threads, int rounds) throws Exception {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < sources; i++) {
            urls.add(URI.create("http://127.0.0.1:" + port + "/feed/" + i));
        }
        IntFunction<String> etag = i -> i % 10 == 0 ? null : "\"v" + i + "\"";

        // Politeness is configured out (one host, no gap, per-host concurrency = threads): the figure wanted
        // is the fetcher's own overhead, not the waiting that politeness adds on purpose.
        FetchSettings settings = new FetchSettings(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), 10L * 1024 * 1024, 20L * 1024 * 1024, 5, "NashraBench/0.1",
                List.of("127.0.0.1"), threads, Duration.ZERO, Duration.ofHours(6));

        try (HttpFetcher fetcher = new HttpFetcher(settings, Clock.systemUTC());
             CloseableHttpClient plain = HttpClients.custom()
                     .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                             .setDefaultConnectionConfig(ConnectionConfig.custom()
                                     .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(10)).build())
                             .setMaxConnPerRoute(threads).setMaxConnTotal(256).build())
                     .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                     .setUserAgent("PlainBench/0.1").build()) {

            Task viaFetcher = i -> {
                FetchResult r = fetcher.fetch(new FetchRequest("s" + i, urls.get(i),
                        new Validators(etag.apply(i), null, null), null, false));
                return r instanceof FetchResult.Failed f ? "failed " + f.kind()
                        : r.getClass().getSimpleName() + (r instanceof FetchResult.NotModified nm ? " (" + nm.reason() + ")" : "");
            };
            Task viaPlain = i -> {
                HttpGet get = new HttpGet(urls.get(i));
                String e = etag.apply(i);
                if (e != null) {
                    get.setHeader("If-None-Match", e);
                }
                return plain.execute(get, response -> {
                    byte[] b = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
                    return response.getCode() + (b.length > 0 ? " with body" : "");
                });
            };

            System.out.printf(Locale.ROOT, "sources=%d threads=%d rounds=%d (warm-up round first, not counted)%n",
                    sources, threads, rounds);
            // one full uncounted pass each, so the counted rounds see JIT-compiled code on both sides
            run(viaPlain, sources, threads);
            run(viaFetcher, sources, threads);

            List<Outcome> plainRuns = new ArrayList<>();
            List<Outcome> fetcherRuns = new ArrayList<>();
            for (int r = 0; r < rounds; r++) {
                // alternate, so drift in the machine's load hits both alike
                plainRuns.add(report("plain HttpClient", r, run(viaPlain, sources, threads), sources));
                fetcherRuns.add(report("HttpFetcher", r, run(viaFetcher, sources, threads), sources));
            }
            summarize(plainRuns, fetcherRuns, sources);
        }
    }

    interface Task {
        String call(int i) throws Exception;
    }

    static Outcome run(Task task, int n, int threads) throws InterruptedException {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        LongAdder errors = new LongAdder();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    String key;
                    try {
                        key = task.call(i);
                    } catch (Exception e) {
                        errors.increment();
                        key = "exception " + e.getClass().getSimpleName();
                    }
                    counts.merge(key, 1, Integer::sum);
                }
            });
            w.start();
            workers.add(w);
        }
        for (Thread w : workers) {
            w.join();
        }
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Outcome(wall, cpu, peak, new java.util.TreeMap<>(counts));
    }

    static Outcome report(String name, int round, Outcome o, int n) {
        System.out.printf(Locale.ROOT, "round %d %-17s %8.0f fetches/s  %6.1f us CPU/fetch  peak heap %5.1f MB  %s%n",
                round, name, n / (o.wallNanos() / 1e9), o.cpuNanos() / 1e3 / n, o.peakHeapBytes() / 1048576.0,
                o.counts());
        return o;
    }

    static void summarize(List<Outcome> plain, List<Outcome> fetcher, int n) {
        double pRate = n * plain.size() / (plain.stream().mapToLong(Outcome::wallNanos).sum() / 1e9);
        double fRate = n * fetcher.size() / (fetcher.stream().mapToLong(Outcome::wallNanos).sum() / 1e9);
        double pCpu = plain.stream().mapToLong(Outcome::cpuNanos).sum() / 1e3 / (n * plain.size());
        double fCpu = fetcher.stream().mapToLong(Outcome::cpuNanos).sum() / 1e3 / (n * fetcher.size());
        double pHeap = plain.stream().mapToLong(Outcome::peakHeapBytes).max().orElse(0) / 1048576.0;
        double fHeap = fetcher.stream().mapToLong(Outcome::peakHeapBytes).max().orElse(0) / 1048576.0;
        System.out.printf(Locale.ROOT, "%nsummary over %d rounds of %d sources%n", plain.size(), n);
        System.out.printf(Locale.ROOT, "  plain HttpClient : %8.0f fetches/s  %6.1f us CPU/fetch  peak heap %5.1f MB%n",
                pRate, pCpu, pHeap);
        System.out.printf(Locale.ROOT, "  HttpFetcher      : %8.0f fetches/s  %6.1f us CPU/fetch  peak heap %5.1f MB%n",
                fRate, fCpu, fHeap);
        System.out.printf(Locale.ROOT, "  ratio fetcher/plain: rate %.2f  CPU/fetch %.2f  peak heap %.2f%n",
                fRate / pRate, fCpu / pCpu, fHeap / pHeap);
    }
}

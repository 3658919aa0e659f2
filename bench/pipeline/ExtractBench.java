import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.extract.BoilerplateLearner;
import org.nashra.extract.Extraction;
import org.nashra.extract.ExtractionException;
import org.nashra.extract.FeedBoilerplate;
import org.nashra.extract.FeedParser;
import org.nashra.extract.PageExtractor;
import org.nashra.extract.RawItem;
import org.nashra.fetch.CharsetResolver;

/**
 * Extraction cost per item, on the path a pass takes: a feed body through {@code FeedParser.parse}
 * and {@code FeedBoilerplate.clean} (what {@code SourceRefresher} does with a feed), an HTML page
 * through {@code PageExtractor.extract}. Single-threaded, in memory, no I/O timed. See README.md.
 *
 * <p>Usage: java -cp CLASSES:DEPS bench/pipeline/ExtractBench.java CORPUS_DIR REPO_DIR [ROUNDS=10] [WARMUP=5]
 *
 * <p>Four workloads, each timed apart: the corpus's real feeds (read in place, never copied), feeds
 * generated at run time from the corpus's articles in the shapes feed generators give item bodies
 * (footers, relative links, share widgets, tracking pixels, learned chrome lines, cut excerpts,
 * escaped bodies; RSS, Atom and JSON Feed), and the repository's HTML pages (extraction evaluation
 * fixtures and demo outlets). Every round starts each source with a fresh learner, so every round
 * does the same work. Each workload's output (every field of every item, titles, warnings, removed
 * lines) is hashed: two builds that print the same digests extracted the same things.
 */
public final class ExtractBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One body as a pass meets it. */
    record Body(SourceConfig source, String text, URI url, boolean page) {}

    public record Workload(String name, List<Body> bodies) {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<Workload> workloads = workloads(args[0], args[1]);
        for (String line : describe(workloads)) System.out.println(line);
        for (int i = 0; i < warmup; i++) round(workloads);
        double[][] perItem = new double[workloads.size()][rounds];
        double[][] cpuPerItem = new double[workloads.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            long[][] res = round(workloads);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %2d", r));
            for (int k = 0; k < workloads.size(); k++) {
                perItem[k][r] = res[k][0] / 1e3 / res[k][2];
                cpuPerItem[k][r] = res[k][1] / 1e3 / res[k][2];
                line.append(String.format(Locale.ROOT, "  %s %.1f us/item (cpu %.1f)", workloads.get(k).name(), perItem[k][r],
                        cpuPerItem[k][r]));
            }
            System.out.println(line);
        }
        for (int k = 0; k < workloads.size(); k++) {
            System.out.printf(Locale.ROOT, "summary %-16s median %.1f us/item  best %.1f us/item  | thread cpu median %.1f best %.1f us/item  (%d rounds)%n",
                    workloads.get(k).name(), median(perItem[k]), min(perItem[k]), median(cpuPerItem[k]), min(cpuPerItem[k]), rounds);
        }
    }

    /** The workloads, read and generated (for {@code ExtractAB}, which holds them as an Object). */
    public static List<Workload> workloads(String corpusDir, String repoDir) throws Exception {
        Path corpus = Path.of(corpusDir);
        return List.of(
                new Workload("corpus feeds", corpusFeeds(corpus.resolve("feeds"))),
                new Workload("generated feeds", generatedFeeds(corpus.resolve("articles.jsonl"), 60, 20)),
                new Workload("html pages", pages(Path.of(repoDir))));
    }

    /** A line a workload: its name, size and the digest of what it extracts. */
    public static List<String> describe(List<Workload> workloads) throws Exception {
        List<String> out = new ArrayList<>();
        for (Workload w : workloads) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            int items = extract(w, md);
            out.add(String.format(Locale.ROOT, "%-16s bodies=%d items=%d digest=%s", w.name(), w.bodies().size(), items,
                    HexFormat.of().formatHex(md.digest(), 0, 8)));
        }
        return out;
    }

    /** One pass over every workload: for each, {wall ns, this thread's CPU ns, items}. */
    public static long[][] round(List<Workload> workloads) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[][] out = new long[workloads.size()][];
        for (int k = 0; k < workloads.size(); k++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            int items = extract(workloads.get(k), null);
            out[k] = new long[] {System.nanoTime() - t0, threads.getCurrentThreadCpuTime() - c0, items};
        }
        return out;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    /**
     * Every body of the workload as a pass reads it; the number of items (a body yielding none counts as
     * one). With a digest, everything extracted is hashed into it (not in timed rounds).
     */
    static int extract(Workload w, MessageDigest md) throws Exception {
        int items = 0;
        for (Body b : w.bodies()) {
            BoilerplateLearner learner = new BoilerplateLearner();
            Extraction x;
            List<RawItem> out;
            if (b.page()) {
                x = new PageExtractor(b.source(), learner).extract(b.text(), b.url());
                out = x.items();
            } else {
                try {
                    x = FeedParser.parse(b.source().id(), b.text(), b.url());
                } catch (ExtractionException e) {
                    if (md != null) md.update(e.getMessage().getBytes(StandardCharsets.UTF_8));
                    items++;
                    continue;
                }
                out = new FeedBoilerplate(b.source(), learner).clean(x.items(), x.title());
            }
            if (md != null) {
                md.update((x.title() + "\u0000" + x.warnings() + "\u0000" + x.removed() + "\u0000").getBytes(StandardCharsets.UTF_8));
                for (RawItem i : out) md.update((i.toString() + "\u0000").getBytes(StandardCharsets.UTF_8));
            }
            items += Math.max(1, out.size());
        }
        return items;
    }

    static List<Body> corpusFeeds(Path dir) throws Exception {
        List<Body> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String id = p.getFileName().toString().replaceAll("[^a-z0-9]+", "-").toLowerCase(Locale.ROOT);
                String text = new CharsetResolver().decode(Files.readAllBytes(p), null);
                out.add(new Body(source(id, "https://corpus.invalid/", SourceType.RSS), text, URI.create("https://corpus.invalid/feed"), false));
            }
        }
        return out;
    }

    static List<Body> pages(Path repo) throws Exception {
        List<Body> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(repo.resolve("src/test/resources/extract/eval"))) {
            s.filter(f -> f.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(repo.resolve("src/main/resources/demo/site"))) {
            s.filter(f -> f.toString().endsWith(".html")).sorted().forEach(files::add);
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            out.add(new Body(source("pages", "https://pages.example/", SourceType.HTML), Files.readString(f),
                    URI.create("https://pages.example/news/" + name), true));
        }
        return out;
    }

    /** Feeds of {@code perFeed} items each, bodies in the shapes generators give them; seeded, so every build reads the same. */
    static List<Body> generatedFeeds(Path articles, int feeds, int perFeed) throws Exception {
        List<JsonNode> pool = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(articles)) {
            String line;
            while ((line = r.readLine()) != null && pool.size() < feeds * perFeed) {
                JsonNode a = JSON.readTree(line);
                if (a.path("title").asText().isBlank() || a.path("text").asText().length() < 400) continue;
                pool.add(a);
            }
        }
        Random random = new Random(20261130);
        List<Body> out = new ArrayList<>();
        for (int f = 0; f < feeds; f++) {
            String site = "https://site" + f + ".example";
            String name = "موقع " + (f + 1);
            List<String[]> items = new ArrayList<>();
            for (int i = 0; i < perFeed; i++) {
                JsonNode a = pool.get(f * perFeed + i);
                String link = site + "/" + (2024 * 1000 + f * perFeed + i) + "/";
                items.add(new String[] {a.path("title").asText(), link, body(a, i, site, name, link, random)});
            }
            SourceType type = f % 6 == 4 ? SourceType.ATOM : f % 6 == 5 ? SourceType.JSON : SourceType.RSS;
            String text = switch (type) {
                case ATOM -> atom(name, site, items);
                case JSON -> jsonFeed(name, site, items);
                default -> rss(name, site, items, f % 3 == 0);
            };
            out.add(new Body(source("gen" + f, site + "/", type), text, URI.create(site + "/feed/"), false));
        }
        return out;
    }

    /** One item's body HTML: paragraphs of the article, in one of several generator shapes. */
    static String body(JsonNode a, int i, String site, String name, String link, Random random) {
        List<String> paras = new ArrayList<>();
        for (String p : a.path("text").asText().split("\n")) if (!p.isBlank()) paras.add(escape(p.strip()));
        paras = paras.subList(0, Math.min(paras.size(), 2 + random.nextInt(6)));
        StringBuilder b = new StringBuilder();
        switch (i % 8) {
            case 0 -> { // a big outlet's item: absolute image, plain paragraphs
                b.append("<p><img src=\"").append(site).append("/images/").append(i).append(".jpg\" alt=\"\"></p>");
                for (String p : paras) b.append("<p>").append(p).append("</p>\n");
            }
            case 1 -> { // WordPress (Yoast) footer; editors' line breaks inside paragraphs
                for (String p : paras) b.append("<p>").append(p.replaceFirst("([.،]) ", "$1\n")).append("</p>\n");
                b.append("<p>ظهرت المقالة <a href=\"").append(link).append("\">").append(escape(a.path("title").asText()))
                        .append("</a> أولاً على <a href=\"").append(site).append("\">").append(name).append("</a>.</p>");
            }
            case 2 -> { // relative links and images
                b.append("<figure><img src=\"/wp-content/uploads/").append(i).append(".jpg\"></figure>");
                for (String p : paras) b.append("<p>").append(p).append(" <a href=\"/tag/").append(i).append("\">وسم</a></p>\n");
                b.append("<table><tr><td>المصدر</td><td><a href=\"/source\">").append(name).append("</a></td></tr></table>");
            }
            case 3 -> { // share widget, tracking pixel, footer and a relative link
                for (String p : paras) b.append("<p>").append(p).append("</p>\n");
                b.append("<div class=\"sharedaddy\"><a href=\"/share?x=").append(i).append("\">شارك</a></div>");
                b.append("<img src=\"https://pixel.wp.com/b.gif?id=").append(i).append("\" width=\"1\" height=\"1\">");
                b.append("<p>The post <a href=\"").append(link).append("\">x</a> appeared first on <a href=\"/\">").append(name).append("</a>.</p>");
            }
            case 4 -> { // a line the outlet puts under every item: learned chrome
                for (String p : paras) b.append("<p>").append(p).append("</p>\n");
                b.append("<p>للاشتراك في قناتنا على تلغرام اضغط هنا</p>");
            }
            case 5 -> { // a cut excerpt, lines broken by <br> and inside paragraphs
                b.append("<p>").append(String.join("<br>\n", paras.subList(0, Math.min(2, paras.size())))).append(" [&hellip;]</p>");
            }
            case 6 -> { // a table and the outlet's name on a line of its own
                b.append("<p>").append(name).append("</p>");
                b.append("<table><tr><td>").append(paras.get(0)).append("</td><td>٢٠٢٤</td></tr></table>");
                for (String p : paras.subList(1, paras.size())) b.append("<div>").append(p).append("</div>\n");
            }
            default -> { // read-more link ending the last paragraph
                for (String p : paras) b.append("<p>").append(p).append("</p>\n");
                b.append("<p><a class=\"more-link\" href=\"").append(link).append("\">اقرأ المزيد</a></p>");
            }
        }
        return b.toString();
    }

    static String rss(String name, String site, List<String[]> items, boolean descriptionOnly) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel>\n");
        b.append("<title>").append(name).append("</title><link>").append(site).append("/</link><description>").append(name).append("</description>\n");
        for (int i = 0; i < items.size(); i++) {
            String[] it = items.get(i);
            b.append("<item><title>").append(escape(it[0])).append(" - ").append(name).append("</title><link>").append(it[1])
                    .append("</link><guid>").append(it[1]).append("</guid><pubDate>").append(date(i)).append("</pubDate>");
            if (descriptionOnly) {
                // escaped HTML, as most feeds carry it; every ninth escaped twice
                String escaped = escape(it[2]);
                b.append("<description>").append(i % 9 == 8 ? escape(escaped) : escaped).append("</description>");
            } else {
                b.append("<description><![CDATA[").append(firstParagraph(it[2])).append("]]></description>");
                b.append("<content:encoded><![CDATA[").append(it[2]).append("]]></content:encoded>");
            }
            b.append("</item>\n");
        }
        return b.append("</channel></rss>\n").toString();
    }

    static String atom(String name, String site, List<String[]> items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
        b.append("<title>").append(name).append("</title><id>").append(site).append("/</id><updated>2024-01-02T00:00:00Z</updated>\n");
        for (int i = 0; i < items.size(); i++) {
            String[] it = items.get(i);
            b.append("<entry><title>").append(escape(it[0])).append("</title><link href=\"").append(it[1]).append("\"/><id>")
                    .append(it[1]).append("</id><published>2024-01-01T").append(String.format(Locale.ROOT, "%02d", i % 24))
                    .append(":00:00Z</published><updated>2024-01-01T12:00:00Z</updated><content type=\"html\">")
                    .append(escape(it[2])).append("</content></entry>\n");
        }
        return b.append("</feed>\n").toString();
    }

    static String jsonFeed(String name, String site, List<String[]> items) throws Exception {
        var root = JSON.createObjectNode();
        root.put("version", "https://jsonfeed.org/version/1.1");
        root.put("title", name);
        root.put("home_page_url", site + "/");
        var arr = root.putArray("items");
        for (int i = 0; i < items.size(); i++) {
            String[] it = items.get(i);
            var o = arr.addObject();
            o.put("id", it[1]);
            o.put("url", it[1]);
            o.put("title", it[0]);
            o.put("content_html", it[2]);
            o.put("date_published", "2024-01-01T" + String.format(Locale.ROOT, "%02d", i % 24) + ":00:00Z");
        }
        return JSON.writeValueAsString(root);
    }

    static String firstParagraph(String html) {
        int end = html.indexOf("</p>");
        return end < 0 ? html : html.substring(0, end + 4);
    }

    static String date(int i) {
        return String.format(Locale.ROOT, "Mon, 01 Jan 2024 %02d:%02d:00 +0000", i % 24, (i * 7) % 60);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static SourceConfig source(String id, String url, SourceType type) {
        SourceConfig base = SourceConfig.of(id, URI.create(url), type);
        return new SourceConfig(base.id(), "موقع " + id, base.url(), base.type(), List.of(), 0, base.interval(), null, null,
                null, "ar", false, null, true, null, null, List.of(), List.of());
    }
}

package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.publish.FeedWriter;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;

/**
 * The index page as a browser renders it: Debian's headless Chromium loads {@code /} from a real
 * server, and the DOM it builds (not the bytes we sent) is checked, so a wrong charset, broken
 * escaping or markup the browser repairs differently would show here.
 */
class IndexPageBrowserIT {
    /** Debian's package; -Dnashra.test.chromium=PATH points elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("nashra.test.chromium", "/usr/bin/chromium"));
    /** Titles with shadda, hamza forms, taa marbuta and an ampersand that the page must escape. */
    static final Map<String, String> FEED_TITLES = Map.of(
            "all", "كلّ الأخبار",
            "iraq", "أخبار العراق",
            "money", "اقتصاد & أعمال — مؤشّرات");
    static final Map<String, String> FORMAT_TYPES = Map.of(
            "atom", "application/atom+xml",
            "rss", "application/rss+xml",
            "json", "application/feed+json");

    static TestDatabases.Handle db;
    static WebServer server;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                  - { id: nile, name: النيل, url: "https://nile.example/rss", groups: [egypt, money] }
                feeds:
                  - { id: all, title: "%s", include: { groups: ["*"] } }
                  - { id: iraq, title: "%s", include: { groups: [iraq] }, other_news: separate }
                  - { id: money, title: "%s", include: { groups: [money] } }
                """.formatted(FEED_TITLES.get("all"), FEED_TITLES.get("iraq"), FEED_TITLES.get("money")),
                StandardCharsets.UTF_8);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        db = TestDatabases.open("h2");
        new SourceRepository(db.db()).sync(file.sources());
        StoryStore store = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Instant t = Instant.parse("2026-11-29T08:00:00Z");
        add(store, "wafa", "a1", "الرئيس يستقبل وفداً برلمانياً", t);
        add(store, "nile", "b1", "البنك المركزي يثبّت أسعار الفائدة", t.plusSeconds(60));
        // the autodiscovery links are absolute, from base_url: it must be this server's own address
        int port = freePort();
        HttpSettings settings = new HttpSettings("127.0.0.1", port, URI.create("http://127.0.0.1:" + port), null,
                "nashra.test,2026");
        server = new WebServer(new FeedService(file, store, new FeedWriter(), settings), file,
                new SourceRepository(db.db()), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), settings)
                .start("127.0.0.1", port);
        base = "http://127.0.0.1:" + server.port();
    }

    static void add(StoryStore store, String source, String guid, String title, Instant t) {
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>نص الخبر</p>",
                "نص الخبر", null, t, null, null, null, List.of(), Role.MAIN, null);
        store.insert(new NormalizedItem(raw, title, "نص الخبر", ArabicText.matchingKey(title),
                ArabicText.matchingKey("نص الخبر"), raw.url(), t, null, List.of()), null, "new", 0, null, t);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
        if (db != null) db.close();
    }

    @Test
    void browserRendersArabicRightToLeftPageWhoseLinksAllResolve(@TempDir Path profile) throws Exception {
        String dom = chromium(profile, "--dump-dom", base + "/");
        Document page = Jsoup.parse(dom, base + "/");

        Element html = page.selectFirst("html");
        assertThat(html).as("rendered DOM:\n%s", dom).isNotNull();
        assertThat(html.attr("dir")).isEqualTo("rtl");
        assertThat(html.attr("lang")).isEqualTo("ar");
        assertThat(page.title()).isEqualTo("نشرة — Nashra");
        assertThat(page.selectFirst("h1").text()).isEqualTo("نشرة");

        // each feed's title reaches the reader exactly as configured (no mojibake, no &amp; left over)
        List<String> shown = page.select("li > strong").eachText();
        assertThat(shown).containsExactlyInAnyOrderElementsOf(FEED_TITLES.values());

        // autodiscovery: one <link rel=alternate> per feed and format, typed, titled, absolute
        for (Map.Entry<String, String> feed : FEED_TITLES.entrySet()) {
            for (Map.Entry<String, String> format : FORMAT_TYPES.entrySet()) {
                String href = base + "/feeds/" + feed.getKey() + "." + format.getKey();
                Element link = page.selectFirst("head link[rel=alternate][href=\"" + href + "\"]");
                assertThat(link).as("autodiscovery link for %s in\n%s", href, page.head()).isNotNull();
                assertThat(link.attr("type")).isEqualTo(format.getValue());
                assertThat(link.attr("title")).isEqualTo(feed.getValue());
            }
        }
        assertThat(page.select("head link[rel=alternate]")).hasSize(FEED_TITLES.size() * FORMAT_TYPES.size());

        // the first feed's latest stories, each linked to its article and naming its outlets
        List<Element> stories = page.select("ol.stories > li");
        assertThat(stories).extracting(e -> e.selectFirst("a").text())
                .containsExactly("البنك المركزي يثبّت أسعار الفائدة", "الرئيس يستقبل وفداً برلمانياً");
        assertThat(stories).extracting(e -> e.selectFirst("a").attr("href"))
                .containsExactly("https://nile.example/b1", "https://wafa.example/a1");
        assertThat(stories).extracting(e -> e.selectFirst(".outlets").text()).containsExactly("النيل", "وفا");

        // every other link on the page, in head and body, leads somewhere on this server that answers 200
        Set<String> hrefs = new LinkedHashSet<>();
        for (Element e : page.select("a[href], link[href]")) {
            if (e.closest("ol.stories") == null) hrefs.add(e.absUrl("href"));
        }
        assertThat(hrefs).hasSizeGreaterThanOrEqualTo(FEED_TITLES.size() * FORMAT_TYPES.size() + 3);
        List<String> broken = new ArrayList<>();
        for (String href : hrefs) {
            if (!href.startsWith(base + "/")) {
                broken.add(href + " (not on this server)");
                continue;
            }
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(href)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) broken.add(href + " -> " + r.statusCode());
        }
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void screenshotShowsTheHeadingOnTheRightSide(@TempDir Path profile) throws Exception {
        Path png = Path.of("target", "browser", "index-page.png").toAbsolutePath();
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        chromium(profile, "--hide-scrollbars", "--window-size=1000,800", "--screenshot=" + png, base + "/");
        assertThat(png).exists();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("PNG written by Chromium at %s", png).isNotNull();

        // the first band of dark pixels from the top is the <h1>; right-to-left puts it at the right
        // edge of the centred column, left-to-right would put it at the left edge
        int[] band = firstTextBand(image);
        assertThat(band).as("no text found in %s", png).isNotNull();
        int width = image.getWidth();
        assertThat(band[0]).as("left edge of the heading in %s (page width %d)", png, width).isGreaterThan(width / 2);
    }

    /** {minX, maxX} of the dark pixels in the topmost run of rows that contain any, or null. */
    static int[] firstTextBand(BufferedImage image) {
        int minX = Integer.MAX_VALUE, maxX = -1, blank = 0;
        boolean inBand = false;
        for (int y = 0; y < image.getHeight(); y++) {
            boolean dark = false;
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int lum = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
                if (lum < 100) {
                    dark = true;
                    minX = Math.min(minX, x);
                    maxX = Math.max(maxX, x);
                }
            }
            if (dark) {
                inBand = true;
                blank = 0;
            } else if (inBand && ++blank > 6) {
                break;
            }
        }
        return maxX < 0 ? null : new int[] {minX, maxX};
    }

    /** Runs headless Chromium with its own throwaway profile and returns what it printed. */
    static String chromium(Path profile, String... args) throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            String why = CHROMIUM + " is not installed (apt-get install -y chromium): the browser check of the index page"
                    + " did not run";
            System.err.println("IndexPageBrowserIT: " + why);
            Assumptions.abort(why);
        }
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile.resolve("chromium")));
        cmd.addAll(List.of(args));
        Path out = profile.resolve("stdout.txt");
        Path err = profile.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("HOME", profile.toString()); // Chromium writes caches under $HOME too
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s: " + cmd + "\n" + tail(err));
        }
        assertThat(p.exitValue()).as("chromium exit status, %s\n%s", cmd, tail(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) return "";
        String s = Files.readString(file, StandardCharsets.UTF_8);
        return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
    }
}

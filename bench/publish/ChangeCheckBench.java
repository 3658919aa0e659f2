import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.nashra.config.ConfigLoader;
import org.nashra.config.DatabaseSettings;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.publish.FeedWriter;
import org.nashra.store.Database;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoryStore;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;
import org.nashra.web.FeedService;
import org.nashra.web.WebServer;

/**
 * The server side of bench/publish/check.sh: what reading the store's change counter before every
 * cached rendering costs a poll. One JVM, one database (PostgreSQL, as several nodes share it, or the
 * embedded H2), one store of 120 stories from five made-up outlets (word salad from a fixed seed, as
 * fixture.py writes, so none merge), and two HTTP servers over it that differ in one thing only: the
 * "checked" one's FeedService reads the counter (StoryStore::changes, through FeedService's sharing
 * of reads among requests that arrive together), as the service does; the "unchecked" one's reads a
 * constant, as it did before. check.sh runs wrk against each in turn.
 *
 *   ChangeCheckBench postgresql|h2 PORT_FILE DATA_DIR
 *
 * Writes "CHECKED_PORT UNCHECKED_PORT" to PORT_FILE once both answer, and serves until stopped; a
 * PostgreSQL schema of its own (bench_check_…) is dropped on the way out.
 */
public final class ChangeCheckBench {
    static final String[] WORDS = ("الحكومة الرئيس الوزير البرلمان المجلس الشعب الدولة المدينة العاصمة الجيش الشرطة"
            + " الأمن الاقتصاد السوق النفط الغاز الكهرباء المياه الزراعة الصناعة التجارة الاستثمار البنك المركزي العملة"
            + " الدينار الجنيه الريال الدولار الموازنة الضرائب الرواتب الموظفين العمال الطلاب المدارس الجامعة المستشفى"
            + " الصحة الدواء اللقاح الطقس الأمطار الحرارة العاصفة الفيضانات الزلزال الحريق الطريق الجسر المطار القطار"
            + " الميناء السفينة الطائرة الرحلة الحدود المعبر اللاجئين المساعدات الإغاثة المنظمة الأمم المتحدة القمة"
            + " المؤتمر الاجتماع الزيارة الوفد السفير الخارجية الداخلية الدفاع العدل المحكمة القاضي القانون الدستور"
            + " الانتخابات المرشح الحزب الائتلاف المعارضة الاحتجاج المظاهرة الإضراب الاتفاق المفاوضات الهدنة العملية"
            + " الملعب المنتخب المباراة الدوري البطولة الهدف المدرب اللاعب الفريق الثقافة المهرجان المعرض الكتاب"
            + " الفيلم المسرح الموسيقى التراث الآثار المتحف السياحة الفندق الشركة المصنع المشروع الخطة البرنامج التقرير"
            + " يعلن يؤكد ينفي يبحث يستقبل يزور يفتتح يطلق يوقع يقرر يطالب يحذر يدعو يرفض يوافق يناقش يكشف جديد جديدة"
            + " كبير كبيرة واسع واسعة عاجل مهم رسمي رسمية محلي دولي إقليمي عربي عربية شمال جنوب شرق غرب").split(" ");
    static final String[][] OUTLETS = {{"sawt", "صوت الرافدين"}, {"nil", "أنباء النيل"}, {"sham", "بريد الشام"},
            {"khalij", "مرآة الخليج"}, {"maghrib", "نشرة المغرب"}};
    static final int PER_OUTLET = 24;

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("postgresql", "h2").contains(args[0])) {
            System.err.println("usage: ChangeCheckBench postgresql|h2 PORT_FILE DATA_DIR");
            System.exit(2);
        }
        Path portFile = Path.of(args[1]);
        Path data = Path.of(args[2]);
        Files.createDirectories(data);
        DatabaseSettings settings = database(args[0], data);
        Path yml = data.resolve("feeds.yml");
        StringBuilder feeds = new StringBuilder("defaults: { interval: 2h, timezone: UTC, language: ar }\nsources:\n");
        for (String[] o : OUTLETS) {
            feeds.append("  - { id: ").append(o[0]).append(", name: ").append(o[1]).append(", url: \"https://")
                    .append(o[0]).append(".example/rss\", groups: [all] }\n");
        }
        feeds.append("feeds:\n  - { id: all, title: كل الأخبار, include: { groups: [\"*\"] }, other_news: drop, limit: 100 }\n");
        Files.writeString(yml, feeds);
        FeedsFile file = ConfigLoader.loadFeeds(yml);

        try (Database db = Database.open(settings)) {
            new SourceRepository(db).sync(file.sources());
            StoryStore store = new StoryStore(db, "nashra.bench,2026", id -> 0);
            fill(store);
            HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.bench,2026");
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            // as the service builds it: the store's change counter, reads shared by requests that arrive together
            FeedService checked = new FeedService(file, store, new FeedWriter(), http, Clock.systemUTC());
            FeedService unchecked = new FeedService(file, store, new FeedWriter(), http, Clock.systemUTC(), () -> 0L);
            try (WebServer a = new WebServer(checked, file, new SourceRepository(db), metrics, http).start("127.0.0.1", 0);
                 WebServer b = new WebServer(unchecked, file, new SourceRepository(db), metrics, http).start("127.0.0.1", 0)) {
                System.err.printf(Locale.ROOT, "bench: %s, %d stories; checked on %d, unchecked on %d%n", settings.url(),
                        store.itemCount(), a.port(), b.port());
                Files.writeString(portFile, a.port() + " " + b.port() + "\n");
                new CountDownLatch(1).await(); // until stopped (SIGTERM runs the shutdown hooks)
            }
        }
    }

    /** A database of the bench's own: a fresh PostgreSQL schema, or an embedded H2 file under DATA_DIR. */
    static DatabaseSettings database(String kind, Path data) throws Exception {
        if (kind.equals("h2")) {
            return new DatabaseSettings("jdbc:h2:file:" + data.toAbsolutePath().resolve("nashra"), "sa", "", 8, false);
        }
        String base = System.getProperty("nashra.bench.pg", "jdbc:postgresql://127.0.0.1:5432/test");
        String schema = "bench_check_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection c = DriverManager.getConnection(base, "postgres", ""); Statement st = c.createStatement()) {
                st.execute("DROP SCHEMA " + schema + " CASCADE");
            } catch (Exception e) {
                System.err.println("bench: could not drop schema " + schema + ": " + e.getMessage());
            }
        }));
        // clustered, as several nodes run: the setting changes nothing the bench measures
        return new DatabaseSettings(base + "?currentSchema=" + schema, "postgres", "", 8, true);
    }

    /** Five outlets of 24 items each, seven minutes apart, each its own story. */
    static void fill(StoryStore store) {
        Random rng = new Random(20261129);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < PER_OUTLET; i++) {
            for (int s = 0; s < OUTLETS.length; s++) {
                Instant published = now.minus(Duration.ofMinutes(7L * (i * OUTLETS.length + s) + 1));
                String title = sentence(rng, 6, 10);
                List<String> paragraphs = new ArrayList<>();
                for (int p = 2 + rng.nextInt(3); p > 0; p--) paragraphs.add(sentence(rng, 35, 70));
                String text = String.join("\n", paragraphs);
                StringBuilder html = new StringBuilder();
                paragraphs.forEach(p -> html.append("<p>").append(p).append("</p>"));
                String url = "https://" + OUTLETS[s][0] + ".example/n" + i + ".html";
                RawItem raw = new RawItem(OUTLETS[s][0], url, OUTLETS[s][0] + "-n" + i, title, html.toString(), text,
                        null, published, null, null, null, List.of(), Role.MAIN, null);
                store.insert(new NormalizedItem(raw, title, text, ArabicText.matchingKey(title), ArabicText.matchingKey(text),
                        url, published, null, List.of()), null, "new", 0, null, published);
            }
        }
    }

    static String sentence(Random rng, int lo, int hi) {
        int n = lo + rng.nextInt(hi - lo + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : " ").append(WORDS[rng.nextInt(WORDS.length)]);
        return b.toString();
    }
}

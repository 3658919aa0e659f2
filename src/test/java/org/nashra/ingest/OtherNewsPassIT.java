package org.nashra.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nashra.config.ArticleRules;
import org.nashra.config.DedupSettings;
import org.nashra.config.FetchSettings;
import org.nashra.config.ListingRules;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.extract.Role;
import org.nashra.fetch.HttpFetcher;
import org.nashra.store.BoilerplateStore;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoredItem;
import org.nashra.store.StoryQuery;
import org.nashra.store.StoryRecord;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ItemNormalizer;

/**
 * What one pass over an HTML outlet makes of the "أخبار أخرى.." block it appends to every article,
 * as the demo's asdaa does: a listing of three article pages, each dated, each carrying the same
 * two other-news items (one with a headline, one a paragraph without). Real HTTP on loopback, an
 * embedded database.
 */
class OtherNewsPassIT {
    static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");

    static WireMockServer server;

    TestDatabases.Handle db;
    HttpFetcher fetcher;
    SourceRepository sources;
    StoryStore stories;
    SourceRefresher refresher;

    @BeforeAll
    static void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void open() {
        server.resetAll();
        db = TestDatabases.open("h2");
        FetchSettings fetch = LoopbackFetch.settings();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        fetcher = new HttpFetcher(fetch, clock);
        sources = new SourceRepository(db.db());
        stories = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Ingestor ingestor = new Ingestor(stories, Assigners.dedup(new JdbcStoryIndex(db.db().dataSource(),
                DedupSettings.DEFAULT.window()), DedupSettings.DEFAULT), new IngestLock(db.db(), false));
        refresher = new SourceRefresher(fetcher, sources, ingestor, new ItemNormalizer(), FixedPoll.QUARTER_HOUR,
                clock, BoilerplateMemory.load(new BoilerplateStore(db.db())));
    }

    @AfterEach
    void close() throws Exception {
        fetcher.close();
        db.close();
    }

    static final String MORE_NEWS = """
            <div class="more-news"><h3>أخبار أخرى..</h3>
            <p><strong>النقل: تسيير قطار يومي جديد بين بغداد والبصرة مطلع الشهر المقبل</strong></p>
            <p>أعلنت الشركة العامة لسكك الحديد العراقية، اليوم الأحد، تسيير رحلة يومية جديدة لقطار المسافرين بين بغداد والبصرة اعتباراً من الأول من كانون الأول.</p>
            <p>وقال المكتب الإعلامي لرئيس مجلس النواب في بيان، إن "رئيس المجلس استقبل في مكتبه اليوم السفير الياباني لدى العراق"، مبيناً أنه "جرى خلال اللقاء بحث العلاقات الثنائية بين البلدين".</p>
            </div>""";

    static String article(String title, String datetime, String lead) {
        return """
                <!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>%1$s</title></head><body>
                <article class="post"><h1 class="entry-title">%1$s</h1>
                <time class="entry-date" datetime="%2$s">%2$s</time>
                <div class="entry-content"><p>%3$s</p>
                <p>وأضاف المتحدث أن العمل سيستمر خلال الأشهر المقبلة وفق الخطة التي أعدتها الوزارة بالتنسيق مع المحافظات.</p>
                %4$s</div></article></body></html>""".formatted(title, datetime, lead, MORE_NEWS);
    }

    static void html(String path, String body) {
        server.stubFor(get(path).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** Three articles, newest first as listings go; the middle one is the oldest. */
    SourceConfig outlet() {
        html("/archives/3301/", article("اتفاق عراقي تركي على رفع الإطلاقات المائية لمواجهة شح المياه",
                "2026-11-29T11:45:00+03:00", "توصل العراق وتركيا إلى اتفاق لزيادة الإطلاقات المائية في نهري دجلة والفرات خلال الأشهر الثلاثة المقبلة."));
        html("/archives/3304/", article("عمليات الأنبار تنفذ عملية تفتيش واسعة في صحراء الرطبة",
                "2026-11-29T08:40:00+03:00", "نفذت قيادة عمليات الأنبار عملية تفتيش واسعة في صحراء الرطبة بمشاركة قطعات من الجيش والحشد."));
        html("/archives/3302/", article("افتتاح مجسر القادسية في بغداد أمام حركة السير قبل موعده",
                "2026-11-29T11:20:00+03:00", "افتتحت أمانة بغداد مجسر تقاطع القادسية أمام حركة السير قبل موعده المحدد بشهرين."));
        html("/", """
                <!DOCTYPE html><html lang="ar"><body>
                <article class="post"><h2><a href="/archives/3301/">اتفاق عراقي تركي على رفع الإطلاقات</a></h2></article>
                <article class="post"><h2><a href="/archives/3304/">عمليات الأنبار تنفذ عملية تفتيش واسعة</a></h2></article>
                <article class="post"><h2><a href="/archives/3302/">افتتاح مجسر القادسية في بغداد</a></h2></article>
                </body></html>""");
        SourceConfig of = SourceConfig.of("asdaa", URI.create("http://127.0.0.1:" + server.port() + "/"), SourceType.HTML);
        SourceConfig s = new SourceConfig(of.id(), "أصداء", of.url(), of.type(), of.groups(), of.priority(), of.interval(),
                null, null, null, "ar", true, null, true,
                new ListingRules("article.post", "h2 a@href", "h2 a", null, null),
                new ArticleRules("h1.entry-title", ".entry-content", "time.entry-date@datetime", null, null, ".more-news", List.of()),
                List.of(), List.of("أخبار أخرى.."));
        sources.sync(List.of(s));
        return s;
    }

    List<StoredItem> others() {
        return stories.stories(new StoryQuery(null, null, null, null, null, null, 100)).stream()
                .flatMap(s -> s.members().stream()).filter(m -> m.role() == Role.OTHER).toList();
    }

    @Test
    void anOtherNewsItemRepeatedOnSeveralPagesOfTheOutletIsStoredOnceAndNotWarnedOf() {
        PassSummary pass = refresher.refresh(outlet());

        assertThat(pass.status()).isEqualTo("ok");
        assertThat(others()).hasSize(2);
        assertThat(pass.itemsNew()).as("three articles and two other-news items").isEqualTo(5);
        assertThat(pass.itemsDuplicate()).as("the two items again on two more pages").isEqualTo(4);
        assertThat(pass.warnings()).noneMatch(w -> w.contains("guid"));
        List<StoryRecord> otherStories = stories.stories(new StoryQuery(null, null, StoryQuery.Roles.OTHER_ONLY, null, null,
                null, 100));
        assertThat(otherStories).hasSize(2).allSatisfy(s -> assertThat(s.members()).hasSize(1));
    }

    /**
     * QA on the demo: other-news items of pages dated 29 Nov were dated by the fetch (30 Nov) and
     * listed in the digest of 30 Nov. What a page appends was out by the time the page was, so each
     * is dated no later than its page; read on several pages, no later than the earliest of them.
     */
    @Test
    void anOtherNewsItemIsDatedByTheEarliestPageItWasReadOnWithThatPagesPrecision() {
        refresher.refresh(outlet());

        Instant earliestPage = Instant.parse("2026-11-29T05:40:00Z"); // 08:40 in Baghdad, the second page listed
        assertThat(others()).hasSize(2).allSatisfy(o -> {
            assertThat(o.published()).isEqualTo(earliestPage);
            assertThat(o.datePrecision()).isEqualTo(org.nashra.text.DatePrecision.TIME);
            assertThat(o.parentUrl()).endsWith("/archives/3304/");
        });
        assertThat(stories.stories(new StoryQuery(null, null, StoryQuery.Roles.OTHER_ONLY, null, null, null, 100)))
                .allSatisfy(s -> assertThat(s.published()).isEqualTo(earliestPage));
    }

    @Test
    void anOtherNewsItemOfAnUndatedPageTakesTheDateTheListingGaveThePage() {
        SourceConfig dated = outlet();
        for (String page : List.of("/archives/3301/", "/archives/3304/", "/archives/3302/")) {
            html(page, article("عنوان خبر بلا تاريخ في صفحته " + page, "", "نص خبر بلا تاريخ في صفحته، وفيه ما يكفي من الكلمات ليكون فقرة.")
                    .replace("<time class=\"entry-date\" datetime=\"\"></time>", ""));
        }
        html("/", """
                <!DOCTYPE html><html lang="ar"><body>
                <article class="post"><h2><a href="/archives/3301/">خبر أول</a></h2><time datetime="2026-11-29T07:00:00Z">29</time></article>
                <article class="post"><h2><a href="/archives/3304/">خبر ثان</a></h2></article>
                </body></html>""");
        SourceConfig s = new SourceConfig(dated.id(), dated.name(), dated.url(), dated.type(), dated.groups(), dated.priority(),
                dated.interval(), null, null, null, "ar", true, null, true,
                new ListingRules("article.post", "h2 a@href", "h2 a", "time@datetime", null),
                new ArticleRules("h1.entry-title", ".entry-content", null, null, null, ".more-news", List.of()),
                List.of(), List.of("أخبار أخرى.."));
        sources.sync(List.of(s));

        refresher.refresh(s);

        // the first page read is the one the listing dated; the second, undated, has the same items at the fetch time
        assertThat(others()).hasSize(2).allSatisfy(o -> {
            assertThat(o.published()).isEqualTo(Instant.parse("2026-11-29T07:00:00Z"));
            assertThat(o.parentUrl()).endsWith("/archives/3301/");
        });
    }
}

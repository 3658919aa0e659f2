package org.nashra.ingest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import org.nashra.config.DedupSettings;
import org.nashra.config.FetchSettings;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.fetch.HttpFetcher;
import org.nashra.store.BoilerplateStore;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.store.SourceRepository;
import org.nashra.store.SourceState;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ItemNormalizer;

/**
 * What one pass records as a source's health, against misbehaving servers on loopback: the
 * whole refresh (real HTTP, extraction, normalization, store) on an embedded database.
 */
class SourceHealthIT {
    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static WireMockServer server;

    TestDatabases.Handle db;
    HttpFetcher fetcher;
    SourceRepository sources;
    SourceRefresher refresher;

    @BeforeAll
    static void start() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hc"))
                .setLevel(ch.qos.logback.classic.Level.INFO);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("wiremock"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.eclipse"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
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
        fetcher = new HttpFetcher(fetch, CLOCK);
        sources = new SourceRepository(db.db());
        StoryStore stories = new StoryStore(db.db(), "nashra.test,2026", id -> 0);
        Ingestor ingestor = new Ingestor(stories, Assigners.dedup(new JdbcStoryIndex(db.db().dataSource(),
                DedupSettings.DEFAULT.window()), DedupSettings.DEFAULT), new IngestLock(db.db(), false));
        refresher = new SourceRefresher(fetcher, sources, ingestor, new ItemNormalizer(), FixedPoll.QUARTER_HOUR, CLOCK,
                BoilerplateMemory.load(new BoilerplateStore(db.db())));
    }

    @AfterEach
    void close() throws Exception {
        fetcher.close();
        db.close();
    }


    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>وكالة الرافدين</title><link>https://rafidain.example/</link>
            <description>أخبار</description>
            <item><title>البرلمان يصوّت على قانون الموازنة</title><link>https://rafidain.example/a/1</link>
            <guid>r-1</guid><pubDate>Sun, 29 Nov 2026 09:00:00 +0300</pubDate>
            <description>صوّت مجلس النواب اليوم على قانون الموازنة الاتحادية بعد جلسة طويلة.</description></item>
            </channel></rss>
            """;

    static void serve(String path, String body) {
        server.stubFor(get(path).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(body.getBytes(StandardCharsets.UTF_8))));
    }

    SourceConfig source(String id, String path) {
        SourceConfig s = SourceConfig.of(id, URI.create("http://127.0.0.1:" + server.port() + path), SourceType.RSS);
        sources.sync(List.of(s));
        return s;
    }

    /** An HTML source read by listing rules whose item selector is {@code item}. */
    SourceConfig htmlListing(String id, String path, String item) {
        SourceConfig of = SourceConfig.of(id, URI.create("http://127.0.0.1:" + server.port() + path), SourceType.HTML);
        SourceConfig s = new SourceConfig(of.id(), of.name(), of.url(), of.type(), of.groups(), of.priority(),
                of.interval(), null, null, null, "ar", false, null, true,
                new org.nashra.config.ListingRules(item, null, null, null, null), null, List.of(), List.of());
        sources.sync(List.of(s));
        return s;
    }

    SourceState health(SourceConfig s) {
        return sources.find(s.id()).orElseThrow();
    }

    /** QA run: a 200 whose body hash was unchanged showed in health as a 304. */
    @Test
    void a200WithTheBodyOfLastTimeIsRecordedAs200UnchangedBody() {
        serve("/same.rss", RSS);
        SourceConfig s = source("rafidain", "/same.rss");
        assertThat(refresher.refresh(s).status()).isEqualTo("ok");

        PassSummary again = refresher.refresh(s);

        assertThat(again.status()).isEqualTo("not_modified");
        SourceState h = health(s);
        assertThat(h.lastStatus()).isEqualTo("not_modified");
        assertThat(h.httpStatus()).as("what the server answered").isEqualTo(200);
        assertThat(h.warnings()).as("an unchanged body is no problem").isNull();
        assertThat(h.notes()).isEqualTo("not modified (200, unchanged body)");
        assertThat(h.errorStreak()).isZero();
    }

    @Test
    void a304ToAConditionalRequestIsRecordedAs304() {
        server.stubFor(get("/cond.rss").atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withHeader("ETag", "\"v1\"")
                .withBody(RSS.getBytes(StandardCharsets.UTF_8))));
        server.stubFor(get("/cond.rss").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        SourceConfig s = source("dijla", "/cond.rss");
        assertThat(refresher.refresh(s).status()).isEqualTo("ok");

        assertThat(refresher.refresh(s).status()).isEqualTo("not_modified");

        SourceState h = health(s);
        assertThat(h.httpStatus()).isEqualTo(304);
        assertThat(h.warnings()).isNull();
        assertThat(h.notes()).isEqualTo("not modified (304)");
    }

    /**
     * QA run: a pass's notes (charset, not modified) and its warnings came as one list, so a 304 counted
     * as an extraction warning and {@code fetch -v} printed "304 Not Modified" like a broken rule.
     */
    @Test
    void aPassKeepsWhatItNotesApartFromWhatItWarns() {
        server.stubFor(get("/nbsp.rss").atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withHeader("ETag", "\"v1\"")
                .withBody(RSS.replace("بعد جلسة طويلة", "بعد&nbsp;جلسة طويلة").getBytes(StandardCharsets.UTF_8))));
        server.stubFor(get("/nbsp.rss").atPriority(1).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        SourceConfig s = source("dijla", "/nbsp.rss");

        PassSummary read = refresher.refresh(s);
        PassSummary notModified = refresher.refresh(s);

        assertThat(read.status()).isEqualTo("ok");
        assertThat(read.warnings()).singleElement().asString().startsWith("malformed XML read leniently");
        assertThat(read.notes()).singleElement().asString().startsWith("charset UTF-8");
        assertThat(notModified.status()).isEqualTo("not_modified");
        assertThat(notModified.warnings()).as("no body read, nothing of its own to warn of").isEmpty();
        assertThat(notModified.notes()).containsExactly("not modified (304)");
    }

    /** An RSS feed that answers 304 to the ETag it gave with {@code body}, and {@code body} to anything else. */
    static void serveWithEtag(String path, String body, String etag) {
        server.stubFor(get(path).atPriority(5).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withHeader("ETag", etag)
                .withBody(body.getBytes(StandardCharsets.UTF_8))));
        server.stubFor(get(path).atPriority(1).withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
    }

    /**
     * QA run: a 304 replaced the source's warnings, so "listed no items" left its health while the
     * outlet went on serving the same empty feed. The warnings are the last body read's, and that
     * body is what the 304 says is still served.
     */
    @Test
    void a304KeepsTheWarningsOfTheBodyItStandsForUntilANewBodyIsRead() {
        String empty = RSS.replaceAll("(?s)<item>.*</item>", "");
        serveWithEtag("/emptied.rss", empty, "\"e1\"");
        SourceConfig s = source("dijla", "/emptied.rss");
        refresher.refresh(s);
        String listedNothing = "the body at http://127.0.0.1:" + server.port() + "/emptied.rss listed no items";
        assertThat(health(s).warnings()).isEqualTo(listedNothing);

        assertThat(refresher.refresh(s).status()).isEqualTo("not_modified");

        SourceState h = health(s);
        assertThat(h.httpStatus()).isEqualTo(304);
        assertThat(h.warnings()).as("the body served is still the empty one").isEqualTo(listedNothing);
        assertThat(h.notes()).isEqualTo("not modified (304)");

        // the outlet mends its feed: a new body is read, and its health is that body's
        server.resetAll();
        serveWithEtag("/emptied.rss", RSS, "\"e2\"");
        assertThat(refresher.refresh(s).itemsNew()).isEqualTo(1);
        SourceState mended = health(s);
        assertThat(mended.warnings()).isNull();
        assertThat(mended.notes()).isNull();
    }

    /**
     * QA run: a 200 with the body of last time replaced the source's warnings with "unchanged body": an
     * HTML listing whose item selector broke looked healthy from its second pass on, and the note
     * looked like a problem.
     */
    @Test
    void anUnchangedBodyKeepsTheLastReadsWarningsAndIsANoteNotAWarning() {
        server.stubFor(get("/latest").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><body><ul><li class=\"story\"><a href=\"/news/1\">افتتاح جسر جديد"
                        + " يربط ضفتي شط العرب</a></li></ul></body></html>")));
        SourceConfig s = htmlListing("manara", "/latest", "li.item");
        refresher.refresh(s);
        String broken = health(s).warnings();
        assertThat(broken).contains("li.item").contains("no items");

        PassSummary again = refresher.refresh(s);

        assertThat(again.status()).isEqualTo("not_modified");
        assertThat(again.warnings()).isEmpty();
        SourceState h = health(s);
        assertThat(h.httpStatus()).isEqualTo(200);
        assertThat(h.warnings()).isEqualTo(broken).doesNotContain("unchanged");
        assertThat(h.notes()).isEqualTo("not modified (200, unchanged body)");
    }

    /** A failed pass reads no body: the 304 after it stands for the last body read, warnings and all. */
    @Test
    void aFailedPassLeavesTheWarningsOfTheLastBodyRead() {
        String empty = RSS.replaceAll("(?s)<item>.*</item>", "");
        serveWithEtag("/flaky.rss", empty, "\"f1\"");
        SourceConfig s = source("basra", "/flaky.rss");
        refresher.refresh(s);
        String listedNothing = health(s).warnings();
        assertThat(listedNothing).endsWith("/flaky.rss listed no items");
        server.stubFor(get("/flaky.rss").atPriority(0).willReturn(aResponse().withStatus(500)));

        assertThat(refresher.refresh(s).status()).isEqualTo("failed");

        assertThat(health(s).lastErrorKind()).isNotNull();
        assertThat(health(s).warnings()).isEqualTo(listedNothing);
        server.resetAll();
        serveWithEtag("/flaky.rss", empty, "\"f1\"");
        assertThat(refresher.refresh(s).status()).isEqualTo("not_modified");
        assertThat(health(s).warnings()).isEqualTo(listedNothing);
    }

    /** QA run: a server that answers every request with 304 was counted as a success, pass after pass. */
    @Test
    void a304ToARequestWithoutValidatorsIsAFailureNamingTheSource() {
        server.stubFor(get("/always-304.rss").willReturn(aResponse().withStatus(304)));
        SourceConfig s = source("basra", "/always-304.rss");

        PassSummary pass = refresher.refresh(s);

        assertThat(pass.status()).isEqualTo("failed");
        SourceState h = health(s);
        assertThat(h.lastStatus()).isEqualTo("failed");
        assertThat(h.errorStreak()).isEqualTo(1);
        assertThat(h.lastSuccess()).isNull();
        assertThat(h.httpStatus()).isEqualTo(304);
        assertThat(h.lastErrorKind()).isEqualTo("BAD_CONTENT");
        assertThat(h.lastError()).contains("'basra'").contains("/always-304.rss")
                .contains("answered 304 Not Modified to a request without validators");
    }

    /** QA run: an item with a javascript: link was rejected whole; its guid was enough to keep it. */
    @Test
    void anItemWithAScriptLinkIsStoredOnItsGuidAndTheDroppedLinkWarned() {
        serve("/script-link.rss", RSS.replace("<link>https://rafidain.example/a/1</link>",
                "<link>javascript:alert(document.cookie)</link>"));
        SourceConfig s = source("rafidain", "/script-link.rss");

        PassSummary pass = refresher.refresh(s);

        assertThat(pass.itemsNew()).isEqualTo(1);
        assertThat(pass.itemsRejected()).isZero();
        SourceState h = health(s);
        assertThat(h.lastStatus()).isEqualTo("ok");
        assertThat(h.warnings()).contains("javascript: link").contains("the link is dropped")
                .doesNotContain("rejected");
    }

    /** QA run: a 25,000-character title was republished unchanged and health said nothing. */
    @Test
    void aHugeTitleIsStoredCutAndTheSourceWarned() {
        String huge = "انقطاع التيار الكهربائي في أحياء واسعة من البصرة ".repeat(500).strip();
        serve("/huge-title.rss", RSS.replace("البرلمان يصوّت على قانون الموازنة", huge));
        SourceConfig s = source("basra", "/huge-title.rss");

        assertThat(refresher.refresh(s).itemsNew()).isEqualTo(1);

        String stored = new StoryStore(db.db(), "nashra.test,2026", id -> 0)
                .stories(new org.nashra.store.StoryQuery(null, null, null, null, null, null, 10))
                .get(0).representative().title();
        assertThat(stored).hasSizeLessThanOrEqualTo(ItemNormalizer.MAX_TITLE_CHARS).endsWith("…")
                .startsWith("انقطاع التيار الكهربائي");
        assertThat(health(s).warnings()).contains("https://rafidain.example/a/1").contains("title cut from "
                + huge.length());
    }

    /** QA run: a feed that had items and suddenly listed none passed as ok with nothing to say so. */
    @Test
    void aFeedThatHadItemsAndListsNoneIsWarnedOnceWithItsHistory() {
        serve("/emptied.rss", RSS);
        SourceConfig s = source("dijla", "/emptied.rss");
        assertThat(refresher.refresh(s).itemsNew()).isEqualTo(1);
        serve("/emptied.rss", RSS.replaceAll("(?s)<item>.*</item>", ""));

        PassSummary pass = refresher.refresh(s);

        assertThat(pass.status()).isEqualTo("ok");
        SourceState h = health(s);
        assertThat(h.warnings()).isEqualTo("the body at http://127.0.0.1:" + server.port()
                + "/emptied.rss listed no items; it had items before (1 stored from earlier passes)");
    }

    @Test
    void aFeedThatNeverHadItemsIsWarnedWithoutAHistory() {
        serve("/quiet.rss", RSS.replaceAll("(?s)<item>.*</item>", ""));
        SourceConfig s = source("quiet", "/quiet.rss");

        refresher.refresh(s);

        assertThat(health(s).warnings()).endsWith("/quiet.rss listed no items");
    }

    /** A listing whose pages were all stored on earlier passes listed items: it is not empty. */
    @Test
    void aListingWhosePagesAreAllStoredIsNotReportedEmpty() {
        String article = "<!DOCTYPE html><html lang=\"ar\"><head><title>خبر</title></head><body><article>"
                + "<h1>افتتاح جسر جديد يربط ضفتي شط العرب في البصرة</h1>"
                + "<p>افتتحت الحكومة المحلية في البصرة اليوم جسرا جديدا يربط ضفتي شط العرب، بعد ثلاث سنوات من العمل.</p>"
                + "<p>وقال المحافظ إن الجسر سيختصر زمن التنقل بين المدينة وقضاء شط العرب إلى دقائق.</p>"
                + "</article></body></html>";
        server.stubFor(get("/news/1").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(article.getBytes(StandardCharsets.UTF_8))));
        String listing = "<!DOCTYPE html><html><body><ul><li class=\"item\"><a href=\"/news/1\">افتتاح جسر جديد"
                + "</a></li></ul><footer>%s</footer></body></html>";
        server.stubFor(get("/latest").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(listing.formatted("1").getBytes(StandardCharsets.UTF_8))));
        SourceConfig of = SourceConfig.of("manara", URI.create("http://127.0.0.1:" + server.port() + "/latest"),
                SourceType.HTML);
        SourceConfig s = new SourceConfig(of.id(), of.name(), of.url(), of.type(), of.groups(), of.priority(),
                of.interval(), null, null, null, "ar", false, null, true,
                new org.nashra.config.ListingRules("li.item", null, null, null, null), null, List.of(), List.of());
        sources.sync(List.of(s));
        assertThat(refresher.refresh(s).itemsNew()).isEqualTo(1);
        // the page changes (its footer), the one article it lists does not
        server.stubFor(get("/latest").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(listing.formatted("2").getBytes(StandardCharsets.UTF_8))));

        PassSummary again = refresher.refresh(s);

        assertThat(again.status()).isEqualTo("ok");
        assertThat(String.valueOf(health(s).warnings())).doesNotContain("no items");
    }

    /**
     * QA run: a listing whose item selector stopped matching was warned of three times: the selector, "listing
     * yielded no items" and "the listing … listed no items". One message says it all, with the source, the
     * selector and whether the source had items before.
     */
    @Test
    void aListingWhoseItemSelectorBrokeIsWarnedOnceNamingTheSourceAndTheSelector() {
        server.stubFor(get("/news/1").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(("<!DOCTYPE html><html lang=\"ar\"><body><article><h1>افتتاح جسر جديد يربط ضفتي شط العرب</h1>"
                        + "<p>افتتحت الحكومة المحلية في البصرة اليوم جسرا جديدا يربط ضفتي شط العرب، بعد ثلاث سنوات من العمل.</p>"
                        + "</article></body></html>").getBytes(StandardCharsets.UTF_8))));
        String listing = "<!DOCTYPE html><html><body><ul><li class=\"%s\"><a href=\"/news/1\">افتتاح جسر جديد"
                + " يربط ضفتي شط العرب</a></li></ul></body></html>";
        server.stubFor(get("/latest").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(listing.formatted("item").getBytes(StandardCharsets.UTF_8))));
        SourceConfig s = htmlListing("manara", "/latest", "li.item");
        assertThat(refresher.refresh(s).itemsNew()).isEqualTo(1);
        // the outlet renames its markup
        server.stubFor(get("/latest").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(listing.formatted("story-card").getBytes(StandardCharsets.UTF_8))));

        PassSummary broken = refresher.refresh(s);

        String one = "listing of source manara at http://127.0.0.1:" + server.port() + "/latest yielded no items:"
                + " selector 'li.item' for listing item matched nothing; it had items before (1 stored from earlier passes)";
        assertThat(broken.warnings()).containsExactly(one);
        assertThat(health(s).warnings()).isEqualTo(one);
    }

    /**
     * An item with an id and no link gets the feed's address as its link; with full text on, that
     * address was fetched and the home page's text replaced the item's.
     */
    @Test
    void fullTextDoesNotFetchTheStandInLinkOfAnItemWithoutOne() {
        String home = "<!DOCTYPE html><html lang=\"ar\"><body><article><h1>الصفحة الرئيسية لوكالة الرافدين</h1>"
                + "<p>" + "آخر الأخبار والتقارير من بغداد والبصرة والموصل وسائر المحافظات العراقية. ".repeat(20) + "</p>"
                + "</article></body></html>";
        server.stubFor(get("/").willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(home.getBytes(StandardCharsets.UTF_8))));
        String base = "http://127.0.0.1:" + server.port() + "/";
        serve("/no-link.rss", RSS.replace("<link>https://rafidain.example/</link>", "<link>" + base + "</link>")
                .replace("<link>https://rafidain.example/a/1</link>", "")
                .replace("<guid>r-1</guid>", "<guid isPermaLink=\"false\">r-1</guid>"));
        SourceConfig of = source("rafidain", "/no-link.rss");
        SourceConfig s = new SourceConfig(of.id(), of.name(), of.url(), of.type(), of.groups(), of.priority(),
                of.interval(), null, null, null, "ar", true, null, false, null, null, List.of(), List.of());
        sources.sync(List.of(s));

        assertThat(refresher.refresh(s).itemsNew()).isEqualTo(1);

        server.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/")));
        String text = new StoryStore(db.db(), "nashra.test,2026", id -> 0)
                .stories(new org.nashra.store.StoryQuery(null, null, null, null, null, null, 10))
                .get(0).representative().contentText();
        assertThat(text).contains("قانون الموازنة").doesNotContain("الصفحة الرئيسية");
    }
}

package org.nashra.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.Settings;
import org.nashra.ingest.PassSummary;
import org.nashra.publish.FeedFormat;
import org.nashra.store.SourceState;
import org.nashra.web.FeedParams;
import org.nashra.web.FeedService;

/** The whole pipeline on real HTTP: one bad source never stops the others. */
class PipelineIT {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>وكالة الرافدين</title><link>http://127.0.0.1/</link><description>أخبار</description>
            <item><title>البرلمان يصوّت على قانون الموازنة</title><link>http://127.0.0.1/a/1</link><guid>r-1</guid>
            <description>صوّت مجلس النواب اليوم على قانون الموازنة الاتحادية بعد جلسة طويلة.</description>
            <pubDate>%s</pubDate></item>
            <item><title>ارتفاع أسعار الذهب في الأسواق المحلية</title><link>http://127.0.0.1/a/2</link><guid>r-2</guid>
            <description>ارتفعت أسعار الذهب في الأسواق المحلية صباح اليوم.</description>
            <pubDate>%s</pubDate></item>
            </channel></rss>
            """.formatted(hoursAgo(3), hoursAgo(2));

    /**
     * Item dates within the retention period whenever the test runs: fixed dates would be older
     * than it a month on, and their items would no longer be stored.
     */
    static String hoursAgo(int hours) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(hours));
    }

    @TempDir Path dir;

    /** The default settings in this test's directory, with WireMock's loopback host allowed. */
    Settings loopbackSettings() {
        Settings settings = ConfigLoader.defaultSettings(dir);
        return settings.withFetch(settings.fetch().withAllowPrivateHosts(List.of("127.0.0.1")));
    }
    WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        wm.start();
        wm.stubFor(get(urlEqualTo("/good.rss")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(RSS.getBytes(StandardCharsets.UTF_8))));
        wm.stubFor(get(urlEqualTo("/broken.rss")).willReturn(aResponse().withStatus(500).withBody("oops")));
        wm.stubFor(get(urlEqualTo("/page.rss")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<!DOCTYPE html><html><body><p>ليست خلاصة</p></body></html>")));
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    @Test
    void badSourcesGetClearErrorsAndTheHealthySourceIsUnaffected() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String base = "http://127.0.0.1:" + wm.port();
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: broken, url: "%1$s/broken.rss", type: rss }
                  - { id: unreachable, url: "http://127.0.0.1:%2$d/feed.rss", type: rss }
                  - { id: notafeed, url: "%1$s/page.rss", type: rss }
                  - { id: good, name: الرافدين, url: "%1$s/good.rss", type: rss }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(base, closedPort));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = ConfigLoader.defaultSettings(dir);
        settings = settings.withFetch(settings.fetch().withAllowPrivateHosts(List.of("127.0.0.1", "localhost")));
        try (App app = new App(settings, feeds)) {
            List<PassSummary> passes = feeds.sources().stream().map(app.refresher::refresh).toList();
            assertThat(passes).extracting(PassSummary::status).containsExactly("failed", "failed", "failed", "ok");

            SourceState broken = app.sources.find("broken").orElseThrow();
            assertThat(broken.lastErrorKind()).isEqualTo("HTTP_SERVER_ERROR");
            assertThat(broken.lastError()).contains(base + "/broken.rss").contains("500");
            assertThat(broken.errorStreak()).isEqualTo(1);

            SourceState unreachable = app.sources.find("unreachable").orElseThrow();
            assertThat(unreachable.lastErrorKind()).isIn("CONNECT", "IO");
            assertThat(unreachable.lastError()).contains("127.0.0.1:" + closedPort);

            SourceState notAFeed = app.sources.find("notafeed").orElseThrow();
            assertThat(notAFeed.lastErrorKind()).isEqualTo("BAD_CONTENT");
            assertThat(notAFeed.lastError()).contains(base + "/page.rss").containsIgnoringCase("html");

            SourceState good = app.sources.find("good").orElseThrow();
            assertThat(good.lastStatus()).isEqualTo("ok");
            assertThat(good.itemsNew()).isEqualTo(2);
            String atom = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.ATOM,
                    FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(atom).contains("البرلمان يصوّت على قانون الموازنة").contains("ارتفاع أسعار الذهب");

            // a second pass: the unchanged body costs nothing and stores nothing twice
            PassSummary again = app.refresher.refresh(feeds.source("good").orElseThrow());
            assertThat(again.status()).isIn("not_modified", "ok");
            assertThat(again.itemsNew()).isZero();
            assertThat(app.stories.itemCount()).isEqualTo(2);
        }
    }

    @Test
    void entryIdsSurviveRestartAndReingestion() throws Exception {
        String base = "http://127.0.0.1:" + wm.port();
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: good, name: الرافدين, url: "%s/good.rss", type: rss }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(base));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = ConfigLoader.defaultSettings(dir);
        Settings s = settings.withFetch(settings.fetch().withAllowPrivateHosts(List.of("127.0.0.1")));
        List<String> before;
        try (App app = new App(s, feeds)) {
            app.refresher.refresh(feeds.source("good").orElseThrow());
            before = ids(app);
        }
        assertThat(before).hasSize(2);
        // a restart on the same database, and the source's validators forgotten: everything is read again
        try (App app = new App(s, feeds)) {
            app.sources.sync(List.of(org.nashra.config.SourceConfig.of("good", java.net.URI.create(base + "/moved.rss"),
                    org.nashra.config.SourceType.RSS)));
            app.sources.sync(feeds.sources());
            PassSummary again = app.refresher.refresh(feeds.source("good").orElseThrow());
            assertThat(again.status()).isEqualTo("ok");
            assertThat(again.itemsDuplicate()).isEqualTo(2);
            assertThat(ids(app)).isEqualTo(before);
        }
        // explain two stored items by id, on the same database the service wrote
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.out;
        int code;
        try {
            System.setOut(new java.io.PrintStream(out, true, StandardCharsets.UTF_8));
            code = Main.commandLine().execute("--feeds", yml.toString(), "--data", dir.toString(), "explain", "1", "2");
        } finally {
            System.setOut(old);
        }
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("different stories").contains("rule").contains("title Jaccard");
    }

    @Test
    void feedChromeAndLinesRecurringInEveryItemStayOutOfThePublishedFeed() throws Exception {
        StringBuilder rss = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>المسلة</title><link>http://127.0.0.1/</link><description>أخبار</description>");
        String[] titles = {"افتتاح جسر جديد في بغداد", "ارتفاع أسعار الذهب في الأسواق", "البرلمان يقر قانون الموازنة"};
        String[] bodies = {"افتتحت أمانة بغداد جسراً جديداً يربط جانبي الكرخ والرصافة قبل موعده.",
                "ارتفعت أسعار الذهب في الأسواق المحلية صباح اليوم بنسبة طفيفة.",
                "صوّت مجلس النواب على قانون الموازنة الاتحادية بعد جلسة طويلة."};
        for (int i = 0; i < titles.length; i++) {
            rss.append("<item><title>").append(titles[i]).append("</title><link>http://127.0.0.1/?p=").append(i)
                    .append("</link><pubDate>").append(hoursAgo(10 - i)).append("</pubDate>")
                    .append("<description><![CDATA[<p>").append(bodies[i]).append("</p>")
                    .append("<p>للاشتراك في خدمة الأخبار العاجلة أرسل كلمة نشرة إلى الرقم 4040</p>")
                    .append("<p>ظهرت المقالة <a href=\"http://127.0.0.1/?p=").append(i).append("\">").append(titles[i])
                    .append("</a> أولاً على <a href=\"http://127.0.0.1/\">المسلة</a>.</p>]]></description></item>");
        }
        rss.append("</channel></rss>");
        wm.stubFor(get(urlEqualTo("/wp.rss")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml")
                .withBody(rss.toString().getBytes(StandardCharsets.UTF_8))));
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: masalla, name: المسلة, url: "http://127.0.0.1:%d/wp.rss", type: rss }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(wm.port()));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = loopbackSettings();
        try (App app = new App(settings, feeds)) {
            assertThat(app.refresher.refresh(feeds.source("masalla").orElseThrow()).itemsNew()).isEqualTo(3);
            String json = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.JSON,
                    FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(json).contains(bodies[0]).contains(bodies[1]).contains(bodies[2])
                    .doesNotContain("4040").doesNotContain("ظهرت المقالة");
        }
    }

    /** QA run: items older than retention were stored again after each purge, under new story ids. */
    @Test
    void itemsOlderThanRetentionAreNotStoredAgain() throws Exception {
        java.time.format.DateTimeFormatter rfc1123 = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
        String recent = rfc1123.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(2));
        String old = rfc1123.format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusDays(40));
        wm.stubFor(get(urlEqualTo("/archive.rss")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody("""
                        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أرشيف</title>
                        <item><title>افتتاح جسر جديد في البصرة</title><link>https://x.example/1</link><pubDate>%s</pubDate>
                        <description>افتتحت المحافظة جسرا جديدا يربط ضفتي شط العرب.</description></item>
                        <item><title>خبر قديم عن موسم الأمطار</title><link>https://x.example/2</link><pubDate>%s</pubDate>
                        <description>أعلنت الأنواء الجوية بدء موسم الأمطار.</description></item>
                        </channel></rss>""".formatted(recent, old))));
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: archive, url: "http://127.0.0.1:%d/archive.rss", type: rss }
                """.formatted(wm.port()));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = loopbackSettings();
        try (App app = new App(settings, feeds)) {
            PassSummary pass = app.refresher.refresh(feeds.source("archive").orElseThrow());
            assertThat(pass.itemsNew()).isEqualTo(1);
            assertThat(pass.itemsRejected()).isEqualTo(1);
            assertThat(pass.warnings()).anySatisfy(n -> assertThat(n).contains("retention 30 days").contains("not stored"));
        }
    }

    /** QA: one &nbsp;, control character, bare '&' or unclosed tag used to cost the whole feed. */
    @Test
    void aFeedWithCommonXmlFlawsIsReadLenientlyAndTheRepairIsOnItsHealth() throws Exception {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(1));
        wm.stubFor(get(urlEqualTo("/flawed.rss")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody(("""
                        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>شبكة دجلة</title>
                        <link>http://127.0.0.1/</link><description>أخبار</description>
                        <item><title>وزير الخارجية&nbsp;يصل إلى عمّان</title><link>http://127.0.0.1/news?id=1&cat=2</link>
                        <pubDate>%1$s</pubDate><description>بدأ الوزير زيارة رسمية تستمر يومين.</description></item>
                        <item><title>انطلاق معرض بغداد الدولي للكتاب</title><link>http://127.0.0.1/news?id=2</link>
                        <pubDate>%1$s</pubDate><description><p>انطلق المعرض<br>بمشاركة عشرين دولة.</description></item>
                        </channel></rss>""").formatted(date).getBytes(StandardCharsets.UTF_8))));
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: flawed, url: "http://127.0.0.1:%d/flawed.rss", type: rss }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(wm.port()));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = loopbackSettings();
        try (App app = new App(settings, feeds)) {
            PassSummary pass = app.refresher.refresh(feeds.source("flawed").orElseThrow());
            assertThat(pass.status()).isEqualTo("ok");
            assertThat(pass.itemsNew()).isEqualTo(2);

            SourceState health = app.sources.find("flawed").orElseThrow();
            assertThat(health.lastStatus()).isEqualTo("ok");
            assertThat(health.errorStreak()).isZero();
            assertThat(health.warnings()).contains("malformed XML read leniently: repaired 1 undeclared HTML entity (&nbsp;),"
                            + " 1 unescaped '&' and 1 character not allowed in XML (U+000B); rebuilt the element tree")
                    .contains("(source flawed, http://127.0.0.1:" + wm.port() + "/flawed.rss)");

            String json = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.JSON,
                    FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("وزير الخارجية يصل إلى عمّان").contains("id=1&cat=2")
                    .contains("انطلاق معرض بغداد الدولي للكتاب").contains("بمشاركة عشرين دولة.");
        }
    }

    /**
     * QA: an HTML article dated by day only ("٢٨ نوفمبر ٢٠٢٦", read as local midnight) joined a
     * story an RSS item had dated 07:30Z, and the story's time fell to 21:00Z the evening before,
     * into the previous day's archive. A time of day beats a day.
     */
    @Test
    void aMemberDatedByDayOnlyDoesNotMoveTheStoryBeforeAPreciseOne() throws Exception {
        java.time.ZoneId baghdad = java.time.ZoneId.of("Asia/Baghdad");
        java.time.LocalDate day = java.time.LocalDate.now(baghdad).minusDays(1);
        java.time.ZonedDateTime rssTime = day.atTime(10, 30).atZone(baghdad);
        String[] months = {"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
                "نوفمبر", "ديسمبر"};
        String arabicDate = arabicDigits(day.getDayOfMonth() + " " + months[day.getMonthValue() - 1] + " " + day.getYear());
        String title = "افتتاح جسر جديد على نهر دجلة في بغداد لتخفيف الزحام المروري";
        String body = "افتتحت أمانة بغداد صباح اليوم جسرا جديدا على نهر دجلة يربط بين جانبي الكرخ والرصافة، وقال مسؤولون إن"
                + " الجسر سيخفف الزحام المروري في ساعات الذروة. ويبلغ طول الجسر نحو ثمانمئة متر وقد استغرق بناؤه ثلاث سنوات"
                + " بكلفة قدرت بعشرات الملايين من الدولارات.";
        String base = "http://127.0.0.1:" + wm.port();
        wm.stubFor(get(urlEqualTo("/bridge.rss")).willReturn(aResponse().withHeader("Content-Type", "application/rss+xml; charset=utf-8")
                .withBody("""
                        <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>الرافدين</title>
                        <item><title>%s</title><link>https://rafidain.example/bridge</link><pubDate>%s</pubDate>
                        <description>%s</description></item></channel></rss>"""
                        .formatted(title, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(rssTime), body)
                        .getBytes(StandardCharsets.UTF_8))));
        wm.stubFor(get(urlEqualTo("/janoub/")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(("<!doctype html><html lang=\"ar\"><body><div class=\"card\"><h2><a href=\"/janoub/0.html\">" + title
                        + "</a></h2></div></body></html>").getBytes(StandardCharsets.UTF_8))));
        wm.stubFor(get(urlEqualTo("/janoub/0.html")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(("<!doctype html><html lang=\"ar\"><body><h1>" + title + "</h1><div class=\"date\">" + arabicDate
                        + "</div><div class=\"txt\"><p>" + body + "</p></div></body></html>").getBytes(StandardCharsets.UTF_8))));
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                defaults: { timezone: Asia/Baghdad }
                sources:
                  - { id: rafidain, name: الرافدين, url: "%1$s/bridge.rss", type: rss, priority: 5 }
                  - id: janoub
                    name: صوت الجنوب
                    url: "%1$s/janoub/"
                    type: html
                    listing: { item: .card, link: "h2 a@href", title: "h2 a" }
                    article: { title: h1, body: .txt, date: .date }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(base));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = loopbackSettings();
        try (App app = new App(settings, feeds)) {
            assertThat(app.refresher.refresh(feeds.source("rafidain").orElseThrow()).itemsNew()).isEqualTo(1);
            assertThat(app.refresher.refresh(feeds.source("janoub").orElseThrow()).itemsNew()).isEqualTo(1);

            List<org.nashra.store.StoryRecord> stories = app.stories.stories(
                    new org.nashra.store.StoryQuery(null, null, null, null, null, null, 10));
            assertThat(stories).as("one story of both copies").singleElement()
                    .satisfies(s -> assertThat(s.members()).hasSize(2));
            org.nashra.store.StoryRecord story = stories.get(0);
            org.nashra.store.StoredItem dayOnly = story.members().stream().filter(m -> m.sourceId().equals("janoub"))
                    .findFirst().orElseThrow();
            assertThat(dayOnly.datePrecision()).isEqualTo(org.nashra.text.DatePrecision.DAY);
            assertThat(dayOnly.published()).as("the day, at its start in Baghdad").isEqualTo(day.atStartOfDay(baghdad).toInstant());
            assertThat(story.published()).as("the RSS copy's time").isEqualTo(rssTime.toInstant());

            String atom = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.ATOM,
                    FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(atom).contains("<published>" + java.time.format.DateTimeFormatter.ISO_INSTANT.format(rssTime.toInstant())
                    + "</published>");
        }
    }

    /**
     * QA: after a source was removed from feeds.yml, "nashra sources" went on listing it as ok with
     * a next due time that never came, and it went on representing a story a configured source
     * also carried. The next start hands such stories to the configured copy.
     */
    @Test
    void aSourceRemovedFromTheConfigurationLeavesHealthAndHandsItsStoriesOver() throws Exception {
        String title = "افتتاح جسر جديد على نهر دجلة في بغداد لتخفيف الزحام المروري";
        String body = "افتتحت أمانة بغداد صباح اليوم جسرا جديدا على نهر دجلة يربط بين جانبي الكرخ والرصافة، وقال مسؤولون إن"
                + " الجسر سيخفف الزحام المروري في ساعات الذروة. ويبلغ طول الجسر نحو ثمانمئة متر وقد استغرق بناؤه ثلاث سنوات.";
        String when = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).minusHours(3));
        for (String outlet : new String[] {"wafa", "dijla"}) {
            wm.stubFor(get(urlEqualTo("/" + outlet + ".rss")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/rss+xml; charset=utf-8").withBody("""
                            <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%1$s</title>
                            <item><title>%2$s</title><link>https://%1$s.example/bridge</link><pubDate>%3$s</pubDate>
                            <description>%4$s</description></item></channel></rss>"""
                            .formatted(outlet, title, when, body).getBytes(StandardCharsets.UTF_8))));
        }
        String base = "http://127.0.0.1:" + wm.port();
        Path before = dir.resolve("before.yml");
        Files.writeString(before, """
                sources:
                  - { id: wafa, name: وفا, url: "%1$s/wafa.rss", type: rss }
                  - { id: dijla, name: قناة دجلة, url: "%1$s/dijla.rss", type: rss, priority: 5 }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(base));
        Path after = dir.resolve("after.yml");
        Files.writeString(after, """
                sources:
                  - { id: wafa, name: وفا, url: "%1$s/wafa.rss", type: rss }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """.formatted(base));
        Settings settings = loopbackSettings();
        FeedsFile first = ConfigLoader.loadFeeds(before);
        try (App app = new App(settings, first)) {
            first.sources().forEach(app.refresher::refresh);
            assertThat(app.stories.stories(new org.nashra.store.StoryQuery(null, null, null, null, null, null, 10)))
                    .singleElement().satisfies(st -> {
                        assertThat(st.members()).hasSize(2);
                        assertThat(st.representative().sourceId()).isEqualTo("dijla");
                    });
        }
        FeedsFile second = ConfigLoader.loadFeeds(after);
        try (App app = new App(settings, second)) {
            assertThat(app.stories.stories(new org.nashra.store.StoryQuery(null, null, null, null, null, null, 10)))
                    .singleElement().satisfies(st -> assertThat(st.representative().sourceId()).isEqualTo("wafa"));
            String json = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.JSON,
                    FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
            assertThat(json).contains("\"url\" : \"https://wafa.example/bridge\"").contains("\"name\" : \"قناة دجلة\"");
        }
        CliRun health = CliRun.of("--feeds", after.toString(), "--data", dir.toString(), "sources");
        assertThat(health.code()).as(health.err()).isZero();
        assertThat(health.out()).contains("wafa").doesNotContain("dijla");
    }

    private static String arabicDigits(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) b.append(c >= '0' && c <= '9' ? (char) ('\u0660' + (c - '0')) : c);
        return b.toString();
    }

    @Test
    void goneSourceIsPausedUntilResumed() throws Exception {
        wm.stubFor(get(urlEqualTo("/gone.rss")).willReturn(aResponse().withStatus(410)));
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: gone, url: "http://127.0.0.1:%d/gone.rss", type: rss }
                """.formatted(wm.port()));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = loopbackSettings();
        try (App app = new App(settings, feeds)) {
            org.nashra.config.SourceConfig gone = feeds.source("gone").orElseThrow();
            assertThat(app.refresher.refresh(gone).status()).isEqualTo("failed");
            SourceState state = app.sources.find("gone").orElseThrow();
            assertThat(state.paused()).isTrue();
            assertThat(state.pausedReason()).contains("410").contains("/gone.rss");
            int requests = wm.getAllServeEvents().size();
            assertThat(app.refresher.refresh(gone).status()).isEqualTo("paused");
            assertThat(wm.getAllServeEvents()).as("a paused source is not fetched").hasSize(requests);
            app.sources.resume("gone");
            assertThat(app.refresher.refresh(gone).status()).isEqualTo("failed");
            assertThat(wm.getAllServeEvents()).hasSize(requests + 1);
        }
    }

    /** QA run: a small home page with no CSS rules was published as a story titled with the site's name. */
    @Test
    void aSmallHomePageIsFollowedAsAListingAndAnIndexWithNothingToFollowIsReported() throws Exception {
        serve("/alrafid/", "home-page-four-teasers.html");
        serve("/news/2041", "short-article-three-paragraphs.html");
        serve("/news/2040", "article-with-big-related-block.html");
        serve("/news/2039", "home-page-two-cards.html"); // a teaser that leads to a section front
        wm.stubFor(get(urlEqualTo("/news/2038")).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(("<html><head><title>امتحانات السادس الإعدادي | الرافد نيوز</title></head><body>"
                        + "<h1>الطلاب يتوجهون إلى قاعات الامتحانات الوزارية للسادس الإعدادي</h1><div class=txt>"
                        + "<p>توجه أكثر من ثلاثمئة ألف طالب وطالبة إلى القاعات الامتحانية لأداء الامتحانات الوزارية.</p>"
                        + "<p>وقالت وزارة التربية إن الامتحانات تجري في أجواء هادئة، وإن الأسئلة وزعت في موعدها.</p>"
                        + "</div></body></html>").getBytes(StandardCharsets.UTF_8))));
        serve("/portal/", "home-page-section-links-only.html");
        String base = "http://127.0.0.1:" + wm.port();
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: alrafid, name: الرافد نيوز, url: "%1$s/alrafid/", type: html }
                  - { id: portal, name: بوابة الجنوب, url: "%1$s/portal/", type: html }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] }, other_news: drop }
                """.formatted(base));
        FeedsFile feeds = ConfigLoader.loadFeeds(yml);
        Settings settings = loopbackSettings();
        try (App app = new App(settings, feeds)) {
            PassSummary home = app.refresher.refresh(feeds.source("alrafid").orElseThrow());
            assertThat(home.status()).isEqualTo("ok");
            String json = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.JSON,
                    FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
            List<String> titles = new java.util.ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("items")
                    .forEach(i -> titles.add(i.get("title").asText()));
            assertThat(titles).containsExactlyInAnyOrder("بلدية الكوت تباشر تأهيل شارع المحافظة",
                    "وزارة النقل تعلن موعد تشغيل قطار بغداد البصرة الجديد",
                    "الطلاب يتوجهون إلى قاعات الامتحانات الوزارية للسادس الإعدادي");
            SourceState alrafid = app.sources.find("alrafid").orElseThrow();
            assertThat(alrafid.warnings()).contains("page " + base + "/news/2039 looks like an index")
                    .contains("not read as an article");

            PassSummary portal = app.refresher.refresh(feeds.source("portal").orElseThrow());
            assertThat(portal.status()).isEqualTo("ok");
            assertThat(portal.itemsNew()).isZero();
            SourceState state = app.sources.find("portal").orElseThrow();
            assertThat(state.warnings()).contains("page " + base + "/portal/ looks like an index: 15 links, 71% of its text in links")
                    .contains("no article found");
        }
    }

    private void serve(String path, String fixture) throws Exception {
        byte[] body = Files.readAllBytes(Path.of(getClass().getResource("/extract/page-kind/" + fixture).toURI()));
        wm.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody(body)));
    }

    private static List<String> ids(App app) {
        String atom = new String(app.feedService.render("all", FeedService.Part.MAIN, FeedFormat.ATOM,
                FeedParams.defaults(50)).orElseThrow().bytes(), StandardCharsets.UTF_8);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<id>(tag:[^<]+:story:\\d+)</id>").matcher(atom);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FeedParserTest {
    private static final URI FETCHED_FROM = URI.create("https://feeds.example/rss.xml");

    private static Extraction parse(String fixture) throws ExtractionException {
        return FeedParser.parse("test", FeedFixtures.utf8(fixture), FETCHED_FROM);
    }

    @Test
    void rss2ReadsContentEncodedMediaThumbnailAndChannelHints() throws Exception {
        Extraction x = parse("rss2-content-encoded-media-thumbnail.xml");

        assertThat(x.title()).isEqualTo("صحيفة الرافدين التجريبية");
        assertThat(x.ttl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(x.skipHours()).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(x.items()).hasSize(2);

        RawItem bridge = x.items().get(0);
        assertThat(bridge.sourceId()).isEqualTo("test");
        assertThat(bridge.title()).isEqualTo("افتتاح جسر جديد على نهر دجلة \"قريبا\"");
        // Relative RSS links are relative to the outlet's site (the channel link), not to the feed URL.
        assertThat(bridge.url()).isEqualTo("https://rafidain.example/news/2023/bridge");
        assertThat(bridge.guid()).isEqualTo("rafidain-1001");
        // the closing "المزيد" link is the feed's read-more chrome (FeedChrome)
        assertThat(bridge.html()).contains("<b>افتتاح</b>").contains("https://rafidain.example/img/bridge.jpg")
                .doesNotContain("/news/more");
        assertThat(bridge.text()).isEqualTo("أعلنت البلدية عن افتتاح الجسر الجديد.\nويربط الجسر ضفتي النهر.\n"
                + "ويخفف الزحام.");
        assertThat(bridge.published()).isEqualTo(Instant.parse("2023-06-22T07:30:00Z"));
        assertThat(bridge.publishedRaw()).isEqualTo("Thu, 22 Jun 2023 10:30:00 +0300");
        assertThat(bridge.author()).isEqualTo("سارة الكاتب");
        assertThat(bridge.categories()).containsExactly("محليات", "بنى تحتية");
        assertThat(bridge.image()).isEqualTo("https://cdn.rafidain.example/thumbs/bridge.jpg");
        assertThat(bridge.role()).isEqualTo(Role.MAIN);

        RawItem rain = x.items().get(1);
        assertThat(rain.guid()).as("no guid: the link stands in").isEqualTo(rain.url());
        assertThat(rain.html()).isEqualTo("<p>هطلت أمطار غزيرة على المدينة.</p>");
        assertThat(rain.text()).isEqualTo("هطلت أمطار غزيرة على المدينة.");
        assertThat(rain.image()).as("enclosure with an image type").isEqualTo("https://cdn.rafidain.example/rain.png");
        assertThat(x.warnings()).isEmpty();
    }

    @Test
    void rss091WithoutDoctypeIsRead() throws Exception {
        Extraction x = parse("rss091-plain.xml");

        assertThat(x.title()).isEqualTo("نشرة الواحة");
        assertThat(x.items()).extracting(RawItem::title, RawItem::url).containsExactly(
                tuple("مهرجان التمور السنوي يبدأ غدا", "https://wahat.example/dates-festival"),
                tuple("توسعة المكتبة العامة", "https://wahat.example/library"));
        assertThat(x.items().get(0).text()).isEqualTo("يبدأ مهرجان التمور في الواحة بمشاركة المزارعين.");
        assertThat(x.items().get(0).published()).isNull();
        assertThat(x.items().get(0).publishedRaw()).isNull();
    }

    @Test
    void rss1RdfReadsDcDateAndCreator() throws Exception {
        Extraction x = parse("rss1-rdf-dc-date.xml");

        assertThat(x.title()).isEqualTo("وكالة النخيل");
        assertThat(x.items()).hasSize(2);
        RawItem first = x.items().get(0);
        assertThat(first.url()).isEqualTo("https://nakheel.example/a/1");
        assertThat(first.guid()).isEqualTo("https://nakheel.example/a/1");
        assertThat(first.published()).isEqualTo(Instant.parse("2023-06-21T06:15:00Z"));
        assertThat(first.publishedRaw()).isEqualTo("2023-06-21T09:15:00+03:00");
        assertThat(first.author()).isEqualTo("مراسل الوكالة");
        assertThat(first.categories()).containsExactly("زراعة");
        assertThat(x.items().get(1).publishedRaw()).isEqualTo("2023-06-20");
    }

    @Test
    void atom1ResolvesXmlBaseAndReadsHtmlAndXhtmlContent() throws Exception {
        Extraction x = parse("atom1-xml-base-html-xhtml.xml");

        assertThat(x.title()).isEqualTo("شبكة الفرات");
        RawItem exports = x.items().get(0);
        assertThat(exports.title()).as("type=html title: tags stripped, entities decoded")
                .isEqualTo("ارتفاع صادرات التمور & الحبوب");
        assertThat(exports.url()).isEqualTo("https://furat.example/sections/economy/exports-rise");
        assertThat(exports.guid()).isEqualTo("tag:furat.example,2023:entry-1");
        assertThat(exports.published()).isEqualTo(Instant.parse("2023-06-22T06:00:00Z"));
        assertThat(exports.updated()).isEqualTo(Instant.parse("2023-06-22T08:00:00Z"));
        assertThat(exports.author()).isEqualTo("علي حسن");
        assertThat(exports.categories()).containsExactly("اقتصاد");
        assertThat(exports.text()).isEqualTo("سجلت الصادرات ارتفاعا ملحوظا.");
        assertThat(exports.image()).isEqualTo("https://furat.example/sections/economy/charts/exports.png");

        RawItem rain = x.items().get(1);
        assertThat(rain.title()).as("type=text title is kept literally").isEqualTo("الأمطار <تعود> إلى الشمال");
        assertThat(rain.url()).isEqualTo("https://furat.example/weather/rain-north");
        assertThat(rain.html()).contains("<strong>درجات</strong>");
        assertThat(rain.text()).isEqualTo("توقعات بهطول أمطار.\nوتنخفض درجات الحرارة.");
        assertThat(rain.published()).as("no <published>: <updated> is the date")
                .isEqualTo(Instant.parse("2023-06-21T18:30:00Z"));
        assertThat(rain.publishedRaw()).isEqualTo("2023-06-21T18:30:00Z");
    }

    @Test
    void atom03IsRead() throws Exception {
        Extraction x = parse("atom03.xml");

        assertThat(x.title()).isEqualTo("مدونة السنبلة");
        RawItem harvest = x.items().get(0);
        assertThat(harvest.url()).isEqualTo("https://sunbula.example/harvest");
        assertThat(harvest.guid()).isEqualTo("tag:sunbula.example,2023:harvest");
        assertThat(harvest.text()).isEqualTo("بدأ موسم حصاد القمح في الموعد المحدد.");
        assertThat(harvest.published()).isEqualTo(Instant.parse("2023-06-22T05:00:00Z"));
        assertThat(harvest.publishedRaw()).isEqualTo("2023-06-22T08:00:00+03:00");
        assertThat(harvest.author()).isEqualTo("منى سالم");
    }

    @Test
    void jsonFeed11IsReadAndItemsWithoutUrlOrIdAreReported() throws Exception {
        Extraction x = parse("jsonfeed-1.1.json");

        assertThat(x.title()).isEqualTo("منصة دجلة");
        assertThat(x.items()).hasSize(2);
        RawItem fair = x.items().get(0);
        assertThat(fair.guid()).isEqualTo("dijla-77");
        assertThat(fair.url()).isEqualTo("https://dijla.example/news/77");
        assertThat(fair.text()).isEqualTo("افتتح معرض الكتاب أبوابه.\nويستمر عشرة أيام.");
        assertThat(fair.html()).contains("https://dijla.example/media/fair.jpg");
        assertThat(fair.image()).isEqualTo("https://dijla.example/media/fair-cover.jpg");
        assertThat(fair.published()).isEqualTo(Instant.parse("2023-06-22T07:30:00Z"));
        assertThat(fair.updated()).isEqualTo(Instant.parse("2023-06-22T09:00:00Z"));
        assertThat(fair.author()).isEqualTo("هدى ناصر");
        assertThat(fair.categories()).containsExactly("ثقافة", "كتب");

        RawItem relayed = x.items().get(1);
        assertThat(relayed.url()).as("external_url when there is no url").isEqualTo("https://other.example/story");
        assertThat(relayed.title()).isEmpty();
        assertThat(relayed.text()).isEqualTo("خبر منقول من موقع آخر.\nفقرة ثانية.");
        assertThat(relayed.html()).isEqualTo("<p>خبر منقول من موقع آخر.</p><p>فقرة ثانية.</p>");
        assertThat(relayed.image()).isEqualTo("https://dijla.example/media/banner.jpg");
        assertThat(relayed.published()).isNull();
        assertThat(relayed.publishedRaw()).isEqualTo("الخميس 22 حزيران 2023");

        assertThat(x.warnings()).singleElement().asString()
                .contains("item 3").contains("خبر بلا رابط ولا معرف").contains("neither a url nor an id");
    }

    @Test
    void jsonFeed10ReadsNumericIdAuthorObjectAndRelativeUrl() throws Exception {
        Extraction x = parse("jsonfeed-1.0.json");

        RawItem caravan = x.items().get(0);
        assertThat(caravan.guid()).isEqualTo("15");
        assertThat(caravan.url()).isEqualTo("https://badia.example/stories/15");
        assertThat(caravan.author()).isEqualTo("كريم جابر");
        assertThat(caravan.categories()).containsExactly("صحة");
        assertThat(caravan.published()).isEqualTo(Instant.parse("2023-06-20T07:00:00Z"));
    }

    @Test
    void arabicPubDateIsKeptRawAndTheItemKept() throws Exception {
        Extraction x = parse("rss2-arabic-pubdate.xml");

        assertThat(x.items()).singleElement().satisfies(item -> {
            assertThat(item.published()).isNull();
            assertThat(item.publishedRaw()).isEqualTo("الخميس، 22 يونيو 2023 10:30:00 +0300");
            assertThat(item.title()).isEqualTo("اجتماع لمجلس المحافظة");
        });
    }

    @Test
    void itemsLackingLinkAndGuidAreSkippedWithAWarning() throws Exception {
        Extraction x = parse("rss2-items-without-link-or-guid.xml");

        assertThat(x.items()).extracting(RawItem::title).containsExactly("خبر سليم", "");
        RawItem untitled = x.items().get(1);
        assertThat(untitled.guid()).isEqualTo("shatt-42");
        assertThat(untitled.url()).isEqualTo("https://shatt.example/#guid=shatt-42");
        assertThat(x.warnings()).anySatisfy(w -> assertThat(w).contains("item 2")
                .contains("خبر بلا رابط ولا معرف").contains("skipped").contains("neither a link nor a guid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ar", "tr", "en-US", "de"})
    void datesDoNotDependOnTheDefaultLocale(String tag) throws Exception {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag(tag));
            RawItem bridge = parse("rss2-content-encoded-media-thumbnail.xml").items().get(0);
            assertThat(bridge.published()).isEqualTo(Instant.parse("2023-06-22T07:30:00Z"));
            assertThat(bridge.categories()).containsExactly("محليات", "بنى تحتية");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void withoutABaseUrlRelativeLinksAreReported() throws Exception {
        String rss = """
                <rss version="2.0"><channel><title>t</title><description>d</description>
                <item><title>نسبي</title><link>/only/path</link></item></channel></rss>""";
        Extraction x = FeedParser.parse("test", rss, null);

        assertThat(x.items()).singleElement().extracting(RawItem::url).isEqualTo("/only/path");
        assertThat(x.warnings()).singleElement().asString().contains("relative link");
    }

    @Test
    void byteOrderMarkAndLeadingBlankLinesAreTolerated() throws Exception {
        String rss = "\uFEFF\n\n" + FeedFixtures.utf8("rss091-plain.xml").replaceFirst("<\\?xml[^>]*\\?>", "");
        assertThat(FeedParser.parse("test", rss, FETCHED_FROM).items()).hasSize(2);
    }
}

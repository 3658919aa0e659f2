package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.ArticleRules;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class OtherNewsTest {
    private static final URI PAGE = URI.create("https://site.example/news/5");
    private static final String MAIN = "<h1>المحافظة تفتتح مستشفى جديدا للأطفال</h1><div class=\"entry-content\">"
            + "<p>افتتحت المحافظة اليوم مستشفى جديدا للأطفال بسعة مئة سرير، وقال المحافظ إن المستشفى سيخدم سكان "
            + "الأقضية والنواحي، وإنه جهز بأحدث الأجهزة الطبية.</p>"
            + "<p>وأضاف أن الكوادر الطبية تلقت تدريبا خاصا، وأن المستشفى سيستقبل المراجعين الأسبوع المقبل.</p>";

    private static SourceConfig source(ArticleRules rules, List<String> headings) {
        return new SourceConfig("site", "الموقع", URI.create("https://site.example/"), SourceType.HTML, List.of(), 0,
                Duration.ofMinutes(15), null, null, null, "ar", true, null, true, null, rules, List.of(), headings);
    }

    private static List<RawItem> others(Extraction e) {
        return e.items().stream().filter(i -> i.role() == Role.OTHER).toList();
    }

    @Test
    void headingVariantsWithDecoration() {
        OtherNews on = new OtherNews(List.of("شاهد أيضا"));
        for (String h : List.of("أخبار أخرى..", "اخبار اخرى:", "اقرأ أيضاً", "إقرأ ايضا :", "أخبار ذات صلة", "مواضيع ذات صلة",
                "المزيد من الأخبار", "الأكثر قراءة", "الأكثر مشاهدة", "قد يهمك", "شاهد أيضا…")) {
            assertThat(on.isHeading(h)).as(h).isTrue();
        }
        assertThat(on.isHeading("أخبار أخرى عن العراق والمنطقة في هذا التقرير المطول")).isFalse();
        assertThat(on.isHeading("الأخبار")).isFalse();
    }

    @Test
    void linkedItemsKeepTheirOwnUrlsAndPlainOnesGetAFragment() {
        String html = "<html><body>" + MAIN + "<h3>اقرأ أيضا</h3><ul>"
                + "<li><a href=\"/news/4\">وزارة الصحة تطلق حملة تلقيح في المدارس</a> <span>منذ ساعتين</span>"
                + "<p>أطلقت وزارة الصحة اليوم حملة لتلقيح التلاميذ في المدارس تستمر أسبوعين في جميع المحافظات.</p></li>"
                + "<li><a href=\"https://other.example/x\">افتتاح معرض للكتاب في البصرة</a></li></ul></div>"
                + "<div class=\"more\"><h4>أخبار أخرى</h4><p>ارتفاع أسعار الخضار في الأسواق المحلية</p>"
                + "<p>شهدت الأسواق المحلية ارتفاعا في أسعار الخضار بسبب موجة الحر، وقال تجار إن الأسعار ستعود إلى طبيعتها قريبا.</p></div>"
                + "</body></html>";
        Extraction e = new PageExtractor(source(null, List.of())).extractArticle(html, PAGE);
        List<RawItem> other = others(e);
        assertThat(other).extracting(RawItem::title).containsExactly("وزارة الصحة تطلق حملة تلقيح في المدارس",
                "افتتاح معرض للكتاب في البصرة", "ارتفاع أسعار الخضار في الأسواق المحلية");
        assertThat(other).extracting(RawItem::url).containsExactly("https://site.example/news/4", "https://other.example/x",
                PAGE + "#other-3");
        assertThat(other).allSatisfy(i -> assertThat(i.parentUrl()).isEqualTo(PAGE.toString()));
        assertThat(other.get(0).text()).startsWith("أطلقت وزارة الصحة");
        assertThat(other.get(2).text()).startsWith("شهدت الأسواق المحلية");
        assertThat(e.items().get(0).text()).doesNotContain("اقرأ أيضا", "وزارة الصحة", "الخضار");
    }

    /**
     * Regression (QA on the demo): the manara outlet's "اقرأ أيضاً" and "الأكثر مشاهدة" boxes, bare
     * links to its own articles, became other-news items; each then stood in for its article in the
     * story store (a second copy of the story in the feeds, an updated time moved to the fetch).
     */
    @Test
    void readAlsoAndMostReadBoxesOfBareLinksToTheSitesOwnArticlesAreNavigationNotOtherNews() throws Exception {
        URI page = URI.create("https://janoub.example/news/water-releases-turkey.html");
        Extraction e = new PageExtractor(source(null, List.of()))
                .extractArticle(SeedPageTest.resource("article-with-read-also-and-most-read-link-boxes.html"), page);

        assertThat(others(e)).isEmpty();
        RawItem main = e.items().get(0);
        assertThat(main.role()).isEqualTo(Role.MAIN);
        assertThat(main.text().split("\n")).hasSize(3);
        assertThat(main.text()).doesNotContain("اقرأ أيضاً", "مجلس النواب", "الزوراء", "الناصرية", "الأكثر مشاهدة", "كربلاء");
    }

    @Test
    void aBareLinkToAnotherSiteAndALinkWithTextOfItsOwnAreOtherNews() {
        String html = "<html><body>" + MAIN + "</div><div class=\"related\"><h3>أخبار ذات صلة</h3><ul>"
                + "<li><a href=\"https://site.example/news/4\">الصحة تطلق حملة تلقيح في المدارس</a></li>"
                + "<li><a href=\"https://other.example/x\">افتتاح معرض للكتاب في البصرة</a></li>"
                + "<li><a href=\"/news/3\">المرور تمدد مهلة تجديد إجازات السوق</a>"
                + "<p>مددت مديرية المرور العامة مهلة تجديد إجازات السوق حتى نهاية الشهر المقبل في جميع المحافظات.</p></li>"
                + "</ul></div></body></html>";
        List<RawItem> other = others(new PageExtractor(source(null, List.of())).extractArticle(html, PAGE));
        // the first, a bare link to this site's own article, is navigation
        assertThat(other).extracting(RawItem::url).containsExactly("https://other.example/x", "https://site.example/news/3");
        assertThat(other.get(1).text()).startsWith("مددت مديرية المرور");
    }

    @Test
    void anItemWithoutALinkIsTheSameItemOnEveryPageItAppearsOn() {
        String block = "<div class=\"more\"><h4>أخبار أخرى</h4><p>ارتفاع أسعار الخضار في الأسواق المحلية</p>"
                + "<p>شهدت الأسواق المحلية ارتفاعا في أسعار الخضار بسبب موجة الحر.</p>"
                + "<p>النقل: تسيير قطار يومي جديد بين بغداد والبصرة</p><p>أعلنت وزارة النقل تسيير قطار يومي جديد.</p></div>";
        PageExtractor extractor = new PageExtractor(source(null, List.of()));
        List<RawItem> onFive = others(extractor.extractArticle("<html><body>" + MAIN + "</div>" + block + "</body></html>", PAGE));
        List<RawItem> onSix = others(extractor.extractArticle("<html><body>" + MAIN + "</div>" + block + "</body></html>",
                URI.create("https://site.example/news/6")));
        assertThat(onFive).hasSize(2);
        assertThat(onFive).extracting(RawItem::guid).doesNotContainNull().doesNotHaveDuplicates()
                .containsExactlyElementsOf(onSix.stream().map(RawItem::guid).toList());
        // the link still leads to a page that shows it
        assertThat(onSix.get(0).url()).isEqualTo("https://site.example/news/6#other-1");
    }

    /** QA on the demo: other-news items had no date, so they took the fetch's and moved to the next day's digest. */
    @Test
    void otherNewsItemsAreDatedAsTheirPageWithItsPrecisionAndUndatedOnAnUndatedPage() {
        String block = "<div class=\"more\"><h4>أخبار أخرى</h4><p>ارتفاع أسعار الخضار في الأسواق المحلية</p>"
                + "<p>شهدت الأسواق المحلية ارتفاعا في أسعار الخضار بسبب موجة الحر.</p></div>";
        PageExtractor extractor = new PageExtractor(source(null, List.of()));
        String timed = "<html><head><meta property=\"article:published_time\" content=\"2026-11-29T12:05:00+03:00\"></head>"
                + "<body>" + MAIN + "</div>" + block + "</body></html>";
        assertThat(others(extractor.extractArticle(timed, PAGE))).singleElement().satisfies(o -> {
            assertThat(o.published()).isEqualTo(java.time.Instant.parse("2026-11-29T09:05:00Z"));
            assertThat(o.publishedRaw()).isEqualTo("2026-11-29T12:05:00+03:00");
        });
        // a day without its time stays a day: the text stage reads its precision from the raw date
        String day = "<html><body>" + MAIN + "<span class=\"date\">الأحد 29 تشرين الثاني 2026</span></div>" + block
                + "</body></html>";
        assertThat(others(extractor.extractArticle(day, PAGE))).singleElement()
                .satisfies(o -> assertThat(o.publishedRaw()).isEqualTo("الأحد 29 تشرين الثاني 2026"));
        assertThat(others(extractor.extractArticle("<html><body>" + MAIN + "</div>" + block + "</body></html>", PAGE)))
                .singleElement().satisfies(o -> {
                    assertThat(o.published()).isNull();
                    assertThat(o.publishedRaw()).isNull();
                });
    }

    @Test
    void aBlockNamedBySelectorTakesItsHeadingOutOfTheArticle() {
        String html = "<html><body><h1>المحافظة تفتتح مستشفى جديدا للأطفال</h1><div class=\"entry-content\">"
                + "<p>افتتحت المحافظة اليوم مستشفى جديدا للأطفال بسعة مئة سرير، وقال المحافظ إن المستشفى سيخدم سكان الأقضية.</p>"
                + "<div class=\"more-news\"><h3>أخبار أخرى..</h3><p><strong>ارتفاع أسعار الخضار في الأسواق المحلية</strong></p>"
                + "<p>شهدت الأسواق المحلية ارتفاعا في أسعار الخضار بسبب موجة الحر.</p></div></div></body></html>";
        ArticleRules rules = new ArticleRules(null, ".entry-content", null, null, null, ".more-news", List.of());
        Extraction e = new PageExtractor(source(rules, List.of("أخبار أخرى.."))).extractArticle(html, PAGE);
        assertThat(others(e)).extracting(RawItem::title).containsExactly("ارتفاع أسعار الخضار في الأسواق المحلية");
        assertThat(e.items().get(0).html()).contains("افتتحت المحافظة").doesNotContain("أخبار أخرى", "more-news", "الخضار");
        assertThat(e.items().get(0).text()).doesNotContain("أخبار أخرى");
    }

    @Test
    void configuredSelectorAndConfiguredHeading() {
        String html = "<html><body>" + MAIN + "</div><section class=\"more-news\"><div class=\"ttl\">شاهد أيضا</div>"
                + "<article><a href=\"/v/1\">فيديو: لحظة افتتاح الجسر الجديد في الموصل</a></article></section></body></html>";
        ArticleRules rules = new ArticleRules(null, null, null, null, null, ".more-news", List.of());
        Extraction bySelector = new PageExtractor(source(rules, List.of())).extractArticle(html, PAGE);
        assertThat(others(bySelector)).extracting(RawItem::title).containsExactly("فيديو: لحظة افتتاح الجسر الجديد في الموصل");
        Extraction byHeading = new PageExtractor(source(null, List.of("شاهد أيضا"))).extractArticle(html, PAGE);
        assertThat(others(byHeading)).extracting(RawItem::url).containsExactly("https://site.example/v/1");
    }

    @Test
    void anInlineReadAlsoLinkDoesNotCutTheArticle() {
        String html = "<html><body><h1>المحافظة تفتتح مستشفى جديدا للأطفال</h1><div class=\"entry-content\">"
                + "<p>افتتحت المحافظة اليوم مستشفى جديدا للأطفال بسعة مئة سرير، وقال المحافظ إن المستشفى سيخدم السكان.</p>"
                + "<p><strong>اقرأ أيضا:</strong> <a href=\"/news/3\">الصحة تعلن نتائج حملة التلقيح</a></p>"
                + "<p>وأضاف أن الكوادر الطبية تلقت تدريبا خاصا، وأن المستشفى سيستقبل المراجعين الأسبوع المقبل.</p></div></body></html>";
        Extraction e = new PageExtractor(source(null, List.of())).extractArticle(html, PAGE);
        assertThat(e.items().get(0).text().split("\n")).hasSize(2);
        assertThat(e.items().get(0).text()).endsWith("الأسبوع المقبل.");
        // a bare link to the site's own article: navigation, not an other-news item
        assertThat(others(e)).isEmpty();
    }

    @Test
    void titleFromFirstSentence() {
        assertThat(OtherNews.titleFromFirstSentence("انقطاع المياه عن أحياء في بغداد. وقالت الدائرة إن العمل مستمر."))
                .isEqualTo("انقطاع المياه عن أحياء في بغداد");
        String t = OtherNews.titleFromFirstSentence("أعلنت وزارة النفط عن زيادة الإنتاج في الحقول الجنوبية بمقدار مئة ألف برميل يوميا "
                + "اعتبارا من الشهر المقبل بعد اكتمال أعمال الصيانة");
        assertThat(t.split(" ")).hasSize(12);
        assertThat(t).isEqualTo("أعلنت وزارة النفط عن زيادة الإنتاج في الحقول الجنوبية بمقدار مئة ألف");
        // a sentence that only reports a statement is titled by what was said
        assertThat(OtherNews.titleFromFirstSentence("وقال المكتب الاعلامي لرئيس الوزراء في بيان، ان \"الرئيس استقبل اليوم وفدا رفيعا من الدول المجاورة\""))
                .isEqualTo("الرئيس استقبل اليوم وفدا رفيعا من الدول المجاورة");
        assertThat(OtherNews.titleFromFirstSentence("وأكد المتحدث باسم الوزارة أن «العمل مستمر في جميع المحافظات دون توقف» مشيرا إلى الخطة"))
                .isEqualTo("العمل مستمر في جميع المحافظات دون توقف");
        // a quote too short to say anything leaves the sentence's own first clause
        assertThat(OtherNews.titleFromFirstSentence("وقال الوزير في تصريح صحفي اليوم إن \"الأمر محسوم\"، مؤكدا أن الاجتماع المقبل سيحسم الخلافات"))
                .startsWith("قال الوزير في تصريح صحفي اليوم");
        // a paragraph that continues the page opens with "و": the headline drops it, a word that
        // merely starts with و keeps it
        assertThat(OtherNews.titleFromFirstSentence("والتقى وزير التخطيط، اليوم، وفداً من البنك الدولي برئاسة المدير الإقليمي للبنك"))
                .startsWith("التقى وزير التخطيط");
        assertThat(OtherNews.titleFromFirstSentence("وزير التخطيط يلتقي وفدا من البنك الدولي")).startsWith("وزير التخطيط");
        assertThat(OtherNews.titleFromFirstSentence("ووقع الطرفان اتفاقية للتعاون في مجال الطاقة")).startsWith("وقع الطرفان");
    }

    @Test
    void runTogetherItemsWithHeadingTagsBoldHeadlinesAndAnUntitledParagraph() {
        String html = "<html><body>" + MAIN + "<h3>المزيد من الأخبار:</h3>"
                + "<h4>الموانئ تعلن زيادة الصادرات عبر ميناء الفاو</h4>"
                + "<p>أعلنت الشركة العامة للموانئ زيادة حجم الصادرات عبر ميناء الفاو خلال الشهر الماضي بنسبة كبيرة مقارنة بالعام السابق.</p>"
                + "<p>وقالت الشركة إن ميناء الفاو استقبل سفنا أكبر بعد اكتمال أعمال التعميق، وإن الصادرات ستزداد في الأشهر المقبلة.</p>"
                + "<p><strong>مهرجان للمسرح في البصرة بمشاركة عربية</strong></p>"
                + "<p>انطلقت في البصرة فعاليات مهرجان المسرح بمشاركة فرق من خمس دول عربية، وتستمر العروض أسبوعا كاملا.</p>"
                + "<p>ودعت مديرية المرور السائقين إلى تجديد إجازات السوق قبل نهاية الشهر، محذرة من غرامات على المخالفين "
                + "بعد انتهاء المهلة التي حددتها للمراجعين في جميع المحافظات.</p>"
                + "</div></body></html>";
        Extraction e = new PageExtractor(source(null, List.of())).extractArticle(html, PAGE);
        List<RawItem> other = others(e);
        assertThat(other).extracting(RawItem::title).containsExactly("الموانئ تعلن زيادة الصادرات عبر ميناء الفاو",
                "مهرجان للمسرح في البصرة بمشاركة عربية",
                "ودعت مديرية المرور السائقين إلى تجديد إجازات السوق قبل نهاية الشهر");
        assertThat(other.get(0).text().split("\n")).hasSize(2);
        assertThat(other.get(1).text()).startsWith("انطلقت في البصرة");
        assertThat(other.get(2).text()).startsWith("ودعت مديرية المرور");
        assertThat(e.items().get(0).text().split("\n")).hasSize(2);
    }
}

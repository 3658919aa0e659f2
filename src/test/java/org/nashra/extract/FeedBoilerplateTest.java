package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class FeedBoilerplateTest {
    private static final String SUBSCRIBE = "للاشتراك في خدمة الأخبار العاجلة أرسل كلمة نشرة إلى الرقم 4040";
    private final SourceConfig source = new SourceConfig("masalla", "المسلة", URI.create("https://masalla.example/feed/"),
            SourceType.RSS, List.of(), 0, Duration.ofMinutes(15), null, null, null, "ar", false, null, true, null,
            null, List.of("جميع الحقوق محفوظة لموقع المسلة"), List.of());
    private final BoilerplateLearner learner = new BoilerplateLearner();

    @Test
    void aLineRecurringAcrossTheItemsOfOneFeedGoesOnTheFirstPass() {
        List<RawItem> items = new ArrayList<>();
        String[] bodies = {"افتتحت أمانة بغداد جسراً جديداً يربط جانبي الكرخ والرصافة.",
                "ارتفعت أسعار الذهب في الأسواق المحلية صباح اليوم.",
                "صوّت مجلس النواب على قانون الموازنة الاتحادية بعد جلسة طويلة.",
                "أعلنت وزارة الصحة إطلاق حملة للتلقيح ضد شلل الأطفال."};
        for (int i = 0; i < bodies.length; i++) items.add(item(i, "<p>" + bodies[i] + "</p><p>" + SUBSCRIBE + "</p>"));

        List<RawItem> clean = new FeedBoilerplate(source, learner).clean(items, "موقع المسلة");

        for (int i = 0; i < bodies.length; i++) {
            assertThat(clean.get(i).text()).isEqualTo(bodies[i]);
            assertThat(clean.get(i).html()).doesNotContain("4040");
        }
    }

    @Test
    void configuredPhrasesTheOutletsNameAndFollowLinesGoWireCreditsStay() {
        RawItem item = item(1, "<p>افتتحت أمانة بغداد جسراً جديداً.</p><p>المصدر: واع</p><p>المسلة</p>"
                + "<p>تابعونا على فيسبوك</p><p>جميع الحقوق محفوظة لموقع المسلة</p>");

        RawItem clean = new FeedBoilerplate(source, learner).clean(List.of(item), "موقع المسلة").get(0);

        assertThat(clean.text()).isEqualTo("افتتحت أمانة بغداد جسراً جديداً.\nالمصدر: واع");
    }

    @Test
    void distinctItemsComeBackUntouched() {
        List<RawItem> items = List.of(item(1, "<p>خبر أول عن الكهرباء.</p><p>وقال الوزير إن الإنتاج ارتفع.</p>"),
                item(2, "<p>خبر ثانٍ عن النفط.</p><p>وقال الوزير إن الإنتاج ارتفع.</p>"),
                item(3, "<p>خبر ثالث عن المياه.</p>"), item(4, "<p>خبر رابع عن الطرق.</p>"),
                item(5, "<p>خبر خامس عن الزراعة.</p>"), item(6, "<p>خبر سادس عن الصحة.</p>"),
                item(7, "<p>خبر سابع عن التعليم.</p>"));

        List<RawItem> clean = new FeedBoilerplate(source, learner).clean(items, "موقع المسلة");

        // a line shared by two of seven items is below both the count and the share that make chrome
        for (int i = 0; i < items.size(); i++) assertThat(clean.get(i)).isSameAs(items.get(i));
    }

    @Test
    void theOutletsNameAroundAHeadlineGoesAndNothingElse() {
        var names = FeedBoilerplate.nameKeys("المسلة", "موقع المسلة - أخبار العراق");
        assertThat(FeedBoilerplate.withoutOutletName("وزير النفط يبحث زيادة الإنتاج - المسلة", names))
                .isEqualTo("وزير النفط يبحث زيادة الإنتاج");
        assertThat(FeedBoilerplate.withoutOutletName("افتتاح جسر جديد في بغداد | موقع المسلة", names))
                .isEqualTo("افتتاح جسر جديد في بغداد");
        assertThat(FeedBoilerplate.withoutOutletName("المسلة | افتتاح جسر جديد في بغداد", names))
                .isEqualTo("افتتاح جسر جديد في بغداد");
        // a city or a topic before a dash or a colon stays, and so does a headline that is only the name
        assertThat(FeedBoilerplate.withoutOutletName("بغداد - افتتاح جسر جديد", names)).isEqualTo("بغداد - افتتاح جسر جديد");
        assertThat(FeedBoilerplate.withoutOutletName("المسلة: عشر سنوات من العمل الصحفي", names))
                .isEqualTo("المسلة: عشر سنوات من العمل الصحفي");
        assertThat(FeedBoilerplate.withoutOutletName("أخبار - المسلة", names)).isEqualTo("أخبار - المسلة");
        assertThat(FeedBoilerplate.withoutOutletName("الصحة - حملة تلقيح جديدة", names)).isEqualTo("الصحة - حملة تلقيح جديدة");
    }

    @Test
    void cleanedItemsCarryTheHeadlineWithoutTheName() {
        RawItem item = new RawItem("masalla", "https://masalla.example/?p=9", "p-9", "افتتاح جسر جديد في بغداد - المسلة",
                "<p>افتتحت أمانة بغداد جسرا جديدا.</p>", "افتتحت أمانة بغداد جسرا جديدا.", null, null, null, null, null,
                List.of(), Role.MAIN, null);
        RawItem clean = new FeedBoilerplate(source, learner).clean(List.of(item), "المسلة").get(0);
        assertThat(clean.title()).isEqualTo("افتتاح جسر جديد في بغداد");
        assertThat(clean.text()).isEqualTo(item.text());
    }

    @Test
    void onlyAnItemsFirstAndLastTwoShortLinesAreCounted() {
        String longParagraph = "ف".repeat(FeedBoilerplate.MAX_CHROME_CHARS + 1);
        assertThat(FeedBoilerplate.edgeLines("أول\n" + longParagraph + "\nوسط\nقبل الأخير\n" + longParagraph))
                .containsExactly("أول", "قبل الأخير");
        assertThat(FeedBoilerplate.edgeLines("سطر وحيد")).containsExactly("سطر وحيد");
    }

    private static RawItem item(int n, String html) {
        return new RawItem("masalla", "https://masalla.example/?p=" + n, "p-" + n, "خبر " + n, html, FeedHtml.text(html),
                null, null, null, null, null, List.of(), Role.MAIN, null);
    }
}

package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/** One outlet's items of one day: its house formula against its own second version of a report. Texts written for this test. */
class OneOutletTest {
    private static String dividends(String company, String board, String perShare, String closing) {
        return "أوصى مجلس إدارة شركة " + company + " " + board + " بتوزيع أرباح نقدية على مساهمي الشركة عن النصف الأول من العام "
                + "المالي الحالي بواقع " + perShare + " للسهم الواحد، على أن تكون أحقية الأرباح للمساهمين المقيدين في سجلات "
                + "مركز إيداع الأوراق المالية بنهاية تداول يوم انعقاد الجمعية العامة، وسيتم الإعلان عن تاريخ التوزيع لاحقا. "
                + closing;
    }

    private static final NormalizedItem CEMENT = item("eqt", "https://eqt.example/1", "أسمنت الشمال توزع أرباحا عن النصف الأول",
            dividends("أسمنت الشمال", "في اجتماعه الدوري", "ريال واحد",
                    "وأوضحت الشركة في بيان نشرته على موقع السوق المالية أن التوزيع يعكس نمو مبيعات الأسمنت في المنطقة الشمالية."), T0);
    private static final NormalizedItem ZAMIL = item("eqt", "https://eqt.example/2", "الزامل للاستثمار توزع أرباحا عن النصف الأول",
            dividends("الزامل للاستثمار الصناعي", "في اجتماعه الأخير المنعقد بالدمام", "نصف ريال",
                    "وأوضحت الشركة في بيان نشرته على موقع السوق المالية أن التوزيع يعكس عقود مصانع المكيفات الجديدة."), T0.plus(Duration.ofHours(2)));

    private final DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
    private final Explainer explainer = new Explainer(settings);

    @Test
    void oneOutletsTwoNoticesInItsHouseFormulaAreTwoReports() {
        Explanation own = explainer.explain(CEMENT, ZAMIL);
        assertThat(own.bodyJaccard()).isGreaterThanOrEqualTo(settings.threshold());
        assertThat(own.matched()).isFalse();
        assertThat(own.reason()).contains("one outlet's items of one day");

        // as alike from another outlet, the near rule takes it
        NormalizedItem elsewhere = item("riyadh", "https://riyadh.example/2", ZAMIL.raw().title(), ZAMIL.raw().text(),
                T0.plus(Duration.ofHours(2)));
        assertThat(explainer.explain(CEMENT, elsewhere).matched()).isTrue();
    }

    @Test
    void oneOutletsSecondVersionOfItsReportStillJoinsIt() {
        NormalizedItem repost = item("eqt", "https://eqt.example/1?print", "«أسمنت الشمال» توزع أرباحا نقدية عن النصف الأول",
                "الرياض - الاقتصادية: " + CEMENT.raw().text().replace("الحالي ", ""), T0.plus(Duration.ofHours(3)));
        TestStories stories = new TestStories(settings);
        MatchDecision first = stories.ingest(CEMENT);
        MatchDecision second = stories.ingest(repost);
        assertThat(second.storyId()).isEqualTo(first.storyId());
        assertThat(second.rule()).isEqualTo("near");
    }

    @Test
    void oneOutletsLikeHeadlinesOverAWeaklySharedBodyAreTwoReports() {
        String kingsCable = "بعث خادم الحرمين الشريفين برقية تهنئة لجلالة سلطان عمان بمناسبة ذكرى يوم النهضة لبلاده، أعرب فيها باسمه "
                + "واسم شعب وحكومة المملكة عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة لجلالته، ولحكومة وشعب سلطنة عمان "
                + "الشقيق اطراد التقدم والازدهار، مشيدا بما يربط البلدين من علاقات أخوية.";
        String crownPrincesCable = "بعث صاحب السمو الملكي ولي العهد نائب رئيس مجلس الوزراء وزير الداخلية برقية تهنئة مماثلة "
                + "لجلالة سلطان عمان بمناسبة ذكرى يوم النهضة، عبر فيها سموه عن أبلغ التهاني وأطيب التمنيات بموفور الصحة "
                + "والعافية لجلالته، متمنيا لشعب سلطنة عمان الشقيق المزيد من الرقي والتقدم.";
        NormalizedItem king = item("riyadh", "https://riyadh.example/k", "خادم الحرمين يهنئ سلطان عمان بذكرى يوم النهضة لبلاده",
                kingsCable, T0);
        NormalizedItem crownPrince = item("riyadh", "https://riyadh.example/c", "ولي العهد يهنئ سلطان عمان بذكرى يوم النهضة لبلاده",
                crownPrincesCable, T0.plus(Duration.ofMinutes(5)));
        Explanation own = explainer.explain(king, crownPrince);
        assertThat(own.titleJaccard()).isGreaterThanOrEqualTo(PairMatcher.HEADLINE_JACCARD);
        assertThat(own.containment()).isGreaterThanOrEqualTo(PairMatcher.HEADLINE_CONTAINMENT);
        assertThat(own.matched()).isFalse();
    }
}

package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/** Items an outlet runs every day in the same words (weather, prices) against copies carried a day later. Texts written for this test. */
class DailyItemsTest {
    private static String weather(String dust, int windFrom, int windTo, int gulfFrom, int gulfTo) {
        return "توقعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم طقسا شديد الحرارة على شرق ووسط "
                + "المملكة ومعتدلا على المصائف، مع استمرار تدني الرؤية الأفقية بسبب الأتربة المثارة على " + dust + ". وأورد "
                + "التقرير أن حركة الرياح السطحية على البحر الأحمر ستكون جنوبية غربية إلى غربية بسرعة " + windFrom + " - "
                + windTo + " كم/ساعة، وارتفاع الموج من متر إلى متر ونصف، وحالة البحر متوسط الموج، بينما تكون حركة الرياح "
                + "السطحية على الخليج العربي شرقية إلى شمالية شرقية بسرعة " + gulfFrom + " - " + gulfTo + " كم/ساعة.";
    }

    private static final String TITLE = "الأرصاد: طقس شديد الحرارة على شرق ووسط المملكة";

    private final DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
    private final TestStories stories = new TestStories(settings);

    @Test
    void anOutletsNextDayEditionWithOtherFiguresStartsItsOwnStory() {
        String monday = weather("السواحل الجنوبية للبحر الأحمر", 15, 35, 15, 35);
        MatchDecision first = stories.ingest(item("madina", "https://madina.example/w/1", TITLE, monday, T0));
        MatchDecision copy = stories.ingest(item("wire-daily", "https://daily.example/w/1", TITLE, monday, T0.plus(Duration.ofMinutes(20))));
        MatchDecision another = stories.ingest(item("gazette", "https://gazette.example/w/1", TITLE, monday, T0.plus(Duration.ofMinutes(40))));
        assertThat(copy.storyId()).isEqualTo(first.storyId());
        assertThat(another.storyId()).isEqualTo(first.storyId());

        // the same outlet, two days on: the same template, other dust areas and wind speeds
        String wednesday = weather("شمال شرق المملكة والسواحل الجنوبية للبحر الأحمر", 15, 35, 10, 30);
        NormalizedItem next = item("madina", "https://madina.example/w/2", TITLE, wednesday, T0.plus(Duration.ofHours(50)));
        Explanation pair = new Explainer(settings).explain(item("madina", "https://madina.example/w/1", TITLE, monday, T0), next);
        assertThat(pair.bodyJaccard()).isGreaterThanOrEqualTo(0.5);
        assertThat(pair.matched()).isFalse();
        assertThat(pair.reason()).contains("a day apart");

        // the two other outlets' copies of Monday's item match it, a majority of the story; the
        // outlet's own Monday edition decides
        MatchDecision d = stories.ingest(next);
        assertThat(d.rule()).isEqualTo("new");
        assertThat(d.storyId()).isNotEqualTo(first.storyId());
    }

    /** One outlet's bulletin of one template; the clauses that change from day to day are given. */
    private static String bulletin(String sky, String dust, String sea) {
        return "توقعت الرئاسة العامة للأرصاد وحماية البيئة في تقريرها عن حالة الطقس لهذا اليوم طقسا شديد الحرارة على شرق ووسط "
                + "المملكة ومعتدلا " + sky + " على المصائف، " + dust + ". وأورد التقرير أن حركة الرياح السطحية على البحر الأحمر "
                + "ستكون جنوبية غربية إلى غربية بسرعة 15 - 35 كم/ساعة، " + sea + "، بينما تكون حركة الرياح السطحية على الخليج العربي شرقية "
                + "إلى شمالية شرقية بسرعة 10 - 30 كم/ساعة.";
    }

    // two days of one outlet's bulletin, known only by crawl time: an evening crawl, then the next
    // morning's, 15 hours apart, under the 20 hours that make "another day"
    private static final NormalizedItem EVENING = item("weeam", "https://weeam.example/w/2", TITLE, bulletin("مع سماء صافية",
            "فيما تنشط الرياح السطحية مثيرة للأتربة والغبار على مناطق مكة المكرمة والمدينة المنورة وتبوك",
            "وارتفاع الموج من متر إلى متر ونصف وحالة البحر متوسط الموج"), T0);
    private static final NormalizedItem NEXT_MORNING = item("weeam", "https://weeam.example/w/3", TITLE, bulletin("مع سماء غائمة جزئيا",
            "مع فرصة لتكون السحب الرعدية الممطرة على مرتفعات جازان وعسير والباحة ونجران",
            "وارتفاع الموج من نصف متر إلى متر وحالة البحر خفيف إلى متوسط الموج"), T0.plus(Duration.ofHours(15)));

    @Test
    void anOutletsNextEditionHoursLaterIsNotACopyOfItsLast() {
        Explanation pair = new Explainer(settings).explain(NEXT_MORNING, EVENING);
        // as alike as the near rule takes from two outlets; one outlet's template is not a copy
        assertThat(pair.bodyJaccard()).isGreaterThanOrEqualTo(settings.threshold());
        assertThat(pair.matched()).isFalse();
        assertThat(pair.reason()).contains("one outlet's items of one day");

        MatchDecision evening = stories.ingest(EVENING);
        MatchDecision morning = stories.ingest(NEXT_MORNING);
        assertThat(morning.storyId()).isNotEqualTo(evening.storyId());
        // another outlet's copy of the morning edition joins it
        MatchDecision copy = stories.ingest(item("sabq", "https://sabq.example/w/3", "طقس شديد الحرارة على شرق ووسط المملكة",
                "واس- الرياض: " + NEXT_MORNING.raw().text(), T0.plus(Duration.ofHours(16))));
        assertThat(copy.storyId()).isEqualTo(morning.storyId());
    }

    @Test
    void aCopyCarriedADayLaterWithItsFiguresStillJoins() {
        String monday = weather("السواحل الجنوبية للبحر الأحمر", 15, 35, 15, 35);
        MatchDecision first = stories.ingest(item("madina", "https://madina.example/w/1", TITLE, monday, T0));
        // a print daily runs the same report the next morning
        MatchDecision late = stories.ingest(item("print", "https://print.example/w/1", "طقس شديد الحرارة على شرق ووسط المملكة", monday,
                T0.plus(Duration.ofHours(22))));
        assertThat(late.storyId()).isEqualTo(first.storyId());
    }

    @Test
    void aLikeHeadlineOverAWeaklySharedBodyDoesNotReachAcrossDays() {
        String a = "استقبل خادم الحرمين الشريفين في قصر السلام بجدة اليوم وزير الخارجية الأمريكي والوفد المرافق له، وجرى خلال "
                + "الاستقبال استعراض العلاقات الثنائية بين البلدين الصديقين وبحث مستجدات الأحداث في المنطقة، ونقل الوزير تحيات "
                + "الرئيس الأمريكي وتقديره للجهود التي تبذلها المملكة في دعم الاستقرار الإقليمي ومكافحة الإرهاب.";
        String b = "استقبل خادم الحرمين الشريفين في قصر السلام بجدة اليوم وزير الدفاع الأمريكي والوفد المرافق له، وجرى خلال "
                + "الاستقبال استعراض العلاقات الثنائية بين البلدين الصديقين، وبحث معه أوجه التعاون العسكري وسبل تطويره، إضافة "
                + "إلى مناقشة صفقات التسليح والتدريب المشترك للقوات، "
                + "وحضر الاستقبال عدد من أصحاب السمو الأمراء والوزراء وكبار المسؤولين في وزارة الدفاع.";
        NormalizedItem state = item("okaz", "https://okaz.example/1", "خادم الحرمين يستقبل وزير الخارجية الأمريكي", a, T0);
        Explainer explainer = new Explainer(settings);
        NormalizedItem sameDay = item("yaum", "https://yaum.example/1", "خادم الحرمين يستقبل وزير الدفاع الأمريكي", b,
                T0.plus(Duration.ofHours(3)));
        NormalizedItem twoDaysOn = item("yaum", "https://yaum.example/1", "خادم الحرمين يستقبل وزير الدفاع الأمريكي", b,
                T0.plus(Duration.ofHours(46)));
        Explanation near = explainer.explain(state, sameDay);
        assertThat(near.titleJaccard()).isGreaterThanOrEqualTo(PairMatcher.HEADLINE_JACCARD);
        assertThat(near.containment()).isGreaterThanOrEqualTo(PairMatcher.HEADLINE_CONTAINMENT);
        assertThat(near.matched()).isTrue();
        Explanation far = explainer.explain(state, twoDaysOn);
        assertThat(far.matched()).isFalse();
        assertThat(far.reason()).contains("a day apart, headlines do not count");
    }
}

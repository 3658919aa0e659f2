package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.text.ArabicText;

/** Countries named in title and lead: template news differs in them alone. Texts written for this test. */
class CountriesTest {
    /** One ministry's cable template; only the country and the president's name change. */
    private static String cable(String dateline, String president, String country, String occasion) {
        return dateline + "بعث صاحب السمو الملكي ولي العهد نائب رئيس مجلس الوزراء برقية تهنئة لفخامة الرئيس " + president
                + " رئيس جمهورية " + country + " بمناسبة ذكرى " + occasion + " لبلاده. وعبر سمو ولي العهد عن أبلغ التهاني "
                + "وأطيب التمنيات بموفور الصحة والسعادة لفخامته، ولحكومة وشعب جمهورية " + country + " الشقيق المزيد من "
                + "التقدم والازدهار، مؤكدا حرص المملكة على تعزيز العلاقات الثنائية في مختلف المجالات.";
    }

    private static Set<String> named(String text) {
        Set<String> out = new TreeSet<>();
        Countries.addNamed(ArabicText.tokens(text), out);
        return out;
    }

    @Test
    void namesWithCliticsAdjectivesAndCapitalsGiveTheirCountry() {
        assertThat(named("وصل الوفد إلى بمصر ثم للعراق والسعودية")).containsExactly("@EG", "@IQ", "@SA");
        assertThat(named("الرئيس التونسي والوزراء العراقيين في طهران")).containsExactly("@IQ", "@IR", "@TN");
        assertThat(named("زار الولايات المتحدة وجنوب أفريقيا")).containsExactly("@US", "@ZA");
    }

    @Test
    void wordsThatOnlyLookLikeNamesNameNoCountry() {
        // "باليمن والخير والبركات" is an Eid blessing, صلاة المغرب the sunset prayer, a مالي دعم is financial
        assertThat(named("سائلين الله أن يعيده على الجميع باليمن والخير والبركات")).isEmpty();
        assertThat(named("وأقيم الحفل بعد صلاة المغرب بدعم مالي من الأمانة")).isEmpty();
        assertThat(named("وصل وفد اليمن إلى المغرب")).containsExactly("@MA", "@YE");
    }

    @Test
    void cablesInOneTemplateToTwoCountriesStayApartAndACopyWithItsOwnDatelineJoins() {
        DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
        Explainer explainer = new Explainer(settings);
        var egypt = item("riyadh-daily", "https://a.example/1", "ولي العهد يهنئ رئيس مصر بذكرى اليوم الوطني",
                cable("الرياض - واس: ", "عبدالفتاح السيسي", "مصر العربية", "اليوم الوطني"), T0);
        var colombia = item("gulf-news", "https://b.example/2", "ولي العهد يهنئ رئيس كولومبيا بذكرى الاستقلال",
                cable("", "خوان مانويل سانتوس", "كولومبيا", "الاستقلال"), T0.plus(Duration.ofHours(2)));
        // another outlet's copy of the Egypt cable, filed from Dubai: its dateline names another country
        var egyptCopy = item("gulf-news", "https://b.example/3", "ولي العهد يهنئ السيسي",
                cable("دبي - رويترز: ", "عبدالفتاح السيسي", "مصر العربية", "اليوم الوطني"), T0.plus(Duration.ofHours(1)));

        Explanation apart = explainer.explain(egypt, colombia);
        assertThat(apart.bodyJaccard()).isGreaterThanOrEqualTo(0.5);
        assertThat(apart.matched()).isFalse();
        assertThat(apart.reason()).contains("they name other countries: [EG] vs [CO]");
        // QA: --json listed "@EG" and "^EG" among the numbers; countries are a field of their own
        assertThat(apart.countriesA()).containsExactly("EG");
        assertThat(apart.countriesB()).containsExactly("CO");
        assertThat(apart.numbersA()).noneMatch(n -> n.startsWith("@") || n.startsWith("^"));

        assertThat(explainer.explain(egypt, egyptCopy).matched()).isTrue();
        // Dubai, in the dateline, is not counted
        assertThat(Fingerprinter.of(egyptCopy).numbers()).containsExactly("@EG");
    }

    @Test
    void cablesThatShareTheSendersCountryStayApartByTheirHeadlines() {
        Explainer explainer = new Explainer(new DedupSettings(Duration.ofHours(72), 0.5));
        String sender = " وأعرب باسمه وباسم شعب وحكومة المملكة العربية السعودية عن أصدق التهاني.";
        var tunisia = item("a", "https://a.example/t", "خادم الحرمين يهنئ الرئيس التونسي بذكرى إعلان الجمهورية",
                cable("", "الباجي قائد السبسي", "تونس", "إعلان الجمهورية") + sender, T0);
        var egypt = item("b", "https://b.example/e", "خادم الحرمين يهنئ رئيس مصر بذكرى اليوم الوطني",
                cable("", "عبدالفتاح السيسي", "مصر العربية", "اليوم الوطني") + sender, T0.plus(Duration.ofHours(1)));
        assertThat(Fingerprinter.of(tunisia).numbers()).contains("@SA", "@TN", "^TN");
        Explanation apart = explainer.explain(tunisia, egypt);
        assertThat(apart.matched()).isFalse();
        assertThat(apart.reason()).contains("they name other countries");

        // one release under two headlines that each name another country, its text naming the same ones: one story
        String kitchen = "افتتحت الحملة الوطنية السعودية لنصرة الأشقاء في سوريا المطبخ الإنتاجي التدريبي المخصص لتدريب الشابات "
                + "السوريات اللاجئات في لبنان على المهارات اللازمة لدخول سوق العمل، ويستوعب المطبخ مئة متدربة في كل دورة "
                + "تمتد ثلاثة أشهر، وتحصل المتدربات على شهادات معتمدة ومكافآت شهرية خلال فترة التدريب.";
        var one = item("a", "https://a.example/k", "الحملة السعودية تفتتح مطبخا تدريبيا في لبنان", kitchen, T0);
        var two = item("b", "https://b.example/k", "مطبخ لتعليم السوريات اللاجئات الطبخ",
                kitchen + " وقال المشرف على المشروع إن الدورة الأولى تبدأ الأسبوع المقبل.", T0.plus(Duration.ofHours(2)));
        Explanation same = explainer.explain(one, two);
        assertThat(same.rule()).isEqualTo("near");
        assertThat(same.matched()).isTrue();
    }

    @Test
    void aDatelineIsTheCityAndCreditBeforeTheFirstDashOrColon() {
        assertThat(Fingerprinter.datelineTokens("دبي - رويترز: وسط اهتمام رسمي أصيب 12 شخصا")).isEqualTo(2);
        assertThat(Fingerprinter.datelineTokens("القاهرة (رويترز) – يعقد وزراء الخارجية العرب اجتماعا")).isEqualTo(2);
        assertThat(Fingerprinter.datelineTokens("عبدالله البرقاوي-سبق-الرياض: أوضحت المديرية العامة")).isEqualTo(4);
        assertThat(Fingerprinter.datelineTokens("مصر تؤكد رفضها تدخل إيران في شؤونها الداخلية، وقال المتحدث")).isZero();
        assertThat(List.of(Fingerprinter.datelineTokens(""))).containsExactly(0);
    }
}

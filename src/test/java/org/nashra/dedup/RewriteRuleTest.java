package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/** The rewrite rule: another outlet's retelling in its own order and words. Texts written for this test. */
class RewriteRuleTest {
    static final String PORT_TITLE = "النقل تشغل رصيفا جديدا للحاويات في ميناء أم قصر";
    static final String PORT = "أعلنت وزارة النقل تشغيل رصيف جديد للحاويات في ميناء أم قصر الجنوبي بطاقة استيعابية تبلغ 600 ألف "
            + "حاوية سنويا، بعد انتهاء أعمال التوسعة التي نفذتها شركة كورية متخصصة. وأوضح مدير عام الشركة العامة للموانئ أن "
            + "الرصيف الجديد مجهز برافعات حديثة تختصر زمن تفريغ السفن إلى النصف، وأن الميناء سيستقبل سفنا بحمولات أكبر اعتبارا "
            + "من الشهر المقبل. وأضاف أن المشروع يخفف الازدحام على الأرصفة القديمة ويرفع إيرادات الموانئ.";
    /** The same release retold: another headline, sentences turned round, connectives and word forms changed. */
    static final String PORT_REWRITE_TITLE = "رافعات حديثة تختصر تفريغ السفن إلى النصف في أم قصر";
    static final String PORT_REWRITE = "رافعات حديثة تختصر زمن تفريغ السفن إلى النصف باتت تعمل على رصيف الحاويات الجديد في ميناء "
            + "أم قصر، وفق ما أعلنه مدير عام الشركة العامة للموانئ، مشيرا الى ان الرصيف بطاقة 600 ألف حاوية في السنة افتتحته "
            + "وزارة النقل بعد أن أنهت شركة كورية أعمال توسعته. ويتوقع أن يخفف المشروع ازدحام الأرصفة القديمة، كما سيرفع "
            + "إيرادات الموانئ، إذ يستقبل الميناء السفن ذات الحمولات الأكبر من الشهر المقبل.";
    /** Hard negative: the same ministry's other statement of the same day, in the same release template. */
    static final String TRAIN_TITLE = "النقل تطلق قطارا يوميا جديدا بين بغداد والبصرة";
    static final String TRAIN = "أعلنت وزارة النقل إطلاق رحلات قطار يومية جديدة بين بغداد والبصرة اعتبارا من الشهر المقبل، بعد "
            + "انتهاء أعمال صيانة السكة التي نفذتها الشركة العامة للسكك الحديد. وأوضح مدير عام الشركة أن القطار الجديد مجهز "
            + "بعربات حديثة تختصر زمن الرحلة إلى تسع ساعات، وأن أسعار التذاكر ستبقى على حالها. وأضاف أن المشروع يخفف "
            + "الازدحام على الطرق البرية ويرفع إيرادات الشركة.";

    private final DedupSettings settings = new DedupSettings(Duration.ofHours(72), 0.5);
    private final TestStories stories = new TestStories(settings);

    @Test
    void anotherOutletsRewriteJoinsTheStoryByItsWords() {
        MatchDecision wire = stories.ingest(item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0));
        NormalizedItem rewrite = item("daily", "https://daily.example/7", PORT_REWRITE_TITLE, PORT_REWRITE, T0.plus(Duration.ofHours(2)));

        Explanation pair = new Explainer(settings).explain(item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0), rewrite);
        // the retelling keeps the words, not their order: the shingle rules alone would miss it
        assertThat(pair.bodyJaccard()).isLessThan(0.5);
        assertThat(pair.rule()).isEqualTo("rewrite");

        MatchDecision d = stories.dedup.decide(rewrite);
        assertThat(d.storyId()).isEqualTo(wire.storyId());
        assertThat(d.rule()).isEqualTo("rewrite");
        assertThat(d.explanation()).contains("word Jaccard");
    }

    @Test
    void sameMinistrysOtherStatementOfTheDayStaysApart() {
        stories.ingest(item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0));
        MatchDecision d = stories.dedup.decide(item("daily", "https://daily.example/8", TRAIN_TITLE, TRAIN, T0.plus(Duration.ofHours(1))));
        assertThat(d.storyId()).isNull();
    }

    @Test
    void aRewriteDaysLaterIsAFollowUpNotACopy() {
        stories.ingest(item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0));
        MatchDecision d = stories.dedup.decide(item("daily", "https://daily.example/7", PORT_REWRITE_TITLE, PORT_REWRITE,
                T0.plus(Duration.ofHours(30))));
        assertThat(d.storyId()).isNull();
    }

    @Test
    void theSameOutletsOtherTellingIsNotMatchedAsARewrite() {
        Explanation pair = new Explainer(settings).explain(item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0),
                item("wire", "https://wire.example/2", PORT_REWRITE_TITLE, PORT_REWRITE, T0.plus(Duration.ofHours(2))));
        assertThat(pair.rule()).isNotEqualTo("rewrite");
    }

    @Test
    void headlinesThatCountDifferentlyAreDifferentEventsOfASeries() {
        Explanation pair = new Explainer(settings).explain(
                item("wire", "https://wire.example/1", "وصول أول باخرة حاويات إلى الرصيف الجديد في أم قصر", PORT, T0),
                item("daily", "https://daily.example/7", "وصول الباخرة الثانية إلى رصيف أم قصر الجديد", PORT_REWRITE,
                        T0.plus(Duration.ofHours(2))));
        assertThat(pair.matched()).isFalse();
        assertThat(pair.reason()).contains("ordinal");
    }

    @Test
    void anOrdinalWithAndWithoutTheArticleCountsTheSame() {
        Explanation pair = new Explainer(settings).explain(
                item("wire", "https://wire.example/1", "وصول الباخرة الثانية إلى الرصيف الجديد في أم قصر", PORT, T0),
                item("daily", "https://daily.example/7", "باخرة ثانية تصل رصيف أم قصر الجديد", PORT_REWRITE,
                        T0.plus(Duration.ofHours(2))));
        assertThat(pair.matched()).isTrue();
        assertThat(pair.rule()).isEqualTo("rewrite");
    }

    @Test
    void fingerprintsStoredBeforeTheWordsColumnAreNotMatchedAsRewrites() {
        NormalizedItem wire = item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0);
        NormalizedItem rewrite = item("daily", "https://daily.example/7", PORT_REWRITE_TITLE, PORT_REWRITE, T0.plus(Duration.ofHours(2)));
        Fingerprint full = Fingerprinter.of(wire);
        Fingerprint old = Fingerprint.stored(full.shingles(), full.titleTokens(), full.numbers(), full.titleOnly(),
                full.urlHash(), full.bodyHash(), full.titleHash());
        PairMatcher matcher = new PairMatcher(0.5);
        PairMatcher.Side self = new PairMatcher.Side("daily", rewrite.raw().role(), null, rewrite.published(), Fingerprinter.of(rewrite));

        assertThat(matcher.verdict(self, new PairMatcher.Side("wire", wire.raw().role(), null, wire.published(), full)).rule())
                .isEqualTo(MatchRule.REWRITE);
        PairMatcher.Verdict v = matcher.verdict(self, new PairMatcher.Side("wire", wire.raw().role(), null, wire.published(), old));
        assertThat(v.matched()).isFalse();
        assertThat(v.reason()).contains("too few words");
    }

    @Test
    void wordsLeaveOutShortAndFunctionWordsAndFileTheItemUnderWordBands() {
        Fingerprint fp = Fingerprinter.of(item("wire", "https://wire.example/1", PORT_TITLE, PORT, T0));
        Fingerprint withFunctionWords = Fingerprinter.of(item("wire", "https://wire.example/1", PORT_TITLE,
                PORT.replace("أعلنت وزارة", "وقد أعلنت اليوم وزارة"), T0));
        assertThat(fp.words()).isNotEmpty().isEqualTo(withFunctionWords.words());
        // filed under its word bands, the first body bands, its title bands and its exact keys
        assertThat(fp.storeKeys()).hasSizeGreaterThan(Fingerprinter.WORDS.bands() + Fingerprinter.BODY_BANDS_KEPT)
                .hasSizeLessThan(Fingerprinter.WORDS.bands() + Fingerprinter.BODY.bands());
    }

    @Test
    void anItemWithTooFewWordsForWordBandsKeepsEveryBodyBand() {
        Fingerprint fp = Fingerprinter.of(item("wire", "https://wire.example/2", "مطر",
                "مطر غزير على مدن عدة اليوم مع رياح قوية وبرد في مدن عدة مساء اليوم وغدا", T0));
        assertThat(fp.titleOnly()).isFalse();
        assertThat(fp.words()).hasSizeLessThan(PairMatcher.MIN_REWRITE_WORDS);
        assertThat(fp.storeKeys()).hasSizeGreaterThanOrEqualTo(Fingerprinter.BODY.bands());
    }
}

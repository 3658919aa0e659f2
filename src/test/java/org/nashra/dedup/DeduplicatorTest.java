package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.extract.Role;
import org.nashra.text.NormalizedItem;

class DeduplicatorTest {
    static final String HOSPITAL = "افتتح وزير الصحة اليوم مستشفى الأطفال الجديد في مدينة الدمام بسعة 300 سرير ضمن خطة الوزارة "
            + "لتوسيع الخدمات الصحية في المنطقة الشرقية. ويضم المستشفى أقساما للعناية المركزة لحديثي الولادة وجراحة القلب والأورام "
            + "إضافة إلى عيادات خارجية تستقبل أكثر من ألف مراجع يوميا. وقال الوزير في كلمته خلال حفل الافتتاح إن المشروع سيقلل "
            + "فترات الانتظار ويغني الأسر عن السفر إلى الرياض لتلقي العلاج التخصصي.";
    static final String FLIGHTS = "قررت الهيئة العامة للطيران المدني زيادة عدد الرحلات الداخلية بين الرياض وجدة خلال موسم الصيف "
            + "لمواجهة الطلب المتزايد على السفر. وأوضحت الهيئة في بيان أن الناقلات الوطنية ستشغل 24 رحلة إضافية يوميا اعتبارا "
            + "من الأسبوع المقبل وحتى نهاية أغسطس، وستتابع التزام الشركات بمعايير الخدمة ومواعيد الإقلاع في المطارات.";
    static final String PARKS = "افتتحت أمانة منطقة الرياض اليوم ثلاث حدائق جديدة في أحياء النرجس والعارض والقيروان بمساحة إجمالية "
            + "تبلغ 90 ألف متر مربع، وتضم الحدائق ممرات للمشي وملاعب للأطفال ومسطحات خضراء زرعت فيها أشجار محلية تتحمل الحرارة "
            + "وقلة المياه، وقال أمين المنطقة إن الأمانة تعمل على زيادة نصيب الفرد من المساحات الخضراء في أحياء العاصمة.";
    static final String FINES = "ضبطت فرق الرقابة في أمانة منطقة الرياض 40 منشأة غذائية مخالفة خلال حملة تفتيشية شملت أحياء جنوب "
            + "العاصمة وأغلقت 12 منها، وتنوعت المخالفات بين انتهاء الشهادات الصحية للعمالة وسوء التخزين وعرض منتجات منتهية "
            + "الصلاحية، وأحيلت المنشآت إلى لجنة العقوبات، وأهابت الأمانة بالسكان الإبلاغ عن الملاحظات عبر تطبيق بلدي.";

    private final TestStories stories = new TestStories(new DedupSettings(Duration.ofHours(72), 0.5));

    @Test
    void rewrittenAgencyCopyJoinsTheStory() {
        MatchDecision wire = stories.ingest(item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", HOSPITAL, T0));
        String rewritten = "الدمام - واس: " + HOSPITAL.replace("أ", "ا").replace("300", "٣٠٠").replace("مستشفى", "مُستشفى");
        MatchDecision copy = stories.dedup.decide(item("okaz", "https://okaz.example/9", "الصحة تفتتح مستشفى للأطفال بالدمام",
                rewritten, T0.plus(Duration.ofHours(5))));
        assertThat(copy.storyId()).isEqualTo(wire.storyId());
        assertThat(copy.rule()).isEqualTo("near");
        assertThat(copy.explanation()).contains("Jaccard");
    }

    @Test
    void dailyRatesThatShareYesterdaysFigureStayApart() {
        // each day's report quotes the previous day's rate, so two days share a weekday and numbers
        String saturday = "سجلت أسعار صرف الدولار الأمريكي صباح اليوم السبت ارتفاعا طفيفا مع افتتاح بورصتي الكفاح والحارثية "
                + "في بغداد وبلغت أسعار البيع 141 ألفا و900 دينار مقابل 100 دولار بعدما سجلت أمس الجمعة 141 ألفا و600 دينار "
                + "أما أسعار البيع في محال الصيرفة بالأسواق المحلية فقد بلغت 142 ألف دينار وأسعار الشراء 141 ألفا.";
        String sunday = saturday.replace("اليوم السبت", "اليوم الأحد").replace("أمس الجمعة", "أمس السبت")
                .replace("141 ألفا و600", "141 ألفا و900").replaceFirst("141 ألفا و900 دينار مقابل", "142 ألفا و250 دينار مقابل")
                .replace("142 ألف دينار", "142 ألفا و750 دينارا");
        String title = "ارتفاع طفيف في أسعار صرف الدولار في بورصتي الكفاح والحارثية";
        MatchDecision first = stories.ingest(item("furat", "https://furat.example/rates-28", title, saturday, T0));
        MatchDecision next = stories.dedup.decide(item("rafidain", "https://rafidain.example/rates-29", title, sunday,
                T0.plus(Duration.ofHours(24))));
        assertThat(next.storyId()).as(next.explanation()).isNull();
        assertThat(next.storyId()).isNotEqualTo(first.storyId());
    }

    /** QA run: a new story's explanation read "1 candidates, none alike enough". */
    @Test
    void oneCandidateIsCountedInTheSingular() {
        String title = "أمانة منطقة الرياض تفتتح حدائق جديدة وتضبط منشآت مخالفة في أحياء العاصمة";
        stories.ingest(item("a", "https://a.example/parks", title, PARKS, T0));
        MatchDecision other = stories.dedup.decide(item("b", "https://b.example/fines", title, FINES, T0.plusSeconds(600)));
        assertThat(other.storyId()).isNull();
        assertThat(other.explanation()).isEqualTo("1 candidate, none alike enough");
    }

    @Test
    void sameCanonicalUrlAndSameBodyAreExactMatches() {
        MatchDecision first = stories.ingest(item("a", "https://x.example/story", "عنوان أول", HOSPITAL, T0));
        MatchDecision sameUrl = stories.dedup.decide(item("b", "https://x.example/story", "عنوان آخر تماما", FLIGHTS, T0.plusSeconds(60)));
        assertThat(sameUrl.rule()).isEqualTo("url");
        assertThat(sameUrl.storyId()).isEqualTo(first.storyId());
        MatchDecision sameBody = stories.dedup.decide(item("c", "https://c.example/1", "عنوان ثالث", HOSPITAL, T0.plusSeconds(90)));
        assertThat(sameBody.rule()).isEqualTo("body");
        assertThat(sameBody.score()).isEqualTo(1.0);
    }

    @Test
    void unrelatedStoriesStayApart() {
        stories.ingest(item("a", "https://a.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", HOSPITAL, T0));
        MatchDecision other = stories.dedup.decide(item("a", "https://a.example/2", "رحلات إضافية بين الرياض وجدة", FLIGHTS, T0));
        assertThat(other.storyId()).isNull();
        assertThat(other.rule()).isEqualTo("new");
    }

    @Test
    void outsideTheWindowStartsANewStory() {
        stories.ingest(item("a", "https://a.example/1", "افتتاح مستشفى جديد للأطفال في الدمام", HOSPITAL, T0));
        MatchDecision late = stories.dedup.decide(item("b", "https://b.example/1", "افتتاح مستشفى جديد للأطفال في الدمام",
                "الدمام - " + HOSPITAL, T0.plus(Duration.ofDays(4))));
        assertThat(late.storyId()).isNull();
    }

    @Test
    void titleOnlyOtherItemJoinsTheMainStoryAndRepeatsCollapse() {
        MatchDecision main = stories.ingest(item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام بسعة 300 سرير", HOSPITAL, T0));
        NormalizedItem other1 = item("okaz", "https://okaz.example/a#other-2", "افتتاح مستشفى جديد للأطفال في الدمام بسعة 300 سرير",
                "", T0.plus(Duration.ofHours(2)), Role.OTHER, null);
        MatchDecision o1 = stories.ingest(other1);
        assertThat(o1.storyId()).isEqualTo(main.storyId());
        assertThat(o1.rule()).isEqualTo("title");
        NormalizedItem other2 = item("okaz", "https://okaz.example/b#other-1", "افتتاح مستشفى جديد للأطفال في الدمام بسعة 300 سرير",
                "", T0.plus(Duration.ofHours(3)), Role.OTHER, null);
        MatchDecision o2 = stories.dedup.decide(other2);
        assertThat(o2.storyId()).isEqualTo(main.storyId());
        assertThat(o2.rule()).isEqualTo("other-repeat");
    }

    @Test
    void anArticleFirstSeenAsItsOutletsOtherNewsLinkJoinsTheStoryItsTextMatches() {
        // the outlet's "اقرأ أيضا" link to its article arrives first, as a title-only other item
        String url = "https://manara.example/news/dammam-hospital.html";
        MatchDecision mention = stories.ingest(item("manara", url, "مستشفى جديد للأطفال في الدمام", "", T0, Role.OTHER, null));
        MatchDecision wire = stories.ingest(item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام بسعة 300 سرير",
                HOSPITAL, T0.plus(Duration.ofMinutes(10))));
        assertThat(wire.storyId()).isNotEqualTo(mention.storyId());

        MatchDecision article = stories.dedup.decide(item("manara", url, "الصحة تفتتح مستشفى للأطفال بالدمام",
                "الدمام - منارة: " + HOSPITAL, T0.plus(Duration.ofMinutes(20))));
        assertThat(article.storyId()).isEqualTo(wire.storyId());
        assertThat(article.explanation()).contains("an other-news link to it is item");
    }

    @Test
    void anArticleWhoseTextMatchesNoStoryJoinsItsOtherNewsLinkByUrl() {
        String url = "https://manara.example/news/dammam-hospital.html";
        MatchDecision mention = stories.ingest(item("manara", url, "مستشفى جديد للأطفال في الدمام", "", T0, Role.OTHER, null));
        MatchDecision article = stories.dedup.decide(item("manara", url, "الصحة تفتتح مستشفى للأطفال بالدمام", HOSPITAL,
                T0.plus(Duration.ofMinutes(20))));
        assertThat(article.storyId()).isEqualTo(mention.storyId());
        assertThat(article.rule()).isEqualTo("url");
    }

    @Test
    void otherItemsWithoutAStoryCollapseToOne() {
        String title = "أمانة الرياض تضبط 40 منشأة مخالفة في جنوب العاصمة";
        MatchDecision first = stories.ingest(item("okaz", "https://okaz.example/p1#other-3", title, "", T0, Role.OTHER, null));
        MatchDecision again = stories.dedup.decide(item("okaz", "https://okaz.example/p7#other-1", title, "", T0.plusSeconds(600), Role.OTHER, null));
        assertThat(again.storyId()).isEqualTo(first.storyId());
    }

    @Test
    void roundupDoesNotGlueItsSecondStoryToTheFirst() {
        MatchDecision parks = stories.ingest(item("alriyadh", "https://r.example/1", "أمانة الرياض تفتتح ثلاث حدائق جديدة",
                PARKS + "\nمن جهة أخرى، " + FINES, T0));
        MatchDecision parksCopy = stories.ingest(item("okaz", "https://o.example/1", "ثلاث حدائق جديدة في الرياض", PARKS, T0.plusSeconds(3600)));
        MatchDecision fines = stories.ingest(item("sabq", "https://s.example/1", "ضبط 40 منشأة مخالفة", FINES, T0.plusSeconds(7200)));
        assertThat(parksCopy.storyId()).isEqualTo(parks.storyId());
        assertThat(fines.storyId()).isNotEqualTo(parks.storyId());
    }

    @Test
    void aChainOfWeakLinksDoesNotJoinAStory() {
        // B is A with C appended (a roundup without a marker): B matches A, C matches B, C does not match A
        MatchDecision a = stories.ingest(item("a", "https://a.example/1", "مستشفى الأطفال في الدمام", HOSPITAL, T0));
        MatchDecision b = stories.ingest(item("b", "https://b.example/1", "مستشفى الأطفال في الدمام", HOSPITAL + " " + FLIGHTS,
                T0.plusSeconds(60)));
        MatchDecision c = stories.dedup.decide(item("c", "https://c.example/1", "رحلات الصيف", FLIGHTS, T0.plusSeconds(120)));
        assertThat(b.storyId()).isEqualTo(a.storyId());
        assertThat(new Explainer(DedupSettings.DEFAULT).explain(
                item("b", "https://b.example/1", "مستشفى الأطفال في الدمام", HOSPITAL + " " + FLIGHTS, T0),
                item("c", "https://c.example/1", "رحلات الصيف", FLIGHTS, T0)).matched()).isTrue();
        assertThat(c.storyId()).isNull();
        assertThat(c.explanation()).contains("not as a whole");
    }

    @Test
    void dailyItemsThatDifferInFiguresAreDifferentStories() {
        String day1 = "جاءت أسعار صرف العملات مقابل الريال في تعاملات اليوم الثلاثاء على النحو التالي: الدولار 3.75 ريال واليورو 4.05 "
                + "ريال والجنيه الإسترليني 4.71 ريال والجنيه المصري 0.0761 ريال، وفق متوسط تعاملات البنوك المحلية في بداية اليوم.";
        String day2 = day1.replace("الثلاثاء", "الأربعاء").replace("4.05", "4.07").replace("4.71", "4.69").replace("0.0761", "0.0759");
        stories.ingest(item("sabq", "https://s.example/rates-1", "أسعار العملات اليوم مقابل الريال", day1, T0));
        MatchDecision next = stories.dedup.decide(item("sabq", "https://s.example/rates-2", "أسعار العملات اليوم مقابل الريال", day2,
                T0.plus(Duration.ofDays(1))));
        assertThat(next.storyId()).isNull();
    }

    @Test
    void sharedAgencyIsEvidenceButNeverTheReason() {
        stories.ingest(item("a", "https://a.example/1", "مستشفى الأطفال في الدمام", HOSPITAL, T0, Role.MAIN, "واس"));
        MatchDecision unrelated = stories.dedup.decide(item("b", "https://b.example/1", "رحلات الصيف", FLIGHTS, T0, Role.MAIN, "واس"));
        assertThat(unrelated.storyId()).isNull();
    }

    @Test
    void agencyMovesTheScore() {
        Explainer explainer = new Explainer(DedupSettings.DEFAULT);
        String cut = HOSPITAL.substring(0, HOSPITAL.length() * 2 / 3);
        NormalizedItem a = item("a", "https://a.example/1", "مستشفى الأطفال", HOSPITAL, T0, Role.MAIN, "واس");
        double same = explainer.explain(a, item("b", "https://b.example/1", "مستشفى", cut, T0, Role.MAIN, "واس")).score();
        double none = explainer.explain(a, item("b", "https://b.example/1", "مستشفى", cut, T0, Role.MAIN, null)).score();
        double other = explainer.explain(a, item("b", "https://b.example/1", "مستشفى", cut, T0, Role.MAIN, "رويترز")).score();
        assertThat(same).isGreaterThan(none);
        assertThat(none).isGreaterThan(other);
    }

    @Test
    void aChainThroughOneOutletsOwnUpdateDoesNotJoinAStory() {
        // The same chain when A's outlet itself appended C to its item: one outlet, two members.
        // Counting one voice per outlet would let C in through B (measured: bench/dedup/README.md).
        MatchDecision a = stories.ingest(item("a", "https://a.example/1", "مستشفى الأطفال في الدمام", HOSPITAL, T0));
        MatchDecision b = stories.ingest(item("a", "https://a.example/2", "مستشفى الأطفال في الدمام", HOSPITAL + " " + FLIGHTS,
                T0.plusSeconds(60)));
        MatchDecision c = stories.dedup.decide(item("c", "https://c.example/1", "رحلات الصيف", FLIGHTS, T0.plusSeconds(120)));
        assertThat(b.storyId()).isEqualTo(a.storyId());
        assertThat(c.storyId()).isNull();
        assertThat(c.explanation()).contains("not as a whole");
    }

    @Test
    void aDecisionReadsEachStorysMembersOnce() {
        // an outlet's other-news link to its article, and another outlet's link with the same headline:
        // one story of mentions, which the article matches exactly (by URL) and by headline
        CountingIndex index = new CountingIndex();
        Deduplicator dedup = new Deduplicator(index, new DedupSettings(Duration.ofHours(72), 0.5));
        String url = "https://manara.example/news/dammam-hospital.html";
        String title = "افتتاح مستشفى جديد للأطفال في الدمام بسعة 300 سرير";
        NormalizedItem mention = item("manara", url, title, "", T0, Role.OTHER, null);
        MatchDecision first = dedup.decide(mention);
        index.add(1, 100, mention, first.fingerprint());
        NormalizedItem another = item("okaz", "https://okaz.example/p#other-2", title, "", T0.plusSeconds(300), Role.OTHER, null);
        MatchDecision second = dedup.decide(another);
        assertThat(second.storyId()).isEqualTo(100L);
        index.add(2, 100, another, second.fingerprint());

        index.membersRead.clear();
        MatchDecision article = dedup.decide(item("manara", url, title, "الدمام - منارة: " + HOSPITAL, T0.plusSeconds(600)));

        // asked for to see whether the story is only mentions, and to judge it as a whole: read once
        assertThat(article.storyId()).isEqualTo(100L);
        assertThat(index.membersRead).containsExactly(100L);
    }

    /** An in-memory index that records whose members are read. */
    private static final class CountingIndex implements StoryIndex {
        final InMemoryStoryIndex index = new InMemoryStoryIndex();
        final List<Long> membersRead = new ArrayList<>();

        @Override
        public List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to) {
            return index.candidates(item, fp, from, to);
        }

        @Override
        public List<Candidate> members(long storyId, Instant from, Instant to, int limit) {
            membersRead.add(storyId);
            return index.members(storyId, from, to, limit);
        }

        @Override
        public void add(long itemId, long storyId, NormalizedItem item, Fingerprint fp) {
            index.add(itemId, storyId, item, fp);
        }
    }
}

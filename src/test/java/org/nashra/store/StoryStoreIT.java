package org.nashra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;

class StoryStoreIT {
    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    static final Map<String, Integer> PRIORITY = Map.of("wafa", 1, "rafidain", 5);

    static java.util.stream.Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static NormalizedItem item(String source, String guid, String title, String text, Role role, Instant published) {
        RawItem raw = new RawItem(source, "https://" + source + ".example/" + guid, guid, title, "<p>" + text + "</p>",
                text, null, published, null, null, null, List.of("سياسة"), role, null);
        return new NormalizedItem(raw, ArabicText.display(title), ArabicText.display(text), ArabicText.matchingKey(title),
                ArabicText.matchingKey(text), raw.url(), published, null, List.of());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void storiesKeepTheirIdAndTagWhileTheRepresentativeChanges(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> PRIORITY.getOrDefault(id, 0));
            StoryStore.Stored first = store.insert(item("wafa", "g1", "وزارة الكهرباء تعلن خطة جديدة", "نص قصير", Role.MAIN, T0),
                    null, "new", 0, null, T0).orElseThrow();
            assertThat(first.newStory()).isTrue();
            StoryRecord before = store.story(first.storyId()).orElseThrow();
            assertThat(before.tag()).isEqualTo("tag:nashra.test,2026:story:" + first.storyId());
            assertThat(before.representative().sourceId()).isEqualTo("wafa");

            Instant joined = T0.plusSeconds(600);
            StoryStore.Stored second = store.insert(item("rafidain", "x9", "الكهرباء: خطة جديدة للصيف", "نص آخر", Role.MAIN,
                    T0.plusSeconds(300)), first.storyId(), "near", 0.8, null, joined).orElseThrow();
            assertThat(second.newStory()).isFalse();

            StoryRecord after = store.story(first.storyId()).orElseThrow();
            assertThat(after.tag()).isEqualTo(before.tag());
            assertThat(after.representative().sourceId()).as("higher priority represents").isEqualTo("rafidain");
            assertThat(after.members()).hasSize(2);
            assertThat(after.updated()).isEqualTo(joined);
            assertThat(after.published()).isEqualTo(T0);
            assertThat(after.members().get(1).title()).isEqualTo("وزارة الكهرباء تعلن خطة جديدة");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStorysChangedTimeIsTheStoresClockWhateverItsMembersAreDated(String kind) throws Exception {
        // regression (QA): feeds took Last-Modified from publication times, which a late story
        // dated in the past does not move; the store's own time of each change does
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            java.util.concurrent.atomic.AtomicReference<Instant> clock = new java.util.concurrent.atomic.AtomicReference<>(
                    Instant.parse("2026-11-30T12:00:00.123456Z"));
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0, clock::get);
            long id = store.insert(item("wafa", "g1", "خبر متأخر", "نص", Role.MAIN, T0), null, "new", 0, null,
                    T0.plusSeconds(3600)).orElseThrow().storyId();
            StoryRecord created = store.story(id).orElseThrow();
            assertThat(created.changed()).isEqualTo(Instant.parse("2026-11-30T12:00:00.123456Z"));
            assertThat(created.updated()).as("the entry's updated: its publication").isEqualTo(T0);

            clock.set(Instant.parse("2026-11-30T13:00:00Z"));
            store.insert(item("rafidain", "x1", "خبر متأخر", "نص", Role.MAIN, T0.minusSeconds(600)), id, "near", 0.9, null,
                    Instant.parse("2026-11-30T12:59:00Z"));
            StoryRecord joined = store.stories(new StoryQuery(null, null, null, null, null, null, 10)).get(0);
            assertThat(joined.changed()).isEqualTo(Instant.parse("2026-11-30T13:00:00Z"));
            assertThat(joined.updated()).isEqualTo(Instant.parse("2026-11-30T12:59:00Z"));
            assertThat(joined.published()).isEqualTo(T0.minusSeconds(600));
        }
    }

    static NormalizedItem dated(String source, String guid, Instant published, org.nashra.text.DatePrecision precision) {
        NormalizedItem n = item(source, guid, "افتتاح جسر جديد على نهر دجلة", "نص", Role.MAIN, published);
        return new NormalizedItem(n.raw(), n.title(), n.text(), n.titleKey(), n.textKey(), n.canonicalUrl(), published,
                precision, null, List.of());
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStorysPublicationIsItsEarliestTimeOfDayNotADaysMidnight(String kind) throws Exception {
        // regression (QA): a copy dated "28 نوفمبر" (local midnight, 21:00Z the day before) joined
        // a story an RSS copy dated 07:30Z, and took the story into the previous day
        Instant precise = Instant.parse("2026-11-28T07:30:00Z");
        Instant midnight = Instant.parse("2026-11-27T21:00:00Z");
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            long a = store.insert(dated("rafidain", "r1", precise, org.nashra.text.DatePrecision.TIME), null, "new", 0, null,
                    T0).orElseThrow().storyId();
            store.insert(dated("janoub", "j1", midnight, org.nashra.text.DatePrecision.DAY), a, "near", 0.9, null, T0);
            StoryRecord first = store.story(a).orElseThrow();
            assertThat(first.published()).isEqualTo(precise);
            assertThat(first.members()).extracting(StoredItem::datePrecision)
                    .containsExactlyInAnyOrder(org.nashra.text.DatePrecision.TIME, org.nashra.text.DatePrecision.DAY);

            // the other way round: the day came first, the time of day moves the story to it
            long b = store.insert(dated("janoub", "j2", midnight, org.nashra.text.DatePrecision.DAY), null, "new", 0, null,
                    T0).orElseThrow().storyId();
            assertThat(store.story(b).orElseThrow().published()).as("a day is all it has").isEqualTo(midnight);
            store.insert(dated("rafidain", "r2", precise, org.nashra.text.DatePrecision.TIME), b, "near", 0.9, null,
                    precise.minusSeconds(60));
            StoryRecord second = store.story(b).orElseThrow();
            assertThat(second.published()).isEqualTo(precise);
            assertThat(second.updated()).as("an entry is not updated before it is published").isEqualTo(precise);

            // the fetch time standing in for a date does not beat a day either way: the earliest is kept
            long c = store.insert(dated("janoub", "j3", midnight, org.nashra.text.DatePrecision.DAY), null, "new", 0, null,
                    T0).orElseThrow().storyId();
            store.insert(dated("babil", "b3", T0, org.nashra.text.DatePrecision.NONE), c, "near", 0.9, null, T0);
            assertThat(store.story(c).orElseThrow().published()).isEqualTo(midnight);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sameSourceAndGuidIsStoredOnceEvenConcurrently(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Optional<StoryStore.Stored>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Optional<StoryStore.Stored>> c = () -> store.insert(
                        item("wafa", "same-guid", "عنوان", "نص", Role.MAIN, T0), null, "new", 0, null, T0);
                results.add(pool.submit(c));
            }
            int stored = 0;
            for (Future<Optional<StoryStore.Stored>> f : results) if (f.get().isPresent()) stored++;
            pool.shutdown();
            assertThat(stored).isEqualTo(1);
            assertThat(store.itemCount()).isEqualTo(1);
            assertThat(store.contains("wafa", "same-guid")).isTrue();
            assertThat(store.stories(new StoryQuery(null, null, null, null, null, null, 10))).hasSize(1);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void otherNewsTeaserDoesNotStandInForTheArticleItLinksTo(String kind) throws Exception {
        // regression: a sidebar teaser linking to the outlet's own article was stored under the
        // article's URL, so the article itself was later skipped and refused as a duplicate
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            NormalizedItem teaser = item("manara", "https://manara.example/news/derby", "الزوراء يحسم القمة", "", Role.OTHER, T0);
            assertThat(store.insert(teaser, null, "new", 0, null, T0)).isPresent();
            assertThat(store.contains("manara", "https://manara.example/news/derby")).isFalse();
            NormalizedItem article = item("manara", "https://manara.example/news/derby", "الزوراء يحسم القمة", "نص المقال", Role.MAIN, T0);
            assertThat(store.insert(article, null, "new", 0, null, T0)).isPresent();
            assertThat(store.insert(teaser, null, "new", 0, null, T0)).as("the teaser itself is stored once").isEmpty();
        }
    }

    static NormalizedItem mention(String source, String guid, Instant published, org.nashra.text.DatePrecision precision) {
        NormalizedItem n = item(source, guid, "الموارد المائية: تركيا توافق على زيادة الإطلاقات", "", Role.OTHER, published);
        return new NormalizedItem(n.raw(), n.title(), n.text(), n.titleKey(), n.textKey(), n.canonicalUrl(), published,
                precision, null, List.of());
    }

    static NormalizedItem article(String source, String guid, Instant published) {
        return item(source, guid, "الموارد المائية: تركيا توافق على زيادة الإطلاقات",
                "أعلنت وزارة الموارد المائية أن الجانب التركي وافق على زيادة الإطلاقات المائية في نهري دجلة والفرات.",
                Role.MAIN, published);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void anOtherNewsItemJoiningAStoryWithAnArticleNeitherRepresentsItNorMovesItsTimes(String kind) throws Exception {
        // regression (QA of the demo): an "other" copy of an article, from an outlet of higher
        // priority, became the story's representative, and its joining moved the story's updated
        // time to the fetch time
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> PRIORITY.getOrDefault(id, 0));
            long id = store.insert(article("wafa", "w1", T0), null, "new", 0, null, T0.plusSeconds(3600))
                    .orElseThrow().storyId();
            Instant fetched = T0.plusSeconds(7200);
            store.insert(mention("rafidain", "undated", fetched, org.nashra.text.DatePrecision.NONE), id, "url", 1, null, fetched);
            // dated by a page published before the article: an upper bound, not the story's publication
            store.insert(mention("rafidain", "paged", T0.minusSeconds(1800), org.nashra.text.DatePrecision.TIME), id, "title",
                    0.9, null, fetched);

            StoryRecord story = store.story(id).orElseThrow();
            assertThat(story.members()).hasSize(3);
            assertThat(story.representative().role()).isEqualTo(Role.MAIN);
            assertThat(story.representative().sourceId()).isEqualTo("wafa");
            assertThat(story.updated()).isEqualTo(T0);
            assertThat(story.published()).isEqualTo(T0);
            assertThat(story.hasMain()).isTrue();
            assertThat(store.stories(new StoryQuery(null, null, StoryQuery.Roles.OTHER_ONLY, null, null, null, 10))).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStoryAnOtherNewsItemBeganIsAMainStoryOnceItsArticleArrivesAsIfTheArticleCameFirst(String kind) throws Exception {
        // regression (QA of the demo): a mention created the story, the article joined it later,
        // and the story kept the mention's times
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> PRIORITY.getOrDefault(id, 0));
            Instant mentioned = T0.plusSeconds(3 * 3600);
            long begun = store.insert(mention("rafidain", "m1", mentioned, org.nashra.text.DatePrecision.NONE), null, "new", 0,
                    null, mentioned).orElseThrow().storyId();
            assertThat(store.stories(new StoryQuery(null, null, StoryQuery.Roles.OTHER_ONLY, null, null, null, 10)))
                    .extracting(StoryRecord::id).containsExactly(begun);
            store.insert(article("wafa", "w1", T0), begun, "url", 1, null, T0.plusSeconds(4 * 3600));

            StoryRecord story = store.story(begun).orElseThrow();
            assertThat(story.hasMain()).isTrue();
            assertThat(story.representative().sourceId()).isEqualTo("wafa");
            assertThat(story.published()).isEqualTo(T0);
            assertThat(story.updated()).isEqualTo(T0);
            assertThat(store.stories(new StoryQuery(null, null, StoryQuery.Roles.MAIN_ONLY, null, null, null, 10)))
                    .extracting(StoryRecord::id).containsExactly(begun);
            assertThat(store.stories(new StoryQuery(null, null, StoryQuery.Roles.OTHER_ONLY, null, null, null, 10))).isEmpty();

            // the same two items the other way round make the same entry
            long articleFirst = store.insert(article("wafa", "w2", T0), null, "new", 0, null, T0.plusSeconds(3600))
                    .orElseThrow().storyId();
            store.insert(mention("rafidain", "m2", mentioned, org.nashra.text.DatePrecision.NONE), articleFirst, "url", 1,
                    null, mentioned);
            StoryRecord other = store.story(articleFirst).orElseThrow();
            assertThat(other.representative().sourceId()).isEqualTo(story.representative().sourceId());
            assertThat(other.published()).isEqualTo(story.published());
            assertThat(other.updated()).isEqualTo(story.updated());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void queriesFilterByRoleSourceKeyAndPage(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            for (int i = 0; i < 5; i++) {
                store.insert(item("wafa", "m" + i, "خبر رئيسي رقم " + i + " عن الأسد", "نص", Role.MAIN, T0.plusSeconds(i * 60L)),
                        null, "new", 0, null, T0);
            }
            store.insert(item("rafidain", "o1", "خبر من أخبار أخرى", "نص", Role.OTHER, T0), null, "new", 0, null, T0);

            List<StoryRecord> main = store.stories(new StoryQuery(null, null, StoryQuery.Roles.MAIN_ONLY, null, null, null, 10));
            assertThat(main).hasSize(5);
            assertThat(main.get(0).representative().title()).contains("4");
            assertThat(store.stories(new StoryQuery(null, null, StoryQuery.Roles.OTHER_ONLY, null, null, null, 10)))
                    .singleElement().satisfies(s -> assertThat(s.hasMain()).isFalse());
            assertThat(store.stories(new StoryQuery(Set.of("rafidain"), null, null, null, null, null, 10))).hasSize(1);
            assertThat(store.stories(new StoryQuery(null, Set.of("wafa"), null, null, null, null, 10))).hasSize(1);
            // "الاسد" finds "الأسد": the query goes through the matching key
            assertThat(store.stories(new StoryQuery(null, null, null, ArabicText.matchingKey("الاسد"), null, null, 10))).hasSize(5);

            List<StoryRecord> page1 = store.stories(new StoryQuery(null, null, StoryQuery.Roles.MAIN_ONLY, null, null, null, 2));
            StoryRecord last = page1.get(1);
            List<StoryRecord> page2 = store.stories(new StoryQuery(null, null, StoryQuery.Roles.MAIN_ONLY, null, null,
                    last.key(), 2));
            assertThat(page2).hasSize(2);
            assertThat(page2).extracting(StoryRecord::id).doesNotContainAnyElementsOf(page1.stream().map(StoryRecord::id).toList());
        }
    }

    /** What the archives page a long day by: how many, where the n-th is, and the latest change, without reading stories. */
    @ParameterizedTest
    @MethodSource("kinds")
    void countKeyAtAndLastChangedTakeTheQuerysFiltersAndBoundsNotItsLimit(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            java.util.concurrent.atomic.AtomicReference<Instant> clock = new java.util.concurrent.atomic.AtomicReference<>();
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0, clock::get);
            List<StoryKey> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clock.set(T0.plusSeconds(3600 - i * 60L));
                long id = store.insert(item("wafa", "m" + i, "خبر رقم " + i, "نص", Role.MAIN, T0.plusSeconds(i * 60L)),
                        null, "new", 0, null, T0).orElseThrow().storyId();
                keys.add(new StoryKey(T0.plusSeconds(i * 60L), id));
            }
            clock.set(T0.plusSeconds(7200));
            store.insert(item("rafidain", "o1", "خبر من أخبار أخرى", "نص", Role.OTHER, T0), null, "new", 0, null, T0);

            StoryQuery main = new StoryQuery(null, null, StoryQuery.Roles.MAIN_ONLY, null, null, null, 1);
            assertThat(store.count(main)).isEqualTo(5);
            assertThat(store.count(main.withRoles(StoryQuery.Roles.ANY))).isEqualTo(6);
            assertThat(store.count(main.between(T0.plusSeconds(60), StoryKey.startOf(T0.plusSeconds(240)), 1))).isEqualTo(3);
            assertThat(store.count(new StoryQuery(Set.of("nobody"), null, null, null, null, null, 1))).isZero();
            // newest first, as stories() lists them
            assertThat(store.keyAt(main, 0)).contains(keys.get(4));
            assertThat(store.keyAt(main, 3)).contains(keys.get(1));
            assertThat(store.keyAt(main, 5)).isEmpty();
            assertThat(store.keyAt(main.between(null, keys.get(3), 1), 0)).contains(keys.get(2));
            // the earliest story was stored last of the main ones
            assertThat(store.lastChanged(main)).isEqualTo(T0.plusSeconds(3600));
            assertThat(store.lastChanged(main.between(T0.plusSeconds(120), null, 1))).isEqualTo(T0.plusSeconds(3600 - 120));
            assertThat(store.lastChanged(main.withRoles(StoryQuery.Roles.ANY))).isEqualTo(T0.plusSeconds(7200));
            assertThat(store.lastChanged(main.between(T0.plusSeconds(600), null, 1))).isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void pagesFromTheKeyOfAStoryMissNoStoryOfItsMicrosecond(String kind) throws Exception {
        // regression (QA of the demo): undated items take their fetch time, microseconds and all;
        // a bound cut to the millisecond skipped the rest of the fetch
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            Instant fetch = T0.plusNanos(957_321_000);
            for (int i = 0; i < 4; i++) {
                store.insert(item("wafa", "f" + i, "خبر بلا تاريخ " + i, "نص", Role.OTHER, fetch), null, "new", 0, null, fetch);
            }
            store.insert(item("wafa", "ms", "خبر في أول الجزء", "نص", Role.OTHER, T0.plusMillis(957)), null, "new", 0, null, T0);
            store.insert(item("wafa", "late", "خبر بعده", "نص", Role.OTHER, T0.plusMillis(958)), null, "new", 0, null, T0);
            List<StoryRecord> all = store.stories(new StoryQuery(null, null, null, null, null, null, 100));
            assertThat(all).extracting(StoryRecord::published).contains(fetch);

            List<Long> paged = new ArrayList<>();
            StoryKey before = null;
            for (int page = 0; page < 10; page++) {
                List<StoryRecord> one = store.stories(new StoryQuery(null, null, null, null, null, before, 1));
                if (one.isEmpty()) break;
                paged.add(one.get(0).id());
                before = one.get(0).key();
            }
            assertThat(paged).containsExactlyElementsOf(all.stream().map(StoryRecord::id).toList()).hasSize(6);

            // and back up, nearest first, from the oldest
            List<Long> up = new ArrayList<>();
            StoryKey after = all.get(all.size() - 1).key();
            for (List<StoryRecord> one; !(one = store.stories(new StoryQuery(null, null, null, null, null, null, after, 1))).isEmpty(); ) {
                up.add(0, one.get(0).id());
                after = one.get(0).key();
            }
            assertThat(up).containsExactlyElementsOf(paged.subList(0, 5));
            assertThat(store.stories(new StoryQuery(null, null, null, null, null, null, all.get(3).key(), 10)))
                    .as("above a bound, the nearest first").extracting(StoryRecord::id)
                    .containsExactly(all.get(2).id(), all.get(1).id(), all.get(0).id());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retentionRemovesOnlyStoriesUntouchedSinceTheCutoff(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            Instant old = T0.minusSeconds(40L * 86400);
            long oldStory = store.insert(item("wafa", "old", "خبر قديم", "نص", Role.MAIN, old), null, "new", 0, null, old)
                    .orElseThrow().storyId();
            // an old story that gained a member recently stays whole
            long live = store.insert(item("wafa", "live1", "خبر مستمر", "نص", Role.MAIN, old), null, "new", 0, null, old)
                    .orElseThrow().storyId();
            store.insert(item("rafidain", "live2", "خبر مستمر", "نص", Role.MAIN, T0), live, "near", 0.9, null, T0);
            int purged = store.purgeStoriesBefore(T0.minusSeconds(30L * 86400));
            assertThat(purged).isEqualTo(1);
            assertThat(store.story(oldStory)).isEmpty();
            assertThat(store.story(live).orElseThrow().members()).hasSize(2);
            assertThat(store.itemCount()).isEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void retentionRecordsWhenItRemovedWhatEachSourceCarried(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            java.util.concurrent.atomic.AtomicReference<Instant> clock = new java.util.concurrent.atomic.AtomicReference<>(T0);
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0, clock::get);
            Instant day = T0.minusSeconds(40L * 86400);
            store.insert(item("wafa", "w1", "خبر قديم أول", "نص", Role.MAIN, day), null, "new", 0, null, day);
            long shared = store.insert(item("wafa", "w2", "خبر قديم ثان", "نص", Role.MAIN, day.plusSeconds(3600)), null, "new",
                    0, null, day).orElseThrow().storyId();
            store.insert(item("rafidain", "r2", "خبر قديم ثان", "نص", Role.MAIN, day.plusSeconds(3600)), shared, "near", 0.9,
                    null, day);
            assertThat(store.purgedSince(Set.of("wafa", "rafidain"), null)).as("nothing removed yet").isNull();

            Instant first = T0.plusSeconds(60);
            clock.set(first);
            assertThat(store.purgeStoriesBefore(day.plusSeconds(2 * 3600))).isEqualTo(2);
            // per source, as far forward as the newest story it carried that went
            assertThat(store.purgedSince(Set.of("wafa"), null)).isEqualTo(first);
            assertThat(store.purgedSince(Set.of("wafa"), day.plusSeconds(3600))).isEqualTo(first);
            assertThat(store.purgedSince(Set.of("wafa"), day.plusSeconds(3601))).as("reaches no further back").isNull();
            assertThat(store.purgedSince(Set.of("rafidain"), day)).isEqualTo(first);
            assertThat(store.purgedSince(Set.of("nile"), null)).isNull();
            assertThat(store.purgedSince(Set.of(), null)).isNull();

            // a later purge covers the earlier row of the same source
            Instant later = day.plusSeconds(5 * 3600);
            store.insert(item("wafa", "w3", "خبر قديم ثالث", "نص", Role.MAIN, later), null, "new", 0, null, later);
            Instant second = T0.plusSeconds(120);
            clock.set(second);
            assertThat(store.purgeStoriesBefore(later.plusSeconds(60))).isEqualTo(1);
            assertThat(store.purgedSince(Set.of("wafa"), null)).isEqualTo(second);
            assertThat(store.purgedSince(Set.of("rafidain"), null)).as("untouched by wafa's purge").isEqualTo(first);
            try (java.sql.Connection c = h.db().dataSource().getConnection();
                 java.sql.ResultSet rs = c.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM story_purges WHERE source_id = 'wafa'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            // a purge that removes nothing records nothing
            clock.set(T0.plusSeconds(180));
            assertThat(store.purgeStoriesBefore(day)).isZero();
            assertThat(store.purgedSince(Set.of("wafa"), null)).isEqualTo(second);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sourceHealthIsRecordedAndValidatorsKept(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            SourceRepository repo = new SourceRepository(h.db());
            SourceConfig s = SourceConfig.of("wafa", URI.create("https://wafa.example/rss"), SourceType.RSS);
            repo.sync(List.of(s));
            repo.record(new FetchOutcome("wafa", T0, "ok", 200, null, null, 3, 1, 0, null, T0.plusSeconds(900),
                    "\"v1\"", "Sun, 29 Nov 2026 08:00:00 GMT", "abc", null, null));
            repo.record(new FetchOutcome("wafa", T0.plusSeconds(900), "failed", 500, "HTTP_SERVER_ERROR",
                    "HTTP_SERVER_ERROR https://wafa.example/rss: 500", 0, 0, 0, null, T0.plusSeconds(2700),
                    null, null, null, null, null));
            SourceState st = repo.find("wafa").orElseThrow();
            assertThat(st.errorStreak()).isEqualTo(1);
            assertThat(st.etag()).isEqualTo("\"v1\"");
            assertThat(st.lastSuccess()).isEqualTo(T0);
            assertThat(st.lastErrorKind()).isEqualTo("HTTP_SERVER_ERROR");
            assertThat(st.nextDue()).isEqualTo(T0.plusSeconds(2700));

            repo.record(new FetchOutcome("wafa", T0.plusSeconds(3000), "failed", 410, "GONE", "gone", 0, 0, 0, null,
                    T0.plusSeconds(9000), null, null, null, null, "410 Gone"));
            assertThat(repo.find("wafa").orElseThrow().paused()).isTrue();
            assertThat(repo.find("wafa").orElseThrow().errorStreak()).isEqualTo(2);

            // leases: one node at a time; an expired lease can be taken over
            assertThat(repo.claim("wafa", "node-a", T0, java.time.Duration.ofMinutes(15))).isTrue();
            assertThat(repo.claim("wafa", "node-b", T0.plusSeconds(60), java.time.Duration.ofMinutes(15))).isFalse();
            assertThat(repo.claim("wafa", "node-b", T0.plusSeconds(16 * 60), java.time.Duration.ofMinutes(15))).isTrue();
            repo.release("wafa", "node-b");
            assertThat(repo.claim("wafa", "node-a", T0.plusSeconds(17 * 60), java.time.Duration.ofMinutes(15))).isTrue();

            // a changed URL in feeds.yml forgets validators and the pause
            repo.sync(List.of(SourceConfig.of("wafa", URI.create("https://wafa.example/new.rss"), SourceType.RSS)));
            SourceState moved = repo.find("wafa").orElseThrow();
            assertThat(moved.etag()).isNull();
            assertThat(moved.paused()).isFalse();
            assertThat(moved.fetchUrl()).isEqualTo("https://wafa.example/new.rss");
        }
    }
}

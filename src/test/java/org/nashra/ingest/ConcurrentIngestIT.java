package org.nashra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.config.DedupSettings;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.store.IngestLock;
import org.nashra.store.JdbcStoryIndex;
import org.nashra.store.StoryQuery;
import org.nashra.store.StoryRecord;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.NormalizedItem;

/**
 * Two nodes (two ingestors, each with its own in-process lock, sharing only the database)
 * receive the same stories at the same moment from two outlets: each story must come out once.
 */
class ConcurrentIngestIT {
    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    static final String[] TOPICS = {"الكهرباء", "النفط", "المياه", "التربية", "الصحة", "النقل", "الزراعة", "التجارة"};

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static NormalizedItem copy(String source, int story, String titleVariant) {
        String topic = TOPICS[story % TOPICS.length];
        String body = "أعلنت وزارة " + topic + " اليوم الأحد عن خطة جديدة رقم " + (story + 17) + " تشمل المحافظات كافة، "
                + "وقال المتحدث باسم الوزارة إن الخطة تتضمن مشاريع لتحسين الخدمات المقدمة للمواطنين خلال العام المقبل "
                + "وإن التنفيذ سيبدأ مطلع الشهر القادم بالتنسيق مع الحكومات المحلية في " + (story + 3) + " محافظات.";
        RawItem raw = new RawItem(source, "https://" + source + ".example/n/" + story, source + "-" + story,
                titleVariant + " وزارة " + topic + " تعلن خطتها رقم " + (story + 17), "<p>" + body + "</p>", body, null,
                T0.plusSeconds(story * 60L), null, null, null, List.of(), Role.MAIN, null);
        return new ItemNormalizer().normalize(raw, java.time.ZoneOffset.UTC, T0.plusSeconds(3600));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void sameStoryFromTwoSourcesOnTwoNodesMakesOneStory(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            Ingestor nodeA = node(h);
            Ingestor nodeB = node(h);
            int stories = 12;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Ingestor.Result>> results = new ArrayList<>();
            for (int i = 0; i < stories; i++) {
                CyclicBarrier together = new CyclicBarrier(2);
                NormalizedItem a = copy("rafidain", i, "عاجل:");
                NormalizedItem b = copy("dijla", i, "");
                results.add(pool.submit(() -> {
                    together.await();
                    return nodeA.ingest(a, T0.plusSeconds(3600));
                }));
                results.add(pool.submit(() -> {
                    together.await();
                    return nodeB.ingest(b, T0.plusSeconds(3600));
                }));
            }
            for (Future<Ingestor.Result> f : results) assertThat(f.get().outcome()).isEqualTo(Ingestor.Outcome.NEW);
            pool.shutdown();

            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            List<StoryRecord> all = store.stories(new StoryQuery(null, null, null, null, null, null, 100));
            assertThat(all).hasSize(stories);
            for (StoryRecord s : all) {
                Set<String> outlets = new HashSet<>();
                s.members().forEach(m -> outlets.add(m.sourceId()));
                assertThat(outlets).as("story %d", s.id()).containsExactlyInAnyOrder("rafidain", "dijla");
            }
        }
    }

    private static Ingestor node(TestDatabases.Handle h) {
        StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
        JdbcStoryIndex index = new JdbcStoryIndex(h.db().dataSource(), DedupSettings.DEFAULT.window());
        return new Ingestor(store, Assigners.dedup(index, DedupSettings.DEFAULT), new IngestLock(h.db(), true));
    }
}

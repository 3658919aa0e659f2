package org.nashra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.store.BoilerplateStore;
import org.nashra.store.TestDatabases;

class BoilerplateMemoryTest {
    private static final String CHROME = "للاشتراك في خدمة الأخبار العاجلة أرسل كلمة نشرة إلى الرقم 4040";

    @Test
    void aSourcesLearningIsSavedWhenItSawNewPagesOnlyAndRestoredAtStart() throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open("h2")) {
            BoilerplateStore store = new BoilerplateStore(h.db());
            BoilerplateMemory memory = BoilerplateMemory.load(store);
            for (int i = 0; i < 4; i++) memory.learner().observe("masalla", "feed-item:" + i, List.of("خبر " + i, CHROME));
            memory.save("masalla", Instant.parse("2026-11-30T00:00:00Z"));
            String saved = store.loadAll().get("masalla");
            assertThat(saved).contains("4040");

            // a pass that saw no new page leaves the row alone (a marker stands in to show it)
            store.save("masalla", "{}", Instant.parse("2026-11-30T00:01:00Z"));
            memory.save("masalla", Instant.parse("2026-11-30T00:02:00Z"));
            assertThat(store.loadAll().get("masalla")).isEqualTo("{}");
            memory.learner().observe("masalla", "feed-item:9", List.of("خبر 9", CHROME));
            memory.save("masalla", Instant.parse("2026-11-30T00:03:00Z"));
            assertThat(store.loadAll().get("masalla")).contains("4040");
            // a source nothing was learned about writes nothing
            memory.save("quiet", Instant.parse("2026-11-30T00:03:00Z"));
            assertThat(store.loadAll()).doesNotContainKey("quiet");

            BoilerplateMemory restarted = BoilerplateMemory.load(store);
            assertThat(restarted.learner().isBoilerplate("masalla", CHROME)).isTrue();
            assertThat(restarted.learner().isBoilerplate("masalla", "خبر 1")).isFalse();
        }
    }
}

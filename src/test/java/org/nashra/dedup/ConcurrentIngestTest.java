package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/** Two sources carrying one story, ingested in parallel through the decide-then-add protocol. */
class ConcurrentIngestTest {

    @Test
    void twoThreadsIngestingOneStoryMakeOneStory() throws Exception {
        NormalizedItem wire = item("spa", "https://spa.example/1", "افتتاح مستشفى جديد للأطفال في الدمام",
                DeduplicatorTest.HOSPITAL, T0);
        NormalizedItem copy = item("okaz", "https://okaz.example/1", "الصحة تفتتح مستشفى للأطفال بالدمام",
                "الدمام - واس: " + DeduplicatorTest.HOSPITAL, T0.plusSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 200; round++) {
                Clusterer clusterer = new Clusterer(DedupSettings.DEFAULT);
                CountDownLatch start = new CountDownLatch(1);
                Future<Clusterer.Assignment> a = pool.submit(() -> { start.await(); return clusterer.ingest(wire); });
                Future<Clusterer.Assignment> b = pool.submit(() -> { start.await(); return clusterer.ingest(copy); });
                start.countDown();
                assertThat(a.get().storyId()).as("round %d", round).isEqualTo(b.get().storyId());
                assertThat(a.get().itemId()).isNotEqualTo(b.get().itemId());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}

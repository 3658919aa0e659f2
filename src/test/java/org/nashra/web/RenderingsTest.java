package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cached renderings are served only while the stories and their feed's definition are as when they were begun. */
class RenderingsTest {
    @Test
    void aRenderingBegunBeforeAChangeAndPutAfterItIsNotServed() {
        Renderings r = new Renderings(10, 1 << 20);
        Renderings.Stamp begun = r.stamp("all");
        r.storiesChanged(); // the store changed while it was being made
        r.put("all", "atom", begun, "old bytes", 9);
        assertThat(r.get("all", "atom", String.class)).isNull();

        Renderings.Stamp now = r.stamp("all");
        r.put("all", "atom", now, "new bytes", 9);
        assertThat(r.get("all", "atom", String.class)).isEqualTo("new bytes");
    }

    @Test
    void aRedefinedFeedLosesItsRenderingsAndTheOthersKeepTheirs() {
        Renderings r = new Renderings(10, 1 << 20);
        r.put("all", "atom", r.stamp("all"), "all", 3);
        r.put("iraq", "atom", r.stamp("iraq"), "iraq", 4);
        Renderings.Stamp begun = r.stamp("iraq");
        r.feedRedefined("iraq");
        r.put("iraq", "rss", begun, "made from the old definition", 28);
        assertThat(r.get("iraq", "atom", String.class)).isNull();
        assertThat(r.get("iraq", "rss", String.class)).isNull();
        assertThat(r.get("all", "atom", String.class)).isEqualTo("all");
    }

    @Test
    void beyondItsCountTheLeastRecentlyServedGoesFirst() {
        Renderings r = new Renderings(2, 1 << 20);
        r.put("all", "a", r.stamp("all"), "a", 1);
        r.put("all", "b", r.stamp("all"), "b", 1);
        assertThat(r.get("all", "a", String.class)).isEqualTo("a");
        r.put("all", "c", r.stamp("all"), "c", 1);
        assertThat(r.get("all", "b", String.class)).isNull();
        assertThat(r.get("all", "a", String.class)).isEqualTo("a");
        assertThat(r.get("all", "c", String.class)).isEqualTo("c");
    }

    /** QA: archives of 1,000 entries in three formats, each with a gzip copy, kept by count alone could fill the heap. */
    @Test
    void beyondItsBytesTheLeastRecentlyServedGoUntilTheRestFits() {
        Renderings r = new Renderings(100, 1000);
        r.put("all", "atom", r.stamp("all"), "the current feed", 300);
        for (int day = 1; day <= 5; day++) {
            r.put("all", "archive|" + day, r.stamp("all"), "day " + day, 300);
            assertThat(r.get("all", "atom", String.class)).as("the feed asked for between the archives").isNotNull();
        }
        assertThat(r.bytes()).isLessThanOrEqualTo(1000);
        assertThat(r.get("all", "archive|5", String.class)).isEqualTo("day 5");
        assertThat(r.get("all", "archive|1", String.class)).isNull();
    }

    @Test
    void oneRenderingLargerThanTheWholeBudgetIsNotKeptAndDropsNothing() {
        Renderings r = new Renderings(100, 1000);
        r.put("all", "atom", r.stamp("all"), "small", 10);
        r.put("all", "archive", r.stamp("all"), "huge", 5000);
        assertThat(r.get("all", "archive", String.class)).isNull();
        assertThat(r.get("all", "atom", String.class)).isEqualTo("small");
        assertThat(r.bytes()).isEqualTo(10);
    }

    @Test
    void aChangeOrARedefinitionFreesWhatItDrops() {
        Renderings r = new Renderings(100, 1000);
        r.put("all", "atom", r.stamp("all"), "all", 100);
        r.put("iraq", "atom", r.stamp("iraq"), "iraq", 200);
        r.feedRedefined("iraq");
        assertThat(r.bytes()).isEqualTo(100);
        r.storiesChanged();
        assertThat(r.bytes()).isZero();
    }
}

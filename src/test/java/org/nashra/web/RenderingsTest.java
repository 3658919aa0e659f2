package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cached renderings are served only while the stories and their feed's definition are as when they were begun. */
class RenderingsTest {
    @Test
    void aRenderingBegunBeforeAChangeAndPutAfterItIsNotServed() {
        Renderings r = new Renderings(10);
        Renderings.Stamp begun = r.stamp("all");
        r.storiesChanged(); // the store changed while it was being made
        r.put("all", "atom", begun, "old bytes");
        assertThat(r.get("all", "atom", String.class)).isNull();

        Renderings.Stamp now = r.stamp("all");
        r.put("all", "atom", now, "new bytes");
        assertThat(r.get("all", "atom", String.class)).isEqualTo("new bytes");
    }

    @Test
    void aRedefinedFeedLosesItsRenderingsAndTheOthersKeepTheirs() {
        Renderings r = new Renderings(10);
        r.put("all", "atom", r.stamp("all"), "all");
        r.put("iraq", "atom", r.stamp("iraq"), "iraq");
        Renderings.Stamp begun = r.stamp("iraq");
        r.feedRedefined("iraq");
        r.put("iraq", "rss", begun, "made from the old definition");
        assertThat(r.get("iraq", "atom", String.class)).isNull();
        assertThat(r.get("iraq", "rss", String.class)).isNull();
        assertThat(r.get("all", "atom", String.class)).isEqualTo("all");
    }

    @Test
    void beyondItsSizeEverythingIsDroppedAndMadeAgain() {
        Renderings r = new Renderings(2);
        r.put("all", "a", r.stamp("all"), "a");
        r.put("all", "b", r.stamp("all"), "b");
        r.put("all", "c", r.stamp("all"), "c");
        assertThat(r.get("all", "a", String.class)).isNull();
        assertThat(r.get("all", "c", String.class)).isEqualTo("c");
    }
}

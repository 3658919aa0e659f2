package org.nashra.dedup;

import java.util.concurrent.atomic.AtomicLong;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/** An in-memory story index with a deduplicator over it, filing each item as the service does. */
final class TestStories {
    final InMemoryStoryIndex index = new InMemoryStoryIndex();
    final Deduplicator dedup;
    private final AtomicLong ids = new AtomicLong();

    TestStories(DedupSettings settings) {
        this.dedup = new Deduplicator(index, settings);
    }

    /** The ingest protocol: decide, start a story when needed, store, add. */
    MatchDecision ingest(NormalizedItem item) {
        MatchDecision d = dedup.decide(item);
        long story = d.storyId() != null ? d.storyId() : 1000 + ids.get();
        index.add(ids.incrementAndGet(), story, item, d.fingerprint());
        return d.storyId() != null ? d : new MatchDecision(story, d.rule(), d.score(), d.explanation(), d.fingerprint());
    }
}

package org.nashra.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * Batch clustering, over an in-memory index unless given another, through the same {@link
 * Deduplicator} and the same decide-create-store-add protocol the service runs. Thread-safe:
 * {@link #ingest} holds one lock across decide and add, as the service's ingest does.
 */
public final class Clusterer {
    /** Where one item went. */
    public record Assignment(long itemId, long storyId, MatchDecision decision) {}

    private final StoryIndex index;
    private final Deduplicator deduplicator;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextItemId = 1;
    private long nextStoryId = 1;

    public Clusterer(DedupSettings settings) {
        this(new InMemoryStoryIndex(), settings);
    }

    /** Over {@code index}, which must start empty: item and story ids are numbered from 1. */
    public Clusterer(StoryIndex index, DedupSettings settings) {
        this.index = index;
        this.deduplicator = new Deduplicator(index, settings);
    }

    public Assignment ingest(NormalizedItem item) {
        lock.lock();
        try {
            MatchDecision d = deduplicator.decide(item);
            long storyId = d.storyId() != null ? d.storyId() : nextStoryId++;
            long itemId = nextItemId++;
            index.add(itemId, storyId, item, d.fingerprint());
            return new Assignment(itemId, storyId, d);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Clusters a batch in publication order (input order among equal times).
     *
     * @param items with distinct ids
     * @param fallbackPublished the time of items without one
     * @return story id per item id, in input order
     */
    public static Map<String, Long> cluster(List<BatchItem> items, DedupSettings settings, Instant fallbackPublished) {
        return cluster(items, new Clusterer(settings), fallbackPublished);
    }

    /** As {@link #cluster(List, DedupSettings, Instant)}, through {@code clusterer}. */
    public static Map<String, Long> cluster(List<BatchItem> items, Clusterer clusterer, Instant fallbackPublished) {
        List<Integer> order = new ArrayList<>();
        List<NormalizedItem> normalized = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
            normalized.add(items.get(i).normalize(fallbackPublished));
        }
        order.sort(Comparator.comparing((Integer i) -> normalized.get(i).published()).thenComparingInt(i -> i));
        Long[] story = new Long[items.size()];
        for (int i : order) story[i] = clusterer.ingest(normalized.get(i)).storyId();
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).id();
            // the result is keyed by id: a repeated id would drop an item from it without a word
            if (out.put(id, story[i]) != null) {
                throw new IllegalArgumentException("item id '" + id + "' occurs more than once in the batch (again as item " + (i + 1) + ")");
            }
        }
        return out;
    }
}

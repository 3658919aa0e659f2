package org.nashra.ingest;

import java.time.Instant;
import java.util.Optional;
import org.nashra.store.IngestLock;
import org.nashra.store.StoryStore;
import java.nio.charset.StandardCharsets;
import org.nashra.fetch.Body;
import org.nashra.text.NormalizedItem;

/**
 * Stores normalized items into stories. Deciding a story and storing the item happen under one
 * lock so that two sources carrying the same story at the same moment make one story, not two.
 */
public final class Ingestor {
    public enum Outcome { NEW, DUPLICATE, REJECTED }

    public record Result(Outcome outcome, Long itemId, Long storyId, String reason) {}

    private final StoryStore store;
    private final StoryAssigner assigner;
    private final IngestLock lock;

    public Ingestor(StoryStore store, StoryAssigner assigner, IngestLock lock) {
        this.store = store;
        this.assigner = assigner;
        this.lock = lock;
    }

    public Result ingest(NormalizedItem item, Instant fetchedAt) {
        String reason = rejection(item);
        if (reason != null) return new Result(Outcome.REJECTED, null, null, reason);
        if (store.contains(item.raw().sourceId(), StoryStore.identity(item))) {
            return new Result(Outcome.DUPLICATE, null, null, "already stored");
        }
        try (IngestLock.Held held = lock.acquire()) {
            Assignment a = assigner.assign(item);
            Optional<StoryStore.Stored> stored = store.insert(item, a.storyId(), a.rule(), a.score(),
                    bodyHash(item), fetchedAt, (c, itemId, storyId) -> assigner.stored(c, itemId, storyId, item, a));
            if (stored.isEmpty()) return new Result(Outcome.DUPLICATE, null, null, "already stored");
            return new Result(Outcome.NEW, stored.get().itemId(), stored.get().storyId(), a.rule());
        }
    }

    /** Whether the source already stored an item with this guid (or URL, for items without one). */
    public boolean alreadyStored(String sourceId, String guid) {
        return store.contains(sourceId, guid);
    }

    /** How many items the source has stored over all its passes (what retention left). */
    public long storedCount(String sourceId) {
        return store.itemCount(sourceId);
    }

    /** Why an item cannot be stored, or null. */
    static String rejection(NormalizedItem item) {
        if (item.title().isBlank() && item.text().isBlank()) return "no title and no text";
        String url = item.raw().url();
        if (!(url.startsWith("http://") || url.startsWith("https://"))) return "link is not http(s): " + url;
        return null;
    }

    /** Hash of the body's matching key: the same text in another outlet's markup hashes alike. */
    static String bodyHash(NormalizedItem item) {
        String key = item.textKey();
        if (key.length() < 200) return null; // short bodies are not distinctive enough to merge on
        return new Body(key.getBytes(StandardCharsets.UTF_8)).sha256();
    }
}

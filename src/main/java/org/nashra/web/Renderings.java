package org.nashra.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cached renderings of the published feeds (bytes, entries, API pages), each served while what
 * it was made from is as it was: the stored stories, and its feed's definition in feeds.yml. Each
 * has a generation, moved on every change; a rendering is kept with the generations read before
 * it was made, and served only while both are still current. So a rendering begun before a change
 * and put after it is never served, however the threads interleave (dropping the map alone let
 * one slip in between the check and the put).
 */
final class Renderings {
    /** What a rendering was made under: the stories' generation and its feed definition's. */
    record Stamp(long stories, long definition) {}

    private record Kept(Stamp stamp, Object value) {}

    private final int max;
    private final AtomicLong stories = new AtomicLong();
    private final Map<String, Long> definitions = new ConcurrentHashMap<>();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** @param max how many renderings are kept at most; all are dropped when it is reached */
    Renderings(int max) {
        this.max = max;
    }

    /** The generations now: read before reading the store for a rendering, kept with it. */
    Stamp stamp(String feedId) {
        return new Stamp(stories.get(), definitions.getOrDefault(feedId, 0L));
    }

    /**
     * The rendering kept under {@code key} of feed {@code feedId}, or null when there is none made
     * under the current generations.
     */
    <T> T get(String feedId, String key, Class<T> type) {
        Kept k = kept.get(feedId + "|" + key);
        return k != null && k.stamp().equals(stamp(feedId)) ? type.cast(k.value()) : null;
    }

    void put(String feedId, String key, Stamp stamp, Object value) {
        if (kept.size() >= max) kept.clear();
        kept.put(feedId + "|" + key, new Kept(stamp, value));
    }

    /** The stories changed: no rendering made before is served again. */
    void storiesChanged() {
        stories.incrementAndGet();
        kept.clear();
    }

    /** A feed's definition changed: none of its renderings made before is served again. */
    void feedRedefined(String feedId) {
        definitions.merge(feedId, 1L, Long::sum);
        String prefix = feedId + "|"; // ids cannot hold '|'
        kept.keySet().removeIf(k -> k.startsWith(prefix));
    }
}

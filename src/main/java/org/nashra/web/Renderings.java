package org.nashra.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
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
 *
 * <p>What is kept is bounded by count and by an estimate of its bytes; beyond either, the least
 * recently served go first. A crawler walking a year of day archives (each up to 1,000 entries, in
 * three formats, each with its gzip copy) would otherwise fill the heap, and the current feeds,
 * asked for every minute, stay while the archives it walked go.
 */
final class Renderings {
    /** What a rendering was made under: the stories' generation and its feed definition's. */
    record Stamp(long stories, long definition) {}

    private record Kept(Stamp stamp, Object value, long bytes) {}

    private final int max;
    private final long maxBytes;
    private final AtomicLong stories = new AtomicLong();
    private final Map<String, Long> definitions = new ConcurrentHashMap<>();
    /** In the order last served, eldest first; guarded by this. */
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(64, 0.75f, true);
    private long keptBytes;

    /**
     * @param max      how many renderings are kept at most
     * @param maxBytes how many bytes they may hold at most, by {@link #put}'s estimates
     */
    Renderings(int max, long maxBytes) {
        if (max < 1 || maxBytes < 1) throw new IllegalArgumentException("renderings cache needs room: " + max + ", " + maxBytes + " bytes");
        this.max = max;
        this.maxBytes = maxBytes;
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
        Stamp now = stamp(feedId);
        Kept k;
        synchronized (this) {
            k = kept.get(feedId + "|" + key);
        }
        return k != null && k.stamp().equals(now) ? type.cast(k.value()) : null;
    }

    /** @param bytes what {@code value} holds, estimated; one larger than the whole budget is not kept */
    synchronized void put(String feedId, String key, Stamp stamp, Object value, long bytes) {
        String k = feedId + "|" + key;
        forget(kept.remove(k));
        if (bytes > maxBytes) return;
        kept.put(k, new Kept(stamp, value, bytes));
        keptBytes += bytes;
        Iterator<Kept> eldest = kept.values().iterator();
        while ((kept.size() > max || keptBytes > maxBytes) && eldest.hasNext()) {
            keptBytes -= eldest.next().bytes();
            eldest.remove();
        }
    }

    /** How many bytes the kept renderings hold, by their estimates. */
    synchronized long bytes() {
        return keptBytes;
    }

    /** The stories changed: no rendering made before is served again. */
    void storiesChanged() {
        stories.incrementAndGet();
        synchronized (this) {
            kept.clear();
            keptBytes = 0;
        }
    }

    /** A feed's definition changed: none of its renderings made before is served again. */
    void feedRedefined(String feedId) {
        definitions.merge(feedId, 1L, Long::sum);
        String prefix = feedId + "|"; // ids cannot hold '|'
        synchronized (this) {
            Iterator<Map.Entry<String, Kept>> it = kept.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, Kept> e = it.next();
                if (e.getKey().startsWith(prefix)) {
                    keptBytes -= e.getValue().bytes();
                    it.remove();
                }
            }
        }
    }

    private void forget(Kept k) {
        if (k != null) keptBytes -= k.bytes();
    }
}

package org.nashra.extract;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.nashra.text.ArabicText;

/**
 * Learns an outlet's boilerplate: a line that recurs on many distinct pages of one source (at
 * least {@code minPages} and at least {@code minFraction} of the pages seen) is chrome, not news.
 * In memory and thread-safe; {@link #export()} and {@link #restore(Snapshot)} let the caller
 * persist what was learned.
 */
public final class BoilerplateLearner {
    /** Lines longer than this are article text, never repeated chrome worth tracking. */
    static final int MAX_LINE_CHARS = 300;
    // Bounds on what one source keeps, in memory and in its saved snapshot: every feed source has
    // one now. A thousand sources at both bounds measured 216 MB of heap (80-char Arabic lines).
    // Lines seen once are dropped when the bound is passed; chrome recurs and keeps its count. The
    // page keys only stop a page or feed item still listed from being counted twice.
    private static final int MAX_LINES_PER_SOURCE = 2_000;
    private static final int MAX_PAGES_REMEMBERED = 500;

    private final int minPages;
    private final double minFraction;
    private final Map<String, SourceState> sources = new ConcurrentHashMap<>();

    public BoilerplateLearner() {
        this(3, 0.3);
    }

    public BoilerplateLearner(int minPages, double minFraction) {
        if (minPages < 2) throw new IllegalArgumentException("minPages must be >= 2, was " + minPages);
        if (minFraction <= 0 || minFraction > 1) {
            throw new IllegalArgumentException("minFraction must be in (0, 1], was " + minFraction);
        }
        this.minPages = minPages;
        this.minFraction = minFraction;
    }

    /** Records the lines of one page; a page already seen (same key) is not counted again. */
    public void observe(String sourceId, String pageKey, Collection<String> lines) {
        SourceState s = sources.computeIfAbsent(sourceId, k -> new SourceState());
        synchronized (s) {
            if (!s.pageKeys.add(pageKey)) return;
            if (s.pageKeys.size() > MAX_PAGES_REMEMBERED) s.pageKeys.remove(s.pageKeys.iterator().next());
            s.pages++;
            Set<String> distinct = new HashSet<>();
            for (String line : lines) {
                if (line.length() <= MAX_LINE_CHARS) {
                    String key = key(line);
                    if (!key.isEmpty()) distinct.add(key);
                }
            }
            for (String key : distinct) s.counts.merge(key, 1, Integer::sum);
            if (s.counts.size() > MAX_LINES_PER_SOURCE) s.counts.values().removeIf(c -> c <= 1);
        }
    }

    /** Whether the line has been seen often enough on this source's pages to count as boilerplate. */
    public boolean isBoilerplate(String sourceId, String line) {
        SourceState s = sources.get(sourceId);
        if (s == null || line.length() > MAX_LINE_CHARS) return false;
        synchronized (s) {
            Integer c = s.counts.get(key(line));
            return c != null && c >= minPages && c >= minFraction * s.pages;
        }
    }

    /** Pages observed for the source so far. */
    public int pagesSeen(String sourceId) {
        SourceState s = sources.get(sourceId);
        if (s == null) return 0;
        synchronized (s) {
            return s.pages;
        }
    }

    /**
     * A copy of what was learned about one source, or null when nothing was; for persisting after
     * that source's pass without copying every other source's state.
     */
    public SourceSnapshot export(String sourceId) {
        SourceState s = sources.get(sourceId);
        if (s == null) return null;
        synchronized (s) {
            return new SourceSnapshot(s.pages, List.copyOf(s.pageKeys), Map.copyOf(s.counts));
        }
    }

    /** A copy of what was learned, for persisting (serialises with Jackson). */
    public Snapshot export() {
        Map<String, SourceSnapshot> out = new HashMap<>();
        sources.forEach((id, s) -> {
            synchronized (s) {
                out.put(id, new SourceSnapshot(s.pages, List.copyOf(s.pageKeys), Map.copyOf(s.counts)));
            }
        });
        return new Snapshot(out);
    }

    /** Replaces what is known about the snapshot's sources with the snapshot. */
    public void restore(Snapshot snapshot) {
        snapshot.sources().forEach((id, snap) -> {
            SourceState s = new SourceState();
            s.pages = snap.pages();
            s.pageKeys.addAll(snap.pageKeys());
            s.counts.putAll(snap.lineCounts());
            sources.put(id, s);
        });
    }

    /** Lines compare by their matching key, so diacritics and spacing variants count as one. */
    static String key(String line) {
        return ArabicText.matchingKey(line);
    }

    /** What was learned, per source id. */
    public record Snapshot(Map<String, SourceSnapshot> sources) {
        public Snapshot {
            sources = Map.copyOf(sources);
        }
    }

    /** One source: pages counted, the keys of pages seen, and on how many pages each line appeared. */
    public record SourceSnapshot(int pages, List<String> pageKeys, Map<String, Integer> lineCounts) {
        public SourceSnapshot {
            pageKeys = List.copyOf(pageKeys);
            lineCounts = Map.copyOf(lineCounts);
        }
    }

    private static final class SourceState {
        int pages;
        final Set<String> pageKeys = new LinkedHashSet<>();
        final Map<String, Integer> counts = new HashMap<>();
    }
}

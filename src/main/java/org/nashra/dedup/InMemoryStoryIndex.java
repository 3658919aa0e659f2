package org.nashra.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.nashra.text.NormalizedItem;

/** A {@link StoryIndex} in memory, for batch clustering, evaluation and tests. Thread-safe. */
public final class InMemoryStoryIndex implements StoryIndex {
    private static final Comparator<Candidate> EARLIEST_FIRST =
            Comparator.comparing(Candidate::published).thenComparingLong(Candidate::itemId);

    private final Map<Long, List<Candidate>> byKey = new HashMap<>();
    private final Map<Long, List<Candidate>> byStory = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    @Override
    public List<Candidate> candidates(NormalizedItem item, Fingerprint fp, Instant from, Instant to) {
        lock.readLock().lock();
        try {
            Map<Long, Candidate> found = new LinkedHashMap<>();
            for (long key : fp.lookupKeys()) {
                for (Candidate c : byKey.getOrDefault(key, List.of())) {
                    if (!c.published().isBefore(from) && !c.published().isAfter(to)) found.putIfAbsent(c.itemId(), c);
                }
            }
            return List.copyOf(found.values());
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public List<Candidate> members(long storyId, Instant from, Instant to, int limit) {
        lock.readLock().lock();
        try {
            List<Candidate> out = new ArrayList<>();
            for (Candidate c : byStory.getOrDefault(storyId, List.of())) {
                if (out.size() >= limit) break;
                if (!c.published().isBefore(from) && !c.published().isAfter(to)) out.add(c);
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void add(long itemId, long storyId, NormalizedItem item, Fingerprint fp) {
        Candidate c = new Candidate(itemId, storyId, item.raw().sourceId(), item.raw().role(), item.agency(),
                item.published(), Fingerprint.stored(fp.shingles(), fp.titleTokens(), fp.words(), fp.numbers(), fp.titleOnly(),
                        fp.urlHash(), fp.bodyHash(), fp.titleHash()));
        lock.writeLock().lock();
        try {
            for (long key : fp.storeKeys()) byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
            List<Candidate> members = byStory.computeIfAbsent(storyId, k -> new ArrayList<>());
            members.add(c);
            members.sort(EARLIEST_FIRST);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Number of items added. */
    public int size() {
        lock.readLock().lock();
        try {
            return byStory.values().stream().mapToInt(List::size).sum();
        } finally {
            lock.readLock().unlock();
        }
    }
}

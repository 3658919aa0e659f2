package org.nashra.dedup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candidates filed under their lookup keys: a multimap from 64-bit key to candidate, in two
 * primitive arrays with open addressing, so that tens of keys for each of a window's tens of
 * thousands of items cost about a dozen bytes each rather than a boxed map entry. Not
 * thread-safe: its owner locks.
 */
public final class KeyedCandidates {
    private static final long EMPTY = 0L;
    private static final Comparator<Candidate> EARLIEST_FIRST =
            Comparator.comparing(Candidate::published).thenComparingLong(Candidate::itemId);

    private final List<Candidate> items = new ArrayList<>();
    private final Set<Long> ids = new HashSet<>();
    private final Map<Long, List<Candidate>> byStory = new HashMap<>();
    private long[] keys = new long[1024];
    private int[] slots = new int[1024];
    private int used;
    /** By slot, the number of the last lookup that found the item. */
    private int[] seenBy = new int[64];

    /** Files {@code c} under {@code storeKeys}; false (and nothing filed) when its item is already here. */
    public boolean add(Candidate c, long[] storeKeys) {
        if (!ids.add(c.itemId())) return false;
        int slot = items.size();
        items.add(c);
        if (slot == seenBy.length) seenBy = Arrays.copyOf(seenBy, slot * 2);
        byStory.computeIfAbsent(c.storyId(), k -> new ArrayList<>(2)).add(c);
        for (long key : storeKeys) {
            if (key == EMPTY) continue; // the empty marker; keys are hashes, so this is one chance in 2^64
            if ((used + 1) * 4L > keys.length * 3L) grow();
            put(keys, slots, key, slot);
            used++;
        }
        return true;
    }

    /**
     * Adds to {@code out} the candidates filed under {@code key} published within {@code [from, to]}
     * that no call with the same {@code lookup} number added before, until {@code out} holds
     * {@code limit}. One lookup number a lookup, new each time: an item found under several of an
     * item's keys is added once, without a set of ids to ask.
     */
    public void collect(long key, Instant from, Instant to, List<Candidate> out, int limit, int lookup) {
        if (key == EMPTY) return;
        int mask = keys.length - 1;
        for (int i = index(key, mask); keys[i] != EMPTY && out.size() < limit; i = (i + 1) & mask) {
            if (keys[i] != key) continue;
            int slot = slots[i];
            if (seenBy[slot] == lookup) continue;
            seenBy[slot] = lookup;
            Candidate c = items.get(slot);
            if (!c.published().isBefore(from) && !c.published().isAfter(to)) out.add(c);
        }
    }

    /** Adds to {@code out} the members of {@code storyId} filed here and published within {@code [from, to]}. */
    public void members(long storyId, Instant from, Instant to, List<Candidate> out) {
        for (Candidate c : byStory.getOrDefault(storyId, List.of())) {
            if (!c.published().isBefore(from) && !c.published().isAfter(to)) out.add(c);
        }
    }

    /** The earliest {@code limit} of {@code members}, earliest first (ties by item id), as {@link StoryIndex#members} gives them. */
    public static List<Candidate> earliest(List<Candidate> members, int limit) {
        List<Candidate> sorted = new ArrayList<>(members);
        sorted.sort(EARLIEST_FIRST);
        return List.copyOf(sorted.size() <= limit ? sorted : sorted.subList(0, limit));
    }

    public int size() {
        return items.size();
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldSlots = slots;
        keys = new long[oldKeys.length * 2];
        slots = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) put(keys, slots, oldKeys[i], oldSlots[i]);
        }
    }

    /** Linear probing; a key filed for several items takes several slots of one run. */
    private static void put(long[] keys, int[] slots, long key, int slot) {
        int mask = keys.length - 1;
        int i = index(key, mask);
        while (keys[i] != EMPTY) i = (i + 1) & mask;
        keys[i] = key;
        slots[i] = slot;
    }

    private static int index(long key, int mask) {
        return (int) (Hashing.mix64(key) & mask);
    }
}

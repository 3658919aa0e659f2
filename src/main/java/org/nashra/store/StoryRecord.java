package org.nashra.store;

import java.time.Instant;
import java.util.List;

/**
 * A story with its members, representative first.
 *
 * @param updated   the entry's updated time: its publication, moved when a member joins
 * @param changed   when the store last changed it (created, or gained a member), by the store's
 *                  clock: what a published feed's Last-Modified is made of
 * @param published its first publication: the earliest of its members'
 */
public record StoryRecord(long id, String tag, Instant created, Instant updated, Instant changed, Instant published,
                          boolean hasMain, List<StoredItem> members) {
    public StoryRecord {
        members = List.copyOf(members);
        if (members.isEmpty()) throw new IllegalArgumentException("story " + id + " has no members");
    }

    /** Its place in a feed. */
    public StoryKey key() {
        return new StoryKey(published, id);
    }

    public StoredItem representative() {
        return members.get(0);
    }
}

package org.nashra.store;

import java.time.Instant;
import java.util.List;

/** A story with its members, representative first. */
public record StoryRecord(long id, String tag, Instant created, Instant updated, Instant published,
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

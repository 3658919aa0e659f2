package org.nashra.dedup;

import java.time.Instant;
import java.util.Objects;
import org.nashra.extract.Role;

/**
 * A stored item as the index returns it: enough to verify a match without loading the item.
 *
 * @param agency the wire agency credited in the item, or null
 */
public record Candidate(long itemId, long storyId, String sourceId, Role role, String agency,
                        Instant published, Fingerprint fingerprint) {
    public Candidate {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(fingerprint, "fingerprint");
        role = role == null ? Role.MAIN : role;
    }
}

package org.nashra.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import org.nashra.text.NormalizedItem;

/** The dedup stage as ingestion sees it: decide, then learn of the stored item. */
public interface StoryAssigner {
    Assignment assign(NormalizedItem item);

    /** Called inside the transaction that stores the item, so both commit or neither does. */
    void stored(Connection c, long itemId, long storyId, NormalizedItem item, Assignment assignment) throws SQLException;
}

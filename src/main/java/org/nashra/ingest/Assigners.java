package org.nashra.ingest;

/** Factory for the story assigners ingestion can run with. */
public final class Assigners {
    private Assigners() {}

    /** Every item its own story; exact (source, guid) duplicates are still caught by the store. */
    public static StoryAssigner exactOnly() {
        return new ExactAssigner();
    }
}

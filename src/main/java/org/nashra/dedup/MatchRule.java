package org.nashra.dedup;

import java.util.Locale;

/** Why two items are copies of one story, strongest first. */
public enum MatchRule {
    /** Same canonical URL (another source, or the same page under two categories). */
    URL,
    /** Same normalized body. */
    BODY,
    /** One outlet's "other news" item seen again on another of its pages. */
    OTHER_REPEAT,
    /** Title and lead shingles alike (Jaccard) or one contained in the other. */
    NEAR,
    /** Another outlet's rewrite: most of the longer content words shared, published within hours. */
    REWRITE,
    /** Items with little or no body, matched on the headline. */
    TITLE,
    /** No match. */
    NONE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

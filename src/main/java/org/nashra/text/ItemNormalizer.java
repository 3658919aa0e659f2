package org.nashra.text;

import java.time.Instant;
import java.time.ZoneId;
import org.nashra.extract.RawItem;

/** Raw items to normalized items: display text, matching keys, dates, canonical URL. STUB. */
public final class ItemNormalizer {

    /**
     * @param zone      the source's time zone, for dates that carry none
     * @param fetchedAt resolves relative dates; also the fallback when no date parses
     */
    public NormalizedItem normalize(RawItem raw, ZoneId zone, Instant fetchedAt) {
        throw new UnsupportedOperationException("ItemNormalizer not implemented yet");
    }
}

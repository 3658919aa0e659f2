package org.nashra.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.nashra.config.SourceConfig;

/** When a source is due again, from what its last pass did. */
public interface NextPoll {

    /**
     * @param itemTimes publication times of the items the body listed (the publishing rate)
     * @param ttl       the feed's ttl, or null
     * @param skipHours hours (UTC) the feed asks not to be polled
     * @param maxAge    Cache-Control max-age of the response, or null
     */
    Instant afterFetched(SourceConfig source, Instant now, int newItems, List<Instant> itemTimes, Duration ttl,
                         Set<Integer> skipHours, Duration maxAge);

    /** @param previousInterval the interval the last plan rested on, or null */
    Instant afterNotModified(SourceConfig source, Instant now, Duration previousInterval, Duration maxAge);

    /**
     * @param errorStreak failures in a row, this one included
     * @param retryAfter  what the server asked (429/503), or null
     */
    Instant afterError(SourceConfig source, Instant now, int errorStreak, Duration retryAfter);
}

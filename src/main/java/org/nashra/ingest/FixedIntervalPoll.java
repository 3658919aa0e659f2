package org.nashra.ingest;

import java.time.Duration;
import java.time.Instant;
import org.nashra.config.SourceConfig;

/**
 * The configured interval after success; doubling per error up to the max interval, or the
 * server's Retry-After when longer. A floor for when no adaptive policy is wired.
 */
public final class FixedIntervalPoll implements NextPoll {
    @Override
    public Instant afterSuccess(SourceConfig source, int newItems, Duration maxAge, Duration ttl, Instant now) {
        Duration d = source.interval();
        if (ttl != null && ttl.compareTo(d) > 0) d = min(ttl, source.maxInterval());
        if (maxAge != null && maxAge.compareTo(d) > 0) d = min(maxAge, source.maxInterval());
        return now.plus(d);
    }

    @Override
    public Instant afterError(SourceConfig source, int errorStreak, Duration retryAfter, Instant now) {
        Duration d = source.interval().multipliedBy(1L << Math.min(Math.max(errorStreak - 1, 0), 10));
        d = min(d, source.maxInterval());
        if (retryAfter != null && retryAfter.compareTo(d) > 0) d = retryAfter;
        return now.plus(d);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package org.nashra.ingest;

import java.time.Duration;
import java.time.Instant;
import org.nashra.config.SourceConfig;

/** When a source is due again, from what its last pass did. */
public interface NextPoll {
    Instant afterSuccess(SourceConfig source, int newItems, Duration maxAge, Duration ttl, Instant now);

    Instant afterError(SourceConfig source, int errorStreak, Duration retryAfter, Instant now);
}

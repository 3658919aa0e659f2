package org.nashra.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.nashra.config.SourceConfig;

/**
 * Polling for tests that look at something else: a source is due again a fixed time after a pass
 * that read it (new or not modified), and another after a failure.
 */
public record FixedPoll(Duration afterRead, Duration afterFailure) implements NextPoll {
    /** Every source due again in a quarter hour, whatever its pass did. */
    public static final FixedPoll QUARTER_HOUR = new FixedPoll(Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Override
    public Instant afterFetched(SourceConfig source, Instant now, int newItems, List<Instant> itemTimes, Duration ttl,
                                Set<Integer> skipHours, Duration maxAge) {
        return now.plus(afterRead);
    }

    @Override
    public Instant afterNotModified(SourceConfig source, Instant now, Duration previousInterval, Duration maxAge) {
        return now.plus(afterRead);
    }

    @Override
    public Instant afterError(SourceConfig source, Instant now, int errorStreak, Duration retryAfter) {
        return now.plus(afterFailure);
    }
}

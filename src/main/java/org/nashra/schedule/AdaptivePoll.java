package org.nashra.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.nashra.config.SourceConfig;
import org.nashra.ingest.NextPoll;

/** Ingestion's view of {@link PollingPolicy}: each source's own bounds, the feed's hints. */
public final class AdaptivePoll implements NextPoll {
    private final PollingPolicy policy;

    public AdaptivePoll(PollingPolicy policy) {
        this.policy = policy;
    }

    private static PollingPolicy.Interval interval(SourceConfig s) {
        Duration min = s.minInterval().compareTo(s.maxInterval()) <= 0 ? s.minInterval() : s.maxInterval();
        return new PollingPolicy.Interval(s.interval(), min, s.maxInterval());
    }

    @Override
    public Instant afterFetched(SourceConfig source, Instant now, int newItems, List<Instant> itemTimes, Duration ttl,
                                Set<Integer> skipHours, Duration maxAge) {
        return policy.onSuccess(interval(source), now, newItems, itemTimes,
                new PollingPolicy.FeedHints(ttl, skipHours, Set.of(), maxAge)).due();
    }

    @Override
    public Instant afterNotModified(SourceConfig source, Instant now, Duration previousInterval, Duration maxAge) {
        return policy.onNotModified(interval(source), now, previousInterval, PollingPolicy.FeedHints.maxAge(maxAge)).due();
    }

    @Override
    public Instant afterError(SourceConfig source, Instant now, int errorStreak, Duration retryAfter) {
        return retryAfter != null
                ? policy.onRateLimited(source.id(), interval(source), now, retryAfter, errorStreak).due()
                : policy.onError(source.id(), interval(source), now, errorStreak).due();
    }
}

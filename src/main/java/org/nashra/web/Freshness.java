package org.nashra.web;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.nashra.config.FeedConfig;
import org.nashra.config.FeedsFile;
import org.nashra.config.SourceConfig;

/**
 * How long a reader or a cache may keep a published feed before asking again: the one figure
 * behind both the HTTP {@code Cache-Control: max-age} and the RSS {@code <ttl>} of a feed, so
 * the two never disagree. Whole minutes, since that is all {@code <ttl>} can say.
 */
final class Freshness {
    /** Readers are not invited to poll more often than this, however fast the sources are polled. */
    static final Duration MIN = Duration.ofMinutes(5);
    /** A feed of slow sources still shows a burst of news within a quarter of an hour. */
    static final Duration MAX = Duration.ofMinutes(15);
    /** A past day's archive changes only when a late copy of an old story arrives. */
    static final Duration ARCHIVE = Duration.ofDays(1);
    private static final Duration NO_SOURCES = Duration.ofMinutes(15);

    private Freshness() {}

    /**
     * Half the shortest {@code min_interval} of the feed's sources, the fastest the scheduler polls
     * any of them (a busy source is polled that often): a reader that waits that long sees what
     * was fetched within half a poll. Rounded down to whole minutes, within [{@link #MIN},
     * {@link #MAX}].
     */
    static Duration of(FeedsFile config, FeedConfig feed) {
        Duration fastest = config.sources().stream().filter(feed::includes).map(SourceConfig::minInterval)
                .min(Duration::compareTo).orElse(NO_SOURCES);
        Duration half = fastest.dividedBy(2).truncatedTo(ChronoUnit.MINUTES);
        if (half.compareTo(MIN) < 0) return MIN;
        return half.compareTo(MAX) > 0 ? MAX : half;
    }
}

package org.nashra.schedule;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * When to poll a source next, from what the last poll showed. Pure: time comes in as an {@link Instant}
 * and randomness is a seed, so the same inputs always give the same answer (and tests are exact).
 *
 * <p>A source that publishes often is polled often, one that rarely publishes is left alone, a failing
 * one backs off exponentially (with jitter, up to a cap), a rate-limited one waits as asked, and what
 * the feed or the server asked for (RSS ttl, skipHours, skipDays, Cache-Control max-age) is honoured —
 * all within the source's configured min and max interval. The store keeps {@link Decision#interval()}
 * and hands it back as {@code previousInterval}.
 */
public final class PollingPolicy {

    /** How many of the most recent item dates the publishing rate is read from. */
    static final int RECENT_ITEMS = 20;
    /** Each 304 or unchanged body stretches the interval by this factor, up to the max. */
    static final double QUIET_GROWTH = 1.25;
    /** Backoff is spread downwards by up to this share, so it never exceeds the cap. */
    static final double BACKOFF_JITTER = 0.25;

    /**
     * A source's interval settings.
     *
     * @param configured the interval from feeds.yml (moved into [min, max] if outside)
     */
    public record Interval(Duration configured, Duration min, Duration max) {
        public Interval {
            Objects.requireNonNull(configured, "configured");
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.isNegative() || min.isZero()) {
                throw new IllegalArgumentException("min interval must be positive, was " + min);
            }
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max interval " + max + " is below min interval " + min);
            }
            configured = clamp(configured, min, max);
        }

        public static Interval fixed(Duration every) {
            return new Interval(every, every, every);
        }
    }

    /**
     * What the feed and the response asked of pollers.
     *
     * @param ttl       RSS {@code <ttl>}, or null
     * @param skipHours RSS {@code <skipHours>}: hours 0-23, GMT
     * @param skipDays  RSS {@code <skipDays>}, GMT
     * @param maxAge    Cache-Control max-age of the last response, or null
     */
    public record FeedHints(Duration ttl, Set<Integer> skipHours, Set<DayOfWeek> skipDays, Duration maxAge) {
        public static final FeedHints NONE = new FeedHints(null, Set.of(), Set.of(), null);

        public FeedHints {
            skipHours = skipHours == null ? Set.of() : Set.copyOf(skipHours);
            skipDays = skipDays == null ? Set.of() : Set.copyOf(skipDays);
        }

        public static FeedHints maxAge(Duration maxAge) {
            return new FeedHints(null, Set.of(), Set.of(), maxAge);
        }
    }

    /**
     * @param due      when to poll next
     * @param interval the interval this decision rests on (store it; it is the next {@code previousInterval})
     * @param reason   in words, for source health and {@code nashra sources}
     */
    public record Decision(Instant due, Duration interval, String reason) {}

    private final Duration maxBackoff;
    private final long seed;

    /**
     * @param maxBackoff the longest wait after errors (FetchSettings.maxBackoff)
     * @param seed       randomness for jitter; fixed per deployment so the spread is stable across restarts
     */
    public PollingPolicy(Duration maxBackoff, long seed) {
        if (maxBackoff == null || maxBackoff.isNegative() || maxBackoff.isZero()) {
            throw new IllegalArgumentException("maxBackoff must be positive, was " + maxBackoff);
        }
        this.maxBackoff = maxBackoff;
        this.seed = seed;
    }

    /**
     * After a body was fetched and parsed.
     *
     * @param newItems         items not seen before in this pass (for the reason only)
     * @param recentItemTimes  publication dates of the items the feed currently lists (any order; future
     *                         dates are ignored, since clocks and feeds lie)
     */
    public Decision onSuccess(Interval iv, Instant now, int newItems, Collection<Instant> recentItemTimes,
                              FeedHints hints) {
        List<Instant> times = new ArrayList<>();
        for (Instant t : recentItemTimes) {
            if (t != null && !t.isAfter(now)) {
                times.add(t);
            }
        }
        times.sort(Comparator.reverseOrder());
        if (times.size() > RECENT_ITEMS) {
            times = times.subList(0, RECENT_ITEMS);
        }
        Duration interval;
        String why;
        if (times.size() < 2) {
            interval = iv.configured();
            why = "configured interval (" + times.size() + (times.size() == 1 ? " dated item" : " dated items") + ", too few to read a rate)";
        } else {
            List<Duration> gaps = new ArrayList<>();
            for (int i = 1; i < times.size(); i++) {
                gaps.add(Duration.between(times.get(i), times.get(i - 1)));
            }
            gaps.sort(Comparator.naturalOrder());
            Duration median = gaps.get(gaps.size() / 2);
            Duration quiet = Duration.between(times.get(0), now);
            // Poll about twice per usual gap; a source silent far longer than usual is polled less and less.
            Duration fromRate = median.dividedBy(2);
            Duration fromSilence = quiet.dividedBy(4);
            if (fromSilence.compareTo(fromRate) > 0) {
                interval = fromSilence;
                why = "quiet for " + human(quiet) + " (usually every " + human(median) + ")";
            } else {
                interval = fromRate;
                why = "publishes about every " + human(median) + " (median of " + gaps.size() + (gaps.size() == 1 ? " gap)" : " gaps)");
            }
        }
        return planned(iv, now, interval, why + "; " + newItems + " new", hints);
    }

    /** After a 304 or an unchanged body: nothing was published since, so wait a little longer. */
    public Decision onNotModified(Interval iv, Instant now, Duration previousInterval, FeedHints hints) {
        Duration base = previousInterval == null ? iv.configured() : previousInterval;
        Duration interval = Duration.ofMillis(Math.round(base.toMillis() * QUIET_GROWTH));
        return planned(iv, now, interval, "not modified; stretched from " + human(base), hints);
    }

    /** After a failure; {@code errorStreak} counts this one (1 for the first). */
    public Decision onError(String sourceId, Interval iv, Instant now, int errorStreak) {
        Duration backoff = backoff(sourceId, iv, errorStreak);
        return new Decision(now.plus(backoff), backoff, "error #" + errorStreak + ": backing off "
                + human(backoff) + (backoff.equals(cap(iv)) ? " (cap)" : ""));
    }

    /** After 429/503; the server's Retry-After wins when given, within [min, maxBackoff]. */
    public Decision onRateLimited(String sourceId, Interval iv, Instant now, Duration retryAfter, int errorStreak) {
        if (retryAfter == null) {
            Decision d = onError(sourceId, iv, now, errorStreak);
            return new Decision(d.due(), d.interval(), "rate limited without Retry-After; " + d.reason());
        }
        Duration wait = clamp(retryAfter, iv.min(), cap(iv));
        String why = "rate limited: server asked for " + human(retryAfter)
                + (wait.equals(retryAfter) ? "" : ", waiting " + human(wait));
        return new Decision(now.plus(wait), wait, why);
    }

    /**
     * For a source that is due (or overdue) when the service starts: a stable point in
     * [now, now + window), different per source, so a restart does not fire every source at once.
     */
    public Instant spreadAfterRestart(String sourceId, Instant now, Duration window) {
        long offset = (long) Math.floor(jitter(sourceId, 0) * window.toMillis());
        return now.plusMillis(offset);
    }

    /** A number in [0, 1) that depends only on the seed, the source and the salt. */
    public double jitter(String sourceId, long salt) {
        long h = seed;
        for (byte b : sourceId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L; // FNV-1a: stable across JVMs, unlike String.hashCode salts
        }
        return new SplittableRandom(h ^ (salt * 0x9E3779B97F4A7C15L)).nextDouble();
    }

    private Duration backoff(String sourceId, Interval iv, int errorStreak) {
        int streak = Math.max(1, errorStreak);
        Duration cap = cap(iv);
        Duration base = iv.configured();
        // doubling from the configured interval; shift bounded so it cannot overflow
        Duration raw = streak - 1 >= 31 ? cap : base.multipliedBy(1L << (streak - 1));
        Duration capped = raw.compareTo(cap) > 0 ? cap : raw;
        double j = jitter(sourceId, streak);
        Duration jittered = Duration.ofMillis(Math.round(capped.toMillis() * (1 - BACKOFF_JITTER * j)));
        return jittered.compareTo(iv.min()) < 0 ? iv.min() : jittered;
    }

    private Duration cap(Interval iv) {
        return maxBackoff.compareTo(iv.min()) < 0 ? iv.min() : maxBackoff;
    }

    /** ttl and max-age are floors (the publisher asked us not to come sooner); min and max bound it all. */
    private Decision planned(Interval iv, Instant now, Duration interval, String why, FeedHints hints) {
        FeedHints h = hints == null ? FeedHints.NONE : hints;
        StringBuilder reason = new StringBuilder(why);
        if (h.ttl() != null && h.ttl().compareTo(interval) > 0) {
            interval = h.ttl();
            reason.append("; feed ttl ").append(human(h.ttl()));
        }
        if (h.maxAge() != null && h.maxAge().compareTo(interval) > 0) {
            interval = h.maxAge();
            reason.append("; max-age ").append(human(h.maxAge()));
        }
        if (interval.compareTo(iv.min()) < 0) {
            interval = iv.min();
            reason.append("; raised to min ").append(human(iv.min()));
        } else if (interval.compareTo(iv.max()) > 0) {
            interval = iv.max();
            reason.append("; lowered to max ").append(human(iv.max()));
        }
        Instant due = now.plus(interval);
        Instant allowed = outsideSkipped(due, h);
        if (!allowed.equals(due)) {
            reason.append("; skipHours/skipDays moved it to ").append(allowed);
        }
        return new Decision(allowed, interval, reason.toString());
    }

    /** The first instant at or after {@code due} outside the skipped hours and days (GMT, per RSS 2.0). */
    private static Instant outsideSkipped(Instant due, FeedHints h) {
        if (h.skipHours().isEmpty() && h.skipDays().isEmpty()) {
            return due;
        }
        ZonedDateTime t = due.atZone(ZoneOffset.UTC);
        for (int i = 0; i <= 24 * 7; i++) {
            if (!h.skipHours().contains(t.getHour()) && !h.skipDays().contains(t.getDayOfWeek())) {
                return i == 0 ? due : t.toInstant();
            }
            t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
        }
        return due; // every hour of the week skipped: a broken feed, not a reason never to poll
    }

    static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0 && s >= 3600) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s >= 60) {
            return s / 60 + "m";
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600) / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m" + s % 60 + "s";
        }
        return s + "s";
    }
}

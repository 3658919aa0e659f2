package org.nashra.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.schedule.PollingPolicy.Decision;
import org.nashra.schedule.PollingPolicy.FeedHints;
import org.nashra.schedule.PollingPolicy.Interval;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PollingPolicyTest {

    /** A Thursday, 10:00 GMT. */
    static final Instant NOW = Instant.parse("2026-03-05T10:00:00Z");
    static final Interval DEFAULT = new Interval(ofMinutes(15), ofMinutes(5), ofHours(6));

    final PollingPolicy policy = new PollingPolicy(ofHours(6), 42L);

    /** {@code count} item dates, the newest {@code sinceNewest} ago, {@code every} apart. */
    static List<Instant> items(int count, Duration every, Duration sinceNewest) {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(NOW.minus(sinceNewest).minus(every.multipliedBy(i)));
        }
        return out;
    }

    static Stream<Arguments> successes() {
        return Stream.of(
                // name, interval, item times, hints, expected interval, expected due, reason fragment
                Arguments.of("hourly publisher is polled every 30 minutes", DEFAULT,
                        items(10, ofHours(1), ofMinutes(10)), FeedHints.NONE, ofMinutes(30), null, "every 1h"),
                Arguments.of("too few dates: the configured interval", DEFAULT,
                        items(1, ofHours(1), ofMinutes(10)), FeedHints.NONE, ofMinutes(15), null, "(1 dated item, too few"),
                Arguments.of("no dates at all: the configured interval", DEFAULT,
                        List.of(), FeedHints.NONE, ofMinutes(15), null, "(0 dated items, too few"),
                Arguments.of("two dates are one gap", DEFAULT,
                        items(2, ofHours(1), ofMinutes(10)), FeedHints.NONE, ofMinutes(30), null, "(median of 1 gap)"),
                Arguments.of("a publisher every 4 minutes is held to the min", DEFAULT,
                        items(10, ofMinutes(4), ofMinutes(1)), FeedHints.NONE, ofMinutes(5), null, "raised to min"),
                Arguments.of("a daily publisher is held to the max", DEFAULT,
                        items(10, ofHours(24), ofHours(1)), FeedHints.NONE, ofHours(6), null, "lowered to max"),
                Arguments.of("a long silence slows polling", DEFAULT,
                        items(10, ofHours(1), ofHours(8)), FeedHints.NONE, ofHours(2), null, "quiet for 8h"),
                Arguments.of("future-dated items are ignored", DEFAULT,
                        concat(items(10, ofHours(1), ofMinutes(10)), List.of(NOW.plus(ofHours(5)), NOW.plus(ofHours(9)))),
                        FeedHints.NONE, ofMinutes(30), null, "every 1h"),
                Arguments.of("only the 20 most recent items count", DEFAULT,
                        concat(items(20, ofHours(1), ofMinutes(10)), items(30, ofHours(24), ofHours(400))),
                        FeedHints.NONE, ofMinutes(30), null, "19 gaps"),
                Arguments.of("feed ttl is a floor", DEFAULT, items(10, ofHours(1), ofMinutes(10)),
                        new FeedHints(ofMinutes(90), Set.of(), Set.of(), null), ofMinutes(90), null, "ttl 90m"),
                Arguments.of("max-age is a floor", DEFAULT, items(10, ofHours(1), ofMinutes(10)),
                        FeedHints.maxAge(ofMinutes(45)), ofMinutes(45), null, "max-age 45m"),
                Arguments.of("a ttl above max is held to max", DEFAULT, items(10, ofHours(1), ofMinutes(10)),
                        new FeedHints(ofHours(10), Set.of(), Set.of(), null), ofHours(6), null, "lowered to max"),
                Arguments.of("skipHours push the due time past the skipped hours", DEFAULT,
                        items(10, ofHours(1), ofMinutes(10)), new FeedHints(null, Set.of(10, 11, 12), Set.of(), null),
                        ofMinutes(30), Instant.parse("2026-03-05T13:00:00Z"), "skipHours"),
                Arguments.of("skipDays push to the next day", DEFAULT,
                        items(10, ofHours(1), ofMinutes(10)),
                        new FeedHints(null, Set.of(), Set.of(DayOfWeek.THURSDAY), null),
                        ofMinutes(30), Instant.parse("2026-03-06T00:00:00Z"), "skipDays"),
                Arguments.of("every hour skipped is ignored, not obeyed forever", DEFAULT,
                        items(10, ofHours(1), ofMinutes(10)), new FeedHints(null, allHours(), Set.of(), null),
                        ofMinutes(30), null, "every 1h"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void onSuccess(String name, Interval iv, List<Instant> times, FeedHints hints, Duration interval,
                   Instant due, String reason) {
        Decision d = policy.onSuccess(iv, NOW, 3, times, hints);
        assertThat(d.interval()).as(name).isEqualTo(interval);
        assertThat(d.due()).as(name).isEqualTo(due == null ? NOW.plus(interval) : due);
        assertThat(d.reason()).as(name).contains(reason);
    }

    static Stream<Arguments> notModified() {
        return Stream.of(
                Arguments.of("first 304 stretches the configured interval", null, FeedHints.NONE, Duration.ofSeconds(1125)),
                Arguments.of("a 304 stretches the previous interval", ofMinutes(40), FeedHints.NONE, ofMinutes(50)),
                Arguments.of("stretching stops at max", ofHours(5), FeedHints.NONE, ofHours(6)),
                Arguments.of("max-age still a floor", ofMinutes(20), FeedHints.maxAge(ofHours(1)), ofHours(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notModified")
    void onNotModified(String name, Duration previous, FeedHints hints, Duration expected) {
        Decision d = policy.onNotModified(DEFAULT, NOW, previous, hints);
        assertThat(d.interval()).as(name).isEqualTo(expected);
        assertThat(d.due()).isEqualTo(NOW.plus(expected));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                // streak, un-jittered backoff (configured 15m doubling, capped at 6h)
                Arguments.of(1, ofMinutes(15)),
                Arguments.of(2, ofMinutes(30)),
                Arguments.of(3, ofHours(1)),
                Arguments.of(5, ofHours(4)),
                Arguments.of(6, ofHours(6)),
                Arguments.of(40, ofHours(6)));
    }

    @ParameterizedTest(name = "error streak {0}")
    @MethodSource("errors")
    void onErrorBacksOffExponentiallyWithJitterUnderTheCap(int streak, Duration base) {
        Decision d = policy.onError("alamsar", DEFAULT, NOW, streak);

        long expectedMillis = Math.round(base.toMillis() * (1 - 0.25 * policy.jitter("alamsar", streak)));
        Duration expected = Duration.ofMillis(Math.max(expectedMillis, DEFAULT.min().toMillis()));
        assertThat(d.interval()).isEqualTo(expected);
        assertThat(d.interval()).isLessThanOrEqualTo(base).isGreaterThanOrEqualTo(base.multipliedBy(3).dividedBy(4));
        assertThat(d.due()).isEqualTo(NOW.plus(expected));
        assertThat(d.reason()).contains("error #" + streak);
    }

    @Test
    void jitterIsDeterministicAndDiffersBetweenSources() {
        PollingPolicy same = new PollingPolicy(ofHours(6), 42L);
        assertThat(same.onError("a", DEFAULT, NOW, 3)).isEqualTo(policy.onError("a", DEFAULT, NOW, 3));
        assertThat(policy.onError("a", DEFAULT, NOW, 3).due()).isNotEqualTo(policy.onError("b", DEFAULT, NOW, 3).due());
        assertThat(new PollingPolicy(ofHours(6), 7L).jitter("a", 3)).isNotEqualTo(policy.jitter("a", 3));
    }

    static Stream<Arguments> rateLimits() {
        return Stream.of(
                Arguments.of("Retry-After is obeyed", ofHours(2), ofHours(2)),
                Arguments.of("a tiny Retry-After is raised to min", Duration.ofSeconds(30), ofMinutes(5)),
                Arguments.of("a huge Retry-After is capped at maxBackoff", Duration.ofDays(30), ofHours(6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rateLimits")
    void onRateLimited(String name, Duration retryAfter, Duration expected) {
        Decision d = policy.onRateLimited("s", DEFAULT, NOW, retryAfter, 1);
        assertThat(d.due()).as(name).isEqualTo(NOW.plus(expected));
        assertThat(d.reason()).contains("rate limited");
    }

    @Test
    void rateLimitedWithoutRetryAfterBacksOffLikeAnError() {
        Decision d = policy.onRateLimited("s", DEFAULT, NOW, null, 3);
        assertThat(d.due()).isEqualTo(policy.onError("s", DEFAULT, NOW, 3).due());
    }

    @Test
    void restartSpreadsSourcesOverTheWindow() {
        Duration window = ofMinutes(10);
        int[] perMinute = new int[10];
        Set<Instant> distinct = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Instant due = policy.spreadAfterRestart("source-" + i, NOW, window);
            assertThat(due).isAfterOrEqualTo(NOW).isBefore(NOW.plus(window));
            perMinute[(int) Duration.between(NOW, due).toMinutes()]++;
            distinct.add(due);
        }
        for (int count : perMinute) {
            assertThat(count).isBetween(60, 140); // uniform would be 100 a minute
        }
        assertThat(distinct.size()).isGreaterThan(990);
        assertThat(policy.spreadAfterRestart("source-1", NOW, window))
                .isEqualTo(new PollingPolicy(ofHours(1), 42L).spreadAfterRestart("source-1", NOW, window));
    }

    @Test
    void intervalsAreValidated() {
        assertThatThrownBy(() -> new Interval(ofMinutes(15), ofHours(2), ofHours(1)))
                .hasMessageContaining("below min");
        assertThat(new Interval(ofMinutes(1), ofMinutes(5), ofHours(1)).configured()).isEqualTo(ofMinutes(5));
        assertThatThrownBy(() -> new PollingPolicy(Duration.ZERO, 1)).hasMessageContaining("maxBackoff");
    }

    static Set<Integer> allHours() {
        Set<Integer> s = new HashSet<>();
        for (int h = 0; h < 24; h++) {
            s.add(h);
        }
        return s;
    }

    static List<Instant> concat(List<Instant> a, List<Instant> b) {
        List<Instant> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}

package org.nashra.fetch;

import org.nashra.fetch.FetchResult.Failed;
import org.nashra.fetch.FetchResult.Fetched;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * robots.txt per origin, fetched on first need and kept for a day (RFC 9309 2.4 asks for no more than 24 h).
 * An unreachable robots.txt (5xx, network) means "disallow all" (RFC 9309 2.3.1.4), kept only an hour so
 * a passing outage does not silence a source for a day; a missing one (4xx) allows everything.
 */
final class RobotsCache {

    record Verdict(boolean allowed, String detail) {}

    static final Duration KEEP = Duration.ofHours(24);
    static final Duration KEEP_UNREACHABLE = Duration.ofHours(1);
    static final Duration KEEP_PAGE_FAILS_ALIKE = Duration.ofMinutes(1);
    static final int MAX_ROBOTS_BYTES = 512 * 1024;
    private static final java.util.Set<FailureKind> PAGE_FAILS_ALIKE =
            java.util.EnumSet.of(FailureKind.BLOCKED_ADDRESS, FailureKind.DNS, FailureKind.BAD_URL);

    private record Entry(RobotsRules rules, String note, Instant expires) {}

    private final Clock clock;
    private final String productToken;
    private final Function<URI, FetchResult> loader;
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();

    RobotsCache(Clock clock, String productToken, Function<URI, FetchResult> loader) {
        this.clock = clock;
        this.productToken = productToken;
        this.loader = loader;
    }

    Verdict check(URI uri) {
        String origin = origin(uri);
        Entry e = slots.computeIfAbsent(origin, o -> new Slot()).get(origin);
        if (e.rules().allows(uri)) {
            return new Verdict(true, null);
        }
        return new Verdict(false, origin + "/robots.txt disallows " + uri.getRawPath() + " for user-agent "
                + productToken + (e.note() == null ? "" : " (" + e.note() + ")"));
    }

    private final class Slot {
        private Entry entry;

        /** One load per origin at a time: concurrent fetches to one host wait for the same robots.txt. */
        synchronized Entry get(String origin) {
            Instant now = clock.instant();
            if (entry == null || !now.isBefore(entry.expires())) {
                entry = load(origin, now);
            }
            return entry;
        }
    }

    private Entry load(String origin, Instant now) {
        FetchResult r = loader.apply(URI.create(origin + "/robots.txt"));
        if (r instanceof Fetched f) {
            byte[] bytes = f.body().bytes();
            if (bytes.length > MAX_ROBOTS_BYTES) {
                bytes = java.util.Arrays.copyOf(bytes, MAX_ROBOTS_BYTES); // RFC 9309 2.5: parse at least 500 KiB
            }
            return new Entry(RobotsRules.parse(bytes, productToken), null, now.plus(KEEP));
        }
        if (r instanceof Failed f && PAGE_FAILS_ALIKE.contains(f.kind())) {
            // The page itself will fail the same way; let it, so health shows the real reason, not robots.
            return new Entry(RobotsRules.ALLOW_ALL, null, now.plus(KEEP_PAGE_FAILS_ALIKE));
        }
        if (r instanceof Failed f && f.status() >= 400 && f.status() < 500 && f.status() != 429) {
            return new Entry(RobotsRules.ALLOW_ALL, null, now.plus(KEEP));
        }
        if (r instanceof Failed f) {
            return new Entry(RobotsRules.DISALLOW_ALL, "robots.txt could not be read, which RFC 9309 treats as"
                    + " disallow-all: " + f.detail(), now.plus(KEEP_UNREACHABLE));
        }
        return new Entry(RobotsRules.ALLOW_ALL, null, now.plus(KEEP));
    }

    private static String origin(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost().toLowerCase(Locale.ROOT);
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return scheme + "://" + host + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    }
}

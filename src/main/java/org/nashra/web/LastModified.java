package org.nashra.web;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Last-Modified and If-Modified-Since in the whole seconds HTTP dates can say (RFC 9110 5.6.7),
 * over a store that stamps its changes to the microsecond.
 *
 * <p>Cutting the change time down to its second let two states of a feed share one date: a copy
 * sent at 12:00:00.5 said 12:00:00, a story stored at 12:00:00.8 still made 12:00:00, and the
 * reader asking If-Modified-Since got 304 for a feed it did not have. Rounding up alone does not
 * help (both would say 12:00:01). What does is a date no later than the copy could know: a copy
 * says the change rounded up to the next whole second only when that second was over when the
 * copy was made, and otherwise the last whole second that was ({@link #header}). Every change the
 * copy does not show came after it was made, so it rounds up to a later second than the copy
 * says, and a 304 by date is given only when the reader's date is at least the current change
 * rounded up ({@link #unchangedSince}).
 *
 * <p>The store reads its clock when a write begins and the write is seen when it commits, a
 * little later: a copy is made as of {@link #IN_FLIGHT} before it was made, so a change stamped
 * that much before the copy and committed after it still counts as later.
 */
final class LastModified {
    /** How long a write may take from reading the store's clock to committing. */
    static final Duration IN_FLIGHT = Duration.ofSeconds(1);

    private LastModified() {}

    /**
     * The Last-Modified of a copy: {@code changed} rounded up to a whole second, or, while that
     * second and the {@link #IN_FLIGHT} margin after it are not over at {@code madeAt}, the last
     * whole second that is. Never later than the copy was made (RFC 9110 8.8.2.1).
     *
     * @param changed when the store last changed what the copy shows
     * @param madeAt  when the copy's content was read from the store, by the server's clock
     */
    static Instant header(Instant changed, Instant madeAt) {
        Instant rounded = roundedUp(changed);
        Instant known = madeAt.minus(IN_FLIGHT).truncatedTo(ChronoUnit.SECONDS);
        return rounded.isAfter(known) ? known : rounded;
    }

    /** Whether a copy made at {@code madeAt} says {@code changed} rounded up: whether a date can revalidate it. */
    static boolean settled(Instant changed, Instant madeAt) {
        return header(changed, madeAt).equals(roundedUp(changed));
    }

    /**
     * Whether a reader whose copy said Last-Modified {@code since} has what the store holds: the
     * store's last change, rounded up to a whole second, is not after it. A copy made before that
     * change, or in its second, said an earlier second ({@link #header}).
     */
    static boolean unchangedSince(Instant changed, Instant since) {
        return !roundedUp(changed).isAfter(since);
    }

    /** The whole second at or after {@code t}. */
    static Instant roundedUp(Instant t) {
        Instant whole = t.truncatedTo(ChronoUnit.SECONDS);
        return whole.equals(t) ? t : whole.plusSeconds(1);
    }
}

package org.nashra.text;

import java.time.Instant;
import java.util.Objects;

/**
 * A date string read as an instant.
 *
 * @param instant the moment; never after {@code now} plus the parser's tolerance
 * @param clamped true when the string named a moment in the future and {@code now} was used
 * @param note      what had to be assumed or resolved ("relative: أمس", "no zone, used
 *                  Asia/Baghdad", "future date clamped ..."), "" when nothing
 * @param precision what the string gave: a time of day ({@link DatePrecision#TIME}) or only a
 *                  day ({@link DatePrecision#DAY}, read as its start or, for "أمس", at the
 *                  clock time of now); the string's, also when it was clamped
 */
public record ParsedDate(Instant instant, boolean clamped, String note, DatePrecision precision) {
    public ParsedDate {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(precision, "precision");
        note = note == null ? "" : note;
    }
}

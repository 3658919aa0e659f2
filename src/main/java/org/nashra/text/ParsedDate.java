package org.nashra.text;

import java.time.Instant;
import java.util.Objects;

/**
 * A date string read as an instant.
 *
 * @param instant the moment; never after {@code now} plus the parser's tolerance
 * @param clamped true when the string named a moment in the future and {@code now} was used
 * @param note    what had to be assumed or resolved ("relative: أمس", "no zone, used
 *                Asia/Baghdad", "future date clamped ..."), "" when nothing
 */
public record ParsedDate(Instant instant, boolean clamped, String note) {
    public ParsedDate {
        Objects.requireNonNull(instant, "instant");
        note = note == null ? "" : note;
    }
}

package org.nashra.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** ISO-8601 dates as machine-readable markup carries them; anything else is left to the text stage. */
final class IsoDates {
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ].*)?");

    private IsoDates() {}

    /** The instant, or null when the value is not ISO-8601; zone-less values are read in {@code zone}. */
    static Instant parse(String raw, ZoneId zone) {
        if (raw == null) return null;
        String s = raw.strip();
        if (!ISO.matcher(s).matches()) return null;
        s = s.replace(' ', 'T');
        // "+0300" is common in meta tags though ISO wants "+03:00"
        s = s.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return ZonedDateTime.parse(s, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // fall through
        }
        try {
            return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

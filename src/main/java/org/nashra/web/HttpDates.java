package org.nashra.web;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.SignStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HTTP dates (RFC 9110 5.6.7). Sent as IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}: always
 * two digits of day. {@link DateTimeFormatter#RFC_1123_DATE_TIME} writes one on days 1 to 9
 * ({@code Thu, 1 Jan 1970}), which is RFC 1123 but no IMF-fixdate, and strict recipients refuse it.
 * Read in the three forms a recipient must accept: IMF-fixdate, the obsolete RFC 850 form
 * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and ANSI C's asctime ({@code Sun Nov  6 08:49:37 1994}).
 * Names are English whatever the default locale.
 */
final class HttpDates {
    private static final List<String> DAYS = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> LONG_DAYS =
            List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS =
            List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

    private static final DateTimeFormatter IMF_FIXDATE = new DateTimeFormatterBuilder()
            .appendText(ChronoField.DAY_OF_WEEK, names(DAYS))
            .appendLiteral(", ")
            .appendValue(ChronoField.DAY_OF_MONTH, 2)
            .appendLiteral(' ')
            .appendText(ChronoField.MONTH_OF_YEAR, names(MONTHS))
            .appendLiteral(' ')
            .appendValue(ChronoField.YEAR, 4, 4, SignStyle.NOT_NEGATIVE)
            .appendPattern(" HH:mm:ss 'GMT'")
            .toFormatter(Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** Read strictly: the default resolver reads the 31st of November as the 30th. */
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

    private static final String DAY = String.join("|", DAYS);
    private static final String MONTH = String.join("|", MONTHS);
    private static final String TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
    /** RFC 850: {@code Sunday, 06-Nov-94 08:49:37 GMT}, a two-digit year. */
    private static final Pattern RFC_850 = Pattern.compile(
            "(" + String.join("|", LONG_DAYS) + "), (\\d{2})-(" + MONTH + ")-(\\d{2}) " + TIME + " GMT");
    /** asctime: {@code Sun Nov  6 08:49:37 1994}, the day padded with a space. */
    private static final Pattern ASCTIME = Pattern.compile(
            "(" + DAY + ") (" + MONTH + ") ( \\d|\\d{2}) " + TIME + " (\\d{4})");

    private HttpDates() {}

    /** IMF-fixdate of {@code t}, its fraction of a second dropped. */
    static String format(Instant t) {
        return IMF_FIXDATE.format(t);
    }

    /**
     * The instant an HTTP date names, or empty for text in none of the three forms, or naming no
     * such day (the 31st of November, a Monday that is a Tuesday): RFC 9110 13.1.3 has an invalid
     * If-Modified-Since ignored.
     *
     * @param now what a two-digit year is read against: one that would be more than 50 years after
     *            it is the most recent past year of those digits (RFC 9110 5.6.7)
     */
    static Optional<Instant> parse(String text, Instant now) {
        if (text == null) return Optional.empty();
        String s = text.strip();
        try {
            // IMF-fixdate, and the RFC 1123 dates it narrows (a one-digit day, as this server once sent)
            return Optional.of(ZonedDateTime.parse(s, RFC_1123).toInstant());
        } catch (DateTimeParseException e) {
            // one of the obsolete forms, or none
        }
        Matcher m = RFC_850.matcher(s);
        if (m.matches()) {
            int twoDigits = Integer.parseInt(m.group(4));
            int thisYear = LocalDate.ofInstant(now, ZoneOffset.UTC).getYear();
            int year = thisYear - Math.floorMod(thisYear, 100) + twoDigits;
            if (year > thisYear + 50) year -= 100;
            return at(LONG_DAYS.indexOf(m.group(1)), year, m.group(3), m.group(2), m.group(5), m.group(6), m.group(7));
        }
        m = ASCTIME.matcher(s);
        if (m.matches()) {
            return at(DAYS.indexOf(m.group(1)), Integer.parseInt(m.group(7)), m.group(2), m.group(3).strip(),
                    m.group(4), m.group(5), m.group(6));
        }
        return Optional.empty();
    }

    private static Optional<Instant> at(int dayOfWeek, int year, String month, String day, String hour, String minute,
                                        String second) {
        try {
            LocalDateTime t = LocalDateTime.of(year, MONTHS.indexOf(month) + 1, Integer.parseInt(day),
                    Integer.parseInt(hour), Integer.parseInt(minute), Integer.parseInt(second));
            if (t.getDayOfWeek() != DayOfWeek.of(dayOfWeek + 1)) return Optional.empty();
            return Optional.of(t.toInstant(ZoneOffset.UTC));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<Long, String> names(List<String> names) {
        return IntStream.range(0, names.size()).boxed().collect(Collectors.toMap(i -> (long) i + 1, names::get));
    }
}

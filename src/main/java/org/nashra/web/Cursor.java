package org.nashra.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nashra.store.StoryKey;

/**
 * The text of a paging cursor, {@code before=1796006011957.321-36}: the entry's publication time
 * in epoch milliseconds, with the sub-millisecond part as decimals when it has one, then its id.
 * The time is written whole because the database keeps microseconds: a cursor cut to the
 * millisecond fell below the entry it named, and the page after it skipped every story of that
 * millisecond (items without a date take their fetch time, so one fetch shares one).
 */
final class Cursor {
    private static final Pattern TEXT = Pattern.compile("(-?\\d{1,16}(?:\\.\\d{1,6})?)(?:-(\\d{1,19}))?");
    private static final BigInteger NANOS_PER_SECOND = BigInteger.valueOf(1_000_000_000L);

    private Cursor() {}

    static String format(StoryKey key) {
        BigDecimal millis = BigDecimal.valueOf(key.published().getEpochSecond()).movePointRight(3)
                .add(BigDecimal.valueOf(key.published().getNano()).movePointLeft(6));
        return millis.stripTrailingZeros().toPlainString() + "-" + key.id();
    }

    /**
     * @param missingId the id a cursor written as a time alone stands for (links made before ids
     *                  were added carry none)
     * @throws IllegalArgumentException naming the parameter, for text that is no cursor
     */
    static StoryKey parse(String param, String text, long missingId) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) throw bad(param, text);
        try {
            BigInteger[] secondsAndNanos = new BigDecimal(m.group(1)).movePointRight(6).toBigIntegerExact()
                    .divideAndRemainder(NANOS_PER_SECOND);
            Instant t = Instant.ofEpochSecond(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
            return new StoryKey(t, m.group(2) == null ? missingId : Long.parseLong(m.group(2)));
        } catch (ArithmeticException | DateTimeException | NumberFormatException e) {
            throw bad(param, text);
        }
    }

    private static IllegalArgumentException bad(String param, String text) {
        return new IllegalArgumentException("bad '" + param + "' cursor '" + text
                + "': expected epoch milliseconds (decimals allowed), then '-' and an entry id, as in a next link"
                + " (without the id, a time alone)");
    }
}

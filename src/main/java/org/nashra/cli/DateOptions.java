package org.nashra.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/**
 * {@code --tz} and {@code --now}: the source's zone and the fetch time that dates are read against,
 * as the service reads them at a fetch. Shared by the commands that read dates ({@code date},
 * {@code parse}).
 */
final class DateOptions {
    @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC",
            description = "the source's zone, for dates that carry none (default: ${DEFAULT-VALUE})")
    String zone;

    @Option(names = "--now", paramLabel = "ISO",
            description = "the fetch time: relative dates are resolved and future ones clamped against it (default: the clock)")
    String now;

    /** The zone and the fetch time, read. */
    record Context(ZoneId zone, Instant now) {}

    /**
     * The options read, or null when one is not what it should be; then {@code err} has said which, for
     * {@code command}.
     */
    Context read(String command, PrintStream err, InstantSource clock) {
        ZoneId z;
        try {
            z = ZoneId.of(zone);
        } catch (RuntimeException e) {
            err.println("nashra " + command + ": --tz " + zone + " is not a time zone id (e.g. Asia/Baghdad): " + e.getMessage());
            return null;
        }
        try {
            return new Context(z, now == null ? clock.instant() : Instant.parse(now));
        } catch (DateTimeParseException e) {
            err.println("nashra " + command + ": --now " + now + " is not an ISO instant (e.g. 2024-06-20T12:00:00Z)");
            return null;
        }
    }
}

package org.nashra.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nashra.extract.Role;
import org.nashra.text.DateParser;
import org.nashra.text.ParsedDate;

/** Reads batch input, one JSON object a line. */
public final class BatchItems {
    private BatchItems() {}

    /**
     * A line that is not an item object is an error naming the file and line, and so is an id
     * that an earlier line has: results are keyed by id, so a second item of one id would be
     * lost without a word.
     */
    public static List<BatchItem> read(Path file) {
        List<BatchItem> out = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        JsonLine.forEach(file, "", (n, node) -> {
            BatchItem item;
            try {
                item = parse(node);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + n + ": not a batch item: " + e.getMessage(), e);
            }
            Integer first = lineOfId.putIfAbsent(item.id(), n);
            if (first != null) {
                throw new IllegalArgumentException(file + ":" + n + ": id \"" + item.id() + "\" repeats the id of line "
                        + first + "; each item needs an id of its own");
            }
            out.add(item);
        });
        return out;
    }

    /**
     * One item; {@code published} is an ISO instant or null. Without it, a crawl time in
     * {@code "extracted"} ("2015-07-22 10:16:13", read as UTC, as archives such as SaudiNewsNet
     * give) stands in, since it bounds the publication time from above.
     */
    public static BatchItem parse(JsonNode n) {
        if (n == null || !n.isObject()) throw new IllegalArgumentException("expected a JSON object");
        String id = text(n, "id");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("missing \"id\"");
        String published = text(n, "published");
        String extracted = text(n, "extracted");
        Instant when = published != null && !published.isBlank() ? published(published)
                : extracted != null && !extracted.isBlank() ? crawled(extracted)
                : null;
        String role = text(n, "role");
        return new BatchItem(id, text(n, "source"), text(n, "url"), text(n, "title"), text(n, "text"), when,
                role == null ? Role.MAIN : Role.valueOf(role.toUpperCase(Locale.ROOT)), text(n, "agency"));
    }

    /**
     * An ISO instant as it is, or any date the service reads in a feed (a day alone, an RFC 1123
     * date, an offset such as +0300, an Arabic date), read as the service reads a feed's dates in
     * UTC. Relative dates ("أمس") are refused: a batch has no fetch time to resolve them against.
     */
    static Instant published(String raw) {
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            // not the common case: read it as a feed's date
        }
        Optional<ParsedDate> read = DATES.parse(raw, ZoneOffset.UTC, Instant.now());
        if (read.isEmpty()) {
            throw new IllegalArgumentException("\"published\" '" + raw + "' is not a date: give an ISO 8601 instant"
                    + " (2025-03-04T08:00:00Z) or a date as `nashra date` reads it");
        }
        if (read.get().note().startsWith("relative")) {
            throw new IllegalArgumentException("\"published\" '" + raw + "' is relative (" + read.get().note()
                    + "); a batch item needs a date that says its day");
        }
        return read.get().instant();
    }

    private static Instant crawled(String raw) {
        try {
            return Instant.parse(raw.strip().replace(' ', 'T') + "Z");
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"extracted\" '" + raw + "' is not a crawl time such as 2015-07-22 10:16:13");
        }
    }

    private static final DateParser DATES = new DateParser();

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

package org.nashra.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nashra.extract.Role;

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
            } catch (IllegalArgumentException | DateTimeParseException e) {
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
        Instant when = published != null && !published.isBlank() ? Instant.parse(published)
                : extracted != null && !extracted.isBlank() ? Instant.parse(extracted.strip().replace(' ', 'T') + "Z")
                : null;
        String role = text(n, "role");
        return new BatchItem(id, text(n, "source"), text(n, "url"), text(n, "title"), text(n, "text"), when,
                role == null ? Role.MAIN : Role.valueOf(role.toUpperCase(Locale.ROOT)), text(n, "agency"));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

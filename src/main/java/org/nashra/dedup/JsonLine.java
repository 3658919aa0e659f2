package org.nashra.dedup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.nashra.config.FileProblems;

/**
 * One line of a JSONL file read as one JSON value. What is wrong is said as FILE:LINE: not JSON:
 * reason (column), in the words of the line, not Jackson's own message, which names its stream
 * feature and a "REDACTED" source.
 */
final class JsonLine {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jackson lists every kind of JSON value it could have read: noise beside the token it found. */
    private static final String ANY_VALUE = ": was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    /** Where Jackson says an unclosed object or array began: its "source" is always "REDACTED" here. */
    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: \\d+, column: (\\d+)\\]");

    private JsonLine() {}

    /** What is done with one value of a file. */
    interface Handler {
        /** @param n the value's 1-based line number, for errors that name it */
        void accept(int n, JsonNode node);
    }

    /**
     * Every non-blank line of {@code file} as one JSON value, in order.
     *
     * @param what what the file holds, for the error when it cannot be read ("labels"), or ""
     */
    static void forEach(Path file, String what, Handler handler) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                // editors on Windows start UTF-8 files with a byte order mark; it is not part of the JSON
                if (n == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                if (!line.isBlank()) handler.accept(n, parse(file, n, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + (what.isEmpty() ? "" : what + " ") + file + ": "
                    + FileProblems.reason(file, e), e);
        }
    }

    /** @param n the line's 1-based number in {@code file} */
    static JsonNode parse(Path file, int n, String line) {
        try (JsonParser p = JSON.createParser(line)) {
            JsonNode node = JSON.readTree(p);
            if (p.nextToken() != null) {
                throw notJson(file, n, "a second value after the first", p.currentTokenLocation().getColumnNr());
            }
            return node;
        } catch (JsonProcessingException e) {
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            String reason = SOURCE.matcher(e.getOriginalMessage().replace(ANY_VALUE, "")).replaceAll("column $1");
            throw notJson(file, n, reason, column);
        } catch (IOException e) {
            // a String has no I/O to fail
            throw new IllegalStateException(file + ":" + n + ": reading a line of text failed: " + e, e);
        }
    }

    private static IllegalArgumentException notJson(Path file, int n, String reason, int column) {
        return new IllegalArgumentException(file + ":" + n + ": not JSON: " + reason + (column > 0 ? " (column " + column + ")" : ""));
    }
}

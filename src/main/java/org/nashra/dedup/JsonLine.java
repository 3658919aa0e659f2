package org.nashra.dedup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One line of a JSONL file read as one JSON value. What is wrong is said as FILE:LINE: not JSON:
 * reason (column), in the words of the line, not Jackson's own message, which names its stream
 * feature and a "REDACTED" source.
 */
final class JsonLine {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Jackson lists every kind of JSON value it could have read: noise beside the token it found. */
    private static final String ANY_VALUE = ": was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')";

    private JsonLine() {}

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
            throw notJson(file, n, e.getOriginalMessage().replace(ANY_VALUE, ""), column);
        } catch (IOException e) {
            // a String has no I/O to fail
            throw new IllegalStateException(file + ":" + n + ": reading a line of text failed: " + e, e);
        }
    }

    private static IllegalArgumentException notJson(Path file, int n, String reason, int column) {
        return new IllegalArgumentException(file + ":" + n + ": not JSON: " + reason + (column > 0 ? " (column " + column + ")" : ""));
    }
}

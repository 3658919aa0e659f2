package org.nashra.text.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The "text" field of every line of a JSONL corpus, read in place (never copied). */
final class Corpus {
    final List<String> texts;
    final long utf8Bytes;
    final long chars;

    private Corpus(List<String> texts) {
        this.texts = List.copyOf(texts);
        long b = 0;
        long c = 0;
        for (String t : texts) {
            b += t.getBytes(StandardCharsets.UTF_8).length;
            c += t.length();
        }
        this.utf8Bytes = b;
        this.chars = c;
    }

    /** Reads {@code path}, resolved against the working directory, then against the repository root. */
    static Corpus load(String path) {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            Path fromRoot = Path.of("../..").resolve(path);
            if (Files.exists(fromRoot)) p = fromRoot;
        }
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode text = json.readTree(line).get("text");
                if (text != null && text.isTextual() && !text.asText().isEmpty()) texts.add(text.asText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus " + p.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (texts.isEmpty()) throw new IllegalArgumentException("corpus " + p.toAbsolutePath() + " has no \"text\" field");
        return new Corpus(texts);
    }
}

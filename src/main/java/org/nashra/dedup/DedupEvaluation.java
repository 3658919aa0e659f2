package org.nashra.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashra.config.DedupSettings;
import org.nashra.config.FileProblems;

/**
 * Clusters labelled items with {@link Clusterer} and scores the result pairwise against the
 * labels (items with one label are one story).
 */
public final class DedupEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A pair the clustering got wrong. */
    public record PairError(String kind, String a, String b) {}

    /** Scores, the predicted story of every item, and the wrong pairs. */
    public record Result(PairwiseScores scores, Map<String, Long> predicted, List<PairError> falsePositives,
                         List<PairError> falseNegatives) {}

    private DedupEvaluation() {}

    public static Result evaluate(List<BatchItem> items, Map<String, String> gold, DedupSettings settings,
                                  Instant fallbackPublished) {
        List<BatchItem> labelled = items.stream().filter(i -> gold.containsKey(i.id())).toList();
        if (labelled.size() != gold.size()) {
            List<String> missing = new ArrayList<>(gold.keySet());
            missing.removeAll(labelled.stream().map(BatchItem::id).toList());
            throw new IllegalArgumentException(missing.size() + " labelled ids have no item, e.g. " + missing.get(0));
        }
        Map<String, Long> predicted = Clusterer.cluster(labelled, settings, fallbackPublished);
        List<PairError> fp = new ArrayList<>();
        List<PairError> fn = new ArrayList<>();
        List<String> ids = new ArrayList<>(predicted.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i), b = ids.get(j);
                boolean p = predicted.get(a).equals(predicted.get(b));
                boolean g = gold.get(a).equals(gold.get(b));
                if (p && !g) fp.add(new PairError("false-positive", a, b));
                if (g && !p) fn.add(new PairError("false-negative", a, b));
            }
        }
        return new Result(PairwiseScores.of(gold, predicted), predicted, fp, fn);
    }

    /** Reads {@code id -> label} from a JSONL file whose lines hold {@code "id"} and {@code field}. */
    public static Map<String, String> readLabels(Path file, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) continue;
                JsonNode node = JSON.readTree(line);
                JsonNode id = node.get("id");
                JsonNode label = node.get(field);
                if (id == null || label == null || label.isNull()) {
                    throw new IllegalArgumentException(file + ":" + n + ": needs \"id\" and \"" + field + "\"");
                }
                if (out.put(id.asText(), label.asText()) != null) {
                    throw new IllegalArgumentException(file + ":" + n + ": id " + id.asText() + " labelled twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labels " + file + ": " + FileProblems.reason(file, e), e);
        }
        return out;
    }
}

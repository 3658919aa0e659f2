package org.nashra.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashra.config.DedupSettings;
import org.nashra.text.Plural;

/**
 * Clusters labelled items with {@link Clusterer} and scores the result pairwise against the
 * labels (items with one label are one story).
 */
public final class DedupEvaluation {

    /** A pair the clustering got wrong. */
    public record PairError(String kind, String a, String b) {}

    /** Scores, the predicted story of every item, and the wrong pairs. */
    /** @param adjudicatedPairs how many of the scored pairs took their gold answer from an adjudication */
    public record Result(PairwiseScores scores, Map<String, Long> predicted, List<PairError> falsePositives,
                         List<PairError> falseNegatives, int adjudicatedPairs) {}

    private DedupEvaluation() {}

    public static Result evaluate(List<BatchItem> items, Map<String, String> gold, DedupSettings settings,
                                  Instant fallbackPublished) {
        return evaluate(items, gold, Map.of(), settings, fallbackPublished);
    }

    /**
     * As {@link #evaluate(List, Map, DedupSettings, Instant)}, with some pairs' gold answer decided
     * apart from the cluster labels: a second reading found that two items the labels put apart are
     * one story, or the other way round. Cluster labels cannot say that of one pair without moving
     * an item's whole group, so the scores count pairs.
     *
     * @param adjudicated {@link #pairKey} of a pair to whether it is one story
     */
    public static Result evaluate(List<BatchItem> items, Map<String, String> gold, Map<String, Boolean> adjudicated,
                                  DedupSettings settings, Instant fallbackPublished) {
        List<BatchItem> labelled = items.stream().filter(i -> gold.containsKey(i.id())).toList();
        if (labelled.size() != gold.size()) {
            List<String> missing = new ArrayList<>(gold.keySet());
            missing.removeAll(labelled.stream().map(BatchItem::id).toList());
            throw new IllegalArgumentException(Plural.of(missing.size(), "labelled id") + " with no item: " + missing.get(0)
                    + (missing.size() > 1 ? ", …" : ""));
        }
        Map<String, Long> predicted = Clusterer.cluster(labelled, settings, fallbackPublished);
        Map<String, String> goldGroups = joinedByAdjudication(gold, adjudicated);
        List<PairError> fp = new ArrayList<>();
        List<PairError> fn = new ArrayList<>();
        List<String> ids = new ArrayList<>(predicted.keySet());
        long truePairs = 0, predictedPairs = 0, goldPairs = 0;
        int used = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                String a = ids.get(i), b = ids.get(j);
                boolean p = predicted.get(a).equals(predicted.get(b));
                Boolean decided = adjudicated.get(pairKey(a, b));
                if (decided != null) used++;
                boolean g = decided != null ? decided : goldGroups.get(a).equals(goldGroups.get(b));
                if (p) predictedPairs++;
                if (g) goldPairs++;
                if (p && g) truePairs++;
                if (p && !g) fp.add(new PairError("false-positive", a, b));
                if (g && !p) fn.add(new PairError("false-negative", a, b));
            }
        }
        PairwiseScores scores = adjudicated.isEmpty() ? PairwiseScores.of(gold, predicted)
                : new PairwiseScores(truePairs, predictedPairs, goldPairs, gold.size());
        return new Result(scores, predicted, fp, fn, used);
    }

    /**
     * The gold groups with every pair adjudicated one story joining its two items' groups: a copy
     * of one member of a group is a copy of the others (the label said they are one report). A pair
     * adjudicated apart stays a pair decision: a digest carries one report without being its copy.
     */
    static Map<String, String> joinedByAdjudication(Map<String, String> gold, Map<String, Boolean> adjudicated) {
        if (adjudicated.isEmpty()) return gold;
        Map<String, String> parent = new HashMap<>();
        for (String g : gold.values()) parent.put(g, g);
        List<String> ids = new ArrayList<>(gold.keySet());
        Map<String, String> byKey = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                if (Boolean.TRUE.equals(adjudicated.get(pairKey(ids.get(i), ids.get(j))))) {
                    parent.put(root(parent, gold.get(ids.get(i))), root(parent, gold.get(ids.get(j))));
                }
            }
        }
        for (String id : ids) byKey.put(id, root(parent, gold.get(id)));
        return byKey;
    }

    private static String root(Map<String, String> parent, String g) {
        while (!parent.get(g).equals(g)) g = parent.get(g);
        return g;
    }

    /** The key of an unordered pair in an adjudication map. */
    public static String pairKey(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "\u0000" + b : b + "\u0000" + a;
    }

    /**
     * Reads pair decisions from a JSONL file whose lines hold {@code "a"}, {@code "b"} and, where
     * the pair was decided at that level, a boolean {@code field}; lines without it are skipped.
     */
    public static Map<String, Boolean> readAdjudicated(Path file, String field) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        JsonLine.forEach(file, "adjudicated pairs", (n, node) -> {
            JsonNode a = node.get("a"), b = node.get("b"), decided = node.get(field);
            if (a == null || b == null) throw new IllegalArgumentException(file + ":" + n + ": needs \"a\" and \"b\"");
            if (decided == null || decided.isNull()) return;
            if (!decided.isBoolean()) {
                throw new IllegalArgumentException(file + ":" + n + ": \"" + field + "\" must be true or false, found " + decided);
            }
            Boolean before = out.put(pairKey(a.asText(), b.asText()), decided.asBoolean());
            if (before != null && before != decided.asBoolean()) {
                throw new IllegalArgumentException(file + ":" + n + ": pair " + a.asText() + " " + b.asText() + " decided both ways");
            }
        });
        return out;
    }

    /** Reads {@code id -> label} from a JSONL file whose lines hold {@code "id"} and {@code field}. */
    public static Map<String, String> readLabels(Path file, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonLine.forEach(file, "labels", (n, node) -> {
            JsonNode id = node.get("id");
            JsonNode label = node.get(field);
            if (id == null || label == null || label.isNull()) {
                throw new IllegalArgumentException(file + ":" + n + ": needs \"id\" and \"" + field + "\"");
            }
            if (out.put(id.asText(), label.asText()) != null) {
                throw new IllegalArgumentException(file + ":" + n + ": id " + id.asText() + " labelled twice");
            }
        });
        return out;
    }
}

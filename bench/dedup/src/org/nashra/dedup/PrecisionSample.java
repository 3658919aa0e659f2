package org.nashra.dedup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/**
 * Precision where no labels are: clusters the whole corpus as {@code RunEval} does, takes the
 * predicted pairs outside the labelled subset that rank first by a seeded hash (a stable sample:
 * the pairs a change adds or drops move in or out alone), and scores them against hand judgments
 * (ids and a verdict only). Pairs of the sample not yet judged are printed with their titles, to
 * be read and added to the judgments file.
 *
 * <pre>PrecisionSample ARTICLES LABELS JUDGMENTS SAMPLE_SIZE SEED [PAIRS_OUT]</pre>
 */
public final class PrecisionSample {
    public static void main(String[] args) throws IOException {
        List<BatchItem> items = BatchItems.read(Path.of(args[0]));
        Set<String> labelled = DedupEvaluation.readLabels(Path.of(args[1]), "copy").keySet();
        Map<String, Boolean> judged = judgments(Path.of(args[2]));
        int size = Integer.parseInt(args[3]);
        long seed = Long.parseLong(args[4]);

        List<NormalizedItem> normalized = new ArrayList<>();
        for (BatchItem b : items) normalized.add(b.normalize(Instant.EPOCH));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> normalized.get(i).published()).thenComparingInt(i -> i));
        Clusterer clusterer = new Clusterer(DedupSettings.DEFAULT);
        Map<Long, List<String>> stories = new LinkedHashMap<>();
        Map<String, BatchItem> byId = new HashMap<>();
        for (int i : order) {
            long story = clusterer.ingest(normalized.get(i)).storyId();
            stories.computeIfAbsent(story, k -> new ArrayList<>()).add(items.get(i).id());
            byId.put(items.get(i).id(), items.get(i));
        }
        List<String> pairs = new ArrayList<>();
        for (List<String> members : stories.values()) {
            for (int a = 0; a < members.size(); a++) {
                for (int b = a + 1; b < members.size(); b++) {
                    String x = members.get(a);
                    String y = members.get(b);
                    if (labelled.contains(x) && labelled.contains(y)) continue;
                    pairs.add(key(x, y));
                }
            }
        }
        if (args.length > 5) {
            // every predicted pair, one "a b" a line in id order: diff two runs to see what a change moved
            java.nio.file.Files.write(Path.of(args[5]), pairs.stream().sorted().toList());
        }
        // ranked by a seeded hash of the pair, not shuffled: a code change that adds or drops a
        // few pairs leaves the rest of the sample (and its judgments) where it was
        pairs.sort(Comparator.comparingLong((String p) -> rank(seed, p)).thenComparing(p -> p));
        List<String> sample = pairs.subList(0, Math.min(size, pairs.size()));
        int same = 0;
        int known = 0;
        List<String> unjudged = new ArrayList<>();
        for (String p : sample) {
            Boolean v = judged.get(p);
            if (v == null) {
                unjudged.add(p);
                continue;
            }
            known++;
            if (v) same++;
        }
        System.out.printf("%d predicted pairs outside the labelled subset; sample of %d (seed %d): %d judged, %d one story, "
                + "precision %.3f; %d not judged yet%n", pairs.size(), sample.size(), seed, known, same,
                known == 0 ? 0.0 : (double) same / known, unjudged.size());
        for (String p : unjudged) {
            String[] ids = p.split(" ");
            System.out.println("  " + p);
            for (String id : ids) {
                BatchItem b = byId.get(id);
                System.out.println("      " + b.source() + " | " + b.title() + " :: "
                        + b.text().substring(0, Math.min(200, b.text().length())).replace('\n', ' '));
            }
        }
    }

    private static long rank(long seed, String pair) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (int i = 0; i < pair.length(); i++) {
            h ^= pair.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
    }

    /** {"a","b","same"} lines. */
    private static Map<String, Boolean> judgments(Path file) throws IOException {
        Map<String, Boolean> out = new HashMap<>();
        if (!Files.exists(file)) return out;
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            String k = key(n.get("a").asText(), n.get("b").asText());
            if (!seen.add(k)) throw new IllegalArgumentException("pair judged twice: " + k);
            out.put(k, n.get("same").asBoolean());
        }
        return out;
    }
}

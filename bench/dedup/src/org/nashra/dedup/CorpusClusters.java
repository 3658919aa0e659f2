package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nashra.config.DedupSettings;
import org.nashra.text.NormalizedItem;

/** Prints the multi-member clusters of a JSONL file with sources and titles, for labelling. */
public final class CorpusClusters {
    public static void main(String[] args) {
        List<BatchItem> items = BatchItems.read(Path.of(args[0]));
        items.sort(java.util.Comparator.comparing(b -> b.published() == null ? Instant.EPOCH : b.published()));
        Clusterer c = new Clusterer(DedupSettings.DEFAULT);
        Map<Long, List<String>> stories = new LinkedHashMap<>();
        for (BatchItem b : items) {
            NormalizedItem n = b.normalize(Instant.parse("2015-07-22T00:00:00Z"));
            Clusterer.Assignment a = c.ingest(n);
            stories.computeIfAbsent(a.storyId(), k -> new ArrayList<>()).add(b.id() + "\t" + b.source() + "\t"
                    + a.decision().rule() + "\t" + String.format(java.util.Locale.ROOT, "%.2f", a.decision().score()) + "\t" + b.title());
        }
        int multi = 0;
        for (Map.Entry<Long, List<String>> e : stories.entrySet()) {
            if (e.getValue().size() < 2) continue;
            multi++;
            System.out.println("== story " + e.getKey() + " (" + e.getValue().size() + ")");
            for (String s : e.getValue()) System.out.println("   " + s);
        }
        System.err.println("stories=" + stories.size() + " multi=" + multi + " items=" + items.size());
    }
}

package org.nashra.dedup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.nashra.config.DedupSettings;

/** Explains pairs of corpus items by id: ExplainIds ARTICLES.jsonl ID_A ID_B [ID_A ID_B ...] */
public final class ExplainIds {
    public static void main(String[] args) {
        Map<String, BatchItem> byId = new HashMap<>();
        for (BatchItem b : BatchItems.read(Path.of(args[0]))) byId.put(b.id(), b);
        Explainer ex = new Explainer(DedupSettings.DEFAULT);
        for (int i = 1; i + 1 < args.length; i += 2) {
            System.out.println(args[i] + " ~ " + args[i + 1]);
            System.out.println(ex.explain(byId.get(args[i]).normalize(Instant.EPOCH), byId.get(args[i + 1]).normalize(Instant.EPOCH)).text());
        }
    }
}

package org.nashra.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.nashra.dedup.BatchItem;
import org.nashra.dedup.BatchItems;
import org.nashra.dedup.Explainer;
import org.nashra.dedup.Explanation;
import org.nashra.extract.RawItem;
import org.nashra.store.StoredItem;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.NormalizedItem;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nashra explain ITEM_A ITEM_B}: two stored item ids (explained with the configured dedup
 * settings, items normalized again as ingestion did), or two items as JSON objects (the batch
 * input shape, with --window and --threshold).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Say whether two items are one story, by which rule, with the similarity figures.")
public final class ExplainCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "ITEM_A", description = "a stored item id, or {\"id\",\"source\",\"url\",\"title\",\"text\",\"published\"}")
    String a;

    @Parameters(index = "1", paramLabel = "ITEM_B", description = "the same shape")
    String b;

    @Option(names = "--json", description = "print the explanation as JSON")
    boolean json;

    @Mixin
    DedupOptions dedupOptions;

    private final Clock clock;

    /** A stored item normalized again, as ingestion normalized it. */
    private static NormalizedItem stored(App app, long id) {
        StoredItem i = app.stories.item(id).orElseThrow(() -> new IllegalArgumentException("no stored item " + id));
        RawItem raw = new RawItem(i.sourceId(), i.url(), null, i.title(), i.contentHtml(), i.contentText(), null,
                i.published(), null, i.author(), i.image(), i.categories(), i.role(), i.parentUrl());
        NormalizedItem n = new ItemNormalizer().normalize(raw, ZoneOffset.UTC, i.fetchedAt());
        return new NormalizedItem(n.raw(), n.title(), n.text(), n.titleKey(), n.textKey(), i.canonicalUrl(),
                i.published(), i.agency(), n.warnings());
    }

    public ExplainCommand() {
        this(Clock.systemUTC());
    }

    public ExplainCommand(Clock clock) {
        this.clock = clock;
    }

    @ParentCommand Main main;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Explanation e;
        boolean idA = isId(a), idB = isId(b);
        if (idA && idB) {
            // stored item ids: explain with the service's own settings and database
            if (dedupOptions.given()) {
                throw new ParameterException(spec.commandLine(), "--window and --threshold apply to JSON items;"
                        + " stored items are explained with the dedup settings of feeds.yml, as they were decided");
            }
            try (App app = main.openExisting()) {
                e = new Explainer(app.feeds().dedup()).explain(stored(app, Long.parseLong(a.strip())),
                        stored(app, Long.parseLong(b.strip())));
            }
        } else {
            BatchItem itemA = idA ? null : jsonItem("ITEM_A", a);
            BatchItem itemB = idB ? null : jsonItem("ITEM_B", b);
            if (idA || idB) {
                throw new IllegalArgumentException("give two stored item ids or two JSON items, not one of each: "
                        + (idA ? "ITEM_A '" + a : "ITEM_B '" + b) + "' is an id");
            }
            Explainer explainer = new Explainer(dedupOptions.settings());
            e = explainer.explain(itemA.normalize(clock.instant()), itemB.normalize(clock.instant()));
        }
        System.out.println(json ? JSON.writeValueAsString(e) : e.text());
        return 0;
    }

    private static boolean isId(String arg) {
        return arg.strip().matches("\\d+");
    }

    /** The argument as a batch item; what is wrong is said in terms of the arguments, not the JSON parser's. */
    private static BatchItem jsonItem(String label, String arg) {
        JsonNode node;
        try {
            node = JSON.readTree(arg);
        } catch (JsonProcessingException ex) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(label + " '" + arg + "' is neither a stored item id (a number) nor a JSON item "
                    + "such as {\"id\":\"a\",\"title\":\"...\",\"text\":\"...\",\"published\":\"2025-03-04T08:00:00Z\"}");
        }
        try {
            return BatchItems.parse(node);
        } catch (IllegalArgumentException | DateTimeParseException ex) {
            throw new IllegalArgumentException(label + " is not a batch item: " + ex.getMessage(), ex);
        }
    }
}

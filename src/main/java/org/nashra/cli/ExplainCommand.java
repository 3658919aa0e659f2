package org.nashra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.nashra.config.DedupSettings;
import org.nashra.dedup.BatchItems;
import org.nashra.dedup.Explainer;
import org.nashra.dedup.Explanation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nashra explain ITEM_A ITEM_B} for two items given as JSON objects on the command line
 * (the batch input shape). The lead's database-backed variant looks items up by id and calls the
 * same {@link Explainer}.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Say whether two items are one story, by which rule, with the similarity figures.")
public final class ExplainCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", paramLabel = "ITEM_A", description = "{\"id\",\"source\",\"url\",\"title\",\"text\",\"published\"}")
    String a;

    @Parameters(index = "1", paramLabel = "ITEM_B", description = "the same shape")
    String b;

    @Option(names = "--json", description = "print the explanation as JSON")
    boolean json;

    @Option(names = "--window", defaultValue = "PT72H", description = "dedup window, ISO-8601 (default: ${DEFAULT-VALUE})")
    Duration window;

    @Option(names = "--threshold", defaultValue = "0.5", description = "similarity threshold (default: ${DEFAULT-VALUE})")
    double threshold;

    private final Clock clock;

    public ExplainCommand() {
        this(Clock.systemUTC());
    }

    public ExplainCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Explainer explainer = new Explainer(new DedupSettings(window, threshold));
        Explanation e = explainer.explain(BatchItems.parse(JSON.readTree(a)).normalize(clock.instant()),
                BatchItems.parse(JSON.readTree(b)).normalize(clock.instant()));
        System.out.println(json ? JSON.writeValueAsString(e) : e.text());
        return 0;
    }
}

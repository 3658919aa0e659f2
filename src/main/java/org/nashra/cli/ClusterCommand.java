package org.nashra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nashra.config.FileProblems;
import org.nashra.dedup.BatchItem;
import org.nashra.dedup.BatchItems;
import org.nashra.dedup.Clusterer;
import org.nashra.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nashra cluster IN.jsonl [--out OUT.jsonl]}: batch dedup through the service's code path.
 * In: one {@code {"id","source","url","title","text","published"}} a line. Out: one
 * {@code {"id","story"}} a line, in input order. An id that repeats an earlier line's is an
 * error naming both lines: the output has one line an id.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "Group items into stories: {\"id\",\"source\",\"url\",\"title\",\"text\",\"published\"} lines in, {\"id\",\"story\"} lines out.")
public final class ClusterCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Writer open() throws IOException {
        if (out == null) return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try {
            return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + FileProblems.writeReason(out, e), e);
        }
    }

    @Parameters(index = "0", paramLabel = "IN.jsonl", description = "items, one JSON object a line, each with an id of its own")
    Path in;

    @Option(names = "--out", paramLabel = "OUT.jsonl", description = "where to write {\"id\",\"story\"} lines (default: stdout)")
    Path out;

    @Mixin
    DedupOptions dedupOptions;

    private final Clock clock;

    public ClusterCommand() {
        this(Clock.systemUTC());
    }

    /** @param clock stands in for the publication time of items that give none */
    public ClusterCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        List<BatchItem> items = BatchItems.read(in);
        Map<String, Long> stories = Clusterer.cluster(items, dedupOptions.settings(), clock.instant());
        try (Writer w = open()) {
            for (Map.Entry<String, Long> e : stories.entrySet()) {
                ObjectNode line = JSON.createObjectNode();
                line.put("id", e.getKey());
                line.put("story", e.getValue());
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        long distinct = stories.values().stream().distinct().count();
        System.err.println(Plural.of(stories.size(), "item") + ", " + Plural.of(distinct, "story", "stories"));
        return 0;
    }
}

package org.nashra.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.nashra.config.FileProblems;
import org.nashra.extract.Extraction;
import org.nashra.extract.ExtractionException;
import org.nashra.extract.FeedParser;
import org.nashra.fetch.CharsetResolver;
import org.nashra.extract.RawItem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nashra parse FEED_FILE [--json] [--base URL]}: what the feed parser makes of a file. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse an RSS, Atom or JSON Feed file and print its items (exit 1 when it is not a readable feed).")
public final class ParseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FEED_FILE", description = "the feed file (encoding from its BOM or XML declaration, else UTF-8)")
    Path file;

    @Option(names = "--json", description = "print one JSON object: title, items, warnings")
    boolean json;

    @Option(names = "--base", paramLabel = "URL", description = "the URL the feed was fetched from, for relative links")
    URI base;

    @Override
    public Integer call() throws IOException {
        // UTF-8 whatever the platform's default: the output is Arabic and often piped.
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            System.err.println("nashra parse: cannot read " + file + ": " + FileProblems.reason(file, e));
            return 2;
        }
        Extraction extraction;
        try {
            extraction = FeedParser.parse(sourceId(), new CharsetResolver().decode(bytes, null), base);
        } catch (ExtractionException e) {
            System.err.println("nashra parse: " + file + ": " + e.getMessage());
            return 1;
        }
        if (json) {
            out.println(toJson(extraction));
        } else {
            printText(out, extraction);
        }
        out.flush();
        return 0;
    }

    private String sourceId() {
        Path name = file.getFileName();
        return name == null ? "file" : name.toString();
    }

    static String toJson(Extraction extraction) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("title", extraction.title());
        ArrayNode items = root.putArray("items");
        for (RawItem item : extraction.items()) {
            ObjectNode node = items.addObject();
            node.put("guid", item.guid());
            node.put("url", item.url());
            node.put("title", item.title());
            node.put("text", item.text());
            node.put("html", item.html());
            node.put("published", iso(item.published()));
            node.put("publishedRaw", item.publishedRaw());
            node.put("updated", iso(item.updated()));
            node.put("author", item.author());
            node.put("image", item.image());
            ArrayNode categories = node.putArray("categories");
            item.categories().forEach(categories::add);
        }
        ArrayNode warnings = root.putArray("warnings");
        extraction.warnings().forEach(warnings::add);
        return mapper.writeValueAsString(root);
    }

    private static void printText(PrintStream out, Extraction extraction) {
        out.println("feed: " + extraction.title());
        if (extraction.ttl() != null) {
            out.println("ttl: " + extraction.ttl().toMinutes() + " min");
        }
        if (!extraction.skipHours().isEmpty()) {
            out.println("skipHours: " + extraction.skipHours());
        }
        out.println(extraction.items().size() + " items");
        int n = 0;
        for (RawItem item : extraction.items()) {
            out.println();
            out.println("[" + (++n) + "] " + item.title());
            out.println("    url:       " + item.url());
            if (!item.guid().equals(item.url())) {
                out.println("    guid:      " + item.guid());
            }
            out.println("    published: " + (item.published() != null ? iso(item.published())
                    : item.publishedRaw() != null ? "(unparsed) " + item.publishedRaw() : "-"));
            if (item.author() != null) {
                out.println("    author:    " + item.author());
            }
            if (item.image() != null) {
                out.println("    image:     " + item.image());
            }
            if (!item.categories().isEmpty()) {
                out.println("    categories: " + String.join(", ", item.categories()));
            }
            String text = item.text().replace('\n', ' ');
            out.println("    text:      " + (text.length() > 160 ? text.substring(0, 160) + "…" : text));
        }
        if (!extraction.warnings().isEmpty()) {
            out.println();
            out.println("warnings:");
            extraction.warnings().forEach(w -> out.println("  - " + w));
        }
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

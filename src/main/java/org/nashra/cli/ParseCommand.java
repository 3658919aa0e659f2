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
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nashra.config.FileProblems;
import org.nashra.extract.Extraction;
import org.nashra.extract.ExtractionException;
import org.nashra.extract.FeedParser;
import org.nashra.fetch.CharsetResolver;
import org.nashra.extract.RawItem;
import org.nashra.text.DateParser;
import org.nashra.text.DatePrecision;
import org.nashra.text.ItemNormalizer;
import org.nashra.text.NormalizedItem;
import org.nashra.text.ParsedDate;
import org.nashra.text.Plural;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code nashra parse FEED_FILE [--json] [--base URL] [--tz ZONE] [--now ISO]}: what the feed parser makes
 * of a file, with each item's date read as the service reads it (the text stage's {@link ItemNormalizer}).
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse an RSS, Atom or JSON Feed file and print its items, dates read as the service reads them"
                + " (exit 1 when it is not a readable feed).")
public final class ParseCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FEED_FILE", description = "the feed file (encoding from its BOM or XML declaration, else UTF-8)")
    Path file;

    @Option(names = "--json", description = "print one JSON object: title, items, warnings")
    boolean json;

    @Option(names = "--base", paramLabel = "URL", description = "the URL the feed was fetched from, for relative links")
    URI base;

    @Mixin
    DateOptions dateOptions;

    private final InstantSource clock;
    private final ItemNormalizer normalizer = new ItemNormalizer();
    private final DateParser dates = new DateParser();

    public ParseCommand() {
        this(InstantSource.system());
    }

    ParseCommand(InstantSource clock) {
        this.clock = clock;
    }

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
        DateOptions.Context at = dateOptions.read("parse", System.err, clock);
        if (at == null) return 2;
        Extraction extraction;
        try {
            extraction = FeedParser.parse(sourceId(), new CharsetResolver().decode(bytes, null), base);
        } catch (ExtractionException e) {
            System.err.println("nashra parse: " + file + ": " + e.getMessage());
            return 1;
        }
        List<Dated> items = extraction.items().stream().map(i -> dated(i, at.zone(), at.now())).toList();
        if (json) {
            out.println(toJson(extraction, items));
        } else {
            printText(out, extraction, items);
        }
        out.flush();
        return 0;
    }

    /**
     * An item with its date as the service takes it: the normalized item's, absent when the service would
     * fall back on the fetch time; {@code note} is what the date parser had to assume ("no zone, used UTC").
     */
    record Dated(RawItem item, NormalizedItem normalized, Instant published, String note) {}

    private Dated dated(RawItem item, ZoneId z, Instant fetchedAt) {
        NormalizedItem n = normalizer.normalize(item, z, fetchedAt);
        Instant published = n.datePrecision() == DatePrecision.NONE ? null : n.published();
        // what the feed's own date format said needs no note; text the service parsed itself may have needed assumptions
        String note = item.published() == null && published != null && item.publishedRaw() != null
                ? dates.parse(item.publishedRaw(), z, fetchedAt).map(ParsedDate::note).orElse("") : "";
        return new Dated(item, n, published, note);
    }

    private String sourceId() {
        Path name = file.getFileName();
        return name == null ? "file" : name.toString();
    }

    static String toJson(Extraction extraction, List<Dated> dated) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("title", extraction.title());
        ArrayNode items = root.putArray("items");
        for (Dated d : dated) {
            RawItem item = d.item();
            ObjectNode node = items.addObject();
            node.put("guid", item.guid());
            node.put("url", item.url());
            node.put("title", item.title());
            node.put("text", item.text());
            node.put("html", item.html());
            node.put("published", iso(d.published()));
            node.put("publishedRaw", item.publishedRaw());
            node.put("datePrecision", d.normalized().datePrecision().wire());
            node.put("dateNote", d.note());
            node.put("updated", iso(item.updated()));
            node.put("author", item.author());
            node.put("image", item.image());
            ArrayNode categories = node.putArray("categories");
            item.categories().forEach(categories::add);
            ArrayNode notes = node.putArray("notes");
            d.normalized().warnings().forEach(notes::add);
        }
        ArrayNode warnings = root.putArray("warnings");
        extraction.warnings().forEach(warnings::add);
        return mapper.writeValueAsString(root);
    }

    private static void printText(PrintStream out, Extraction extraction, List<Dated> dated) {
        out.println("feed: " + extraction.title());
        if (extraction.ttl() != null) {
            out.println("ttl: " + extraction.ttl().toMinutes() + " min");
        }
        if (!extraction.skipHours().isEmpty()) {
            out.println("skipHours: " + extraction.skipHours());
        }
        out.println(Plural.of(dated.size(), "item"));
        int n = 0;
        for (Dated d : dated) {
            RawItem item = d.item();
            out.println();
            out.println("[" + (++n) + "] " + item.title());
            out.println("    url:       " + item.url());
            if (!item.guid().equals(item.url())) {
                out.println("    guid:      " + item.guid());
            }
            out.println("    published: " + published(d));
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
            d.normalized().warnings().forEach(w -> out.println("    note:      " + w));
        }
        if (!extraction.warnings().isEmpty()) {
            out.println();
            out.println("warnings:");
            extraction.warnings().forEach(w -> out.println("  - " + w));
        }
    }

    /** "2026-11-29T07:15:00Z (written "الأحد، 29 تشرين الثاني 2026 10:15"; no zone, used Asia/Baghdad)". */
    private static String published(Dated d) {
        String raw = d.item().publishedRaw();
        if (d.published() == null) return raw == null || raw.isBlank() ? "-" : "(unparsed) " + raw.strip();
        List<String> about = new ArrayList<>();
        if (raw != null && !raw.isBlank() && !raw.strip().equals(d.published().toString())) about.add("written \"" + raw.strip() + "\"");
        if (d.normalized().datePrecision() == DatePrecision.DAY) about.add("a day, no time of day");
        if (!d.note().isEmpty()) about.add(d.note());
        return iso(d.published()) + (about.isEmpty() ? "" : " (" + String.join("; ", about) + ")");
    }

    private static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}

package org.nashra.text.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.nashra.text.Agencies;
import org.nashra.text.ArabicText;
import org.nashra.text.DateParser;
import org.nashra.text.ParsedDate;

/**
 * {@code java -cp text-bench.jar org.nashra.text.bench.TextCorpusCheck [CORPUS.jsonl]}: runs the
 * text stage over a real corpus and counts what it gets right, without printing its text:
 * pubDate strings against the dataset's own UTC conversion, crawl times, agency credits per
 * outlet, and Arabic letters kept by the display form.
 */
public final class TextCorpusCheck {
    private TextCorpusCheck() {}

    public static void main(String[] args) throws Exception {
        Path p = Path.of(args.length > 0 ? args[0] : "../shared/corpus/articles.jsonl");
        if (!Files.exists(p)) p = Path.of("../..").resolve(p);
        ObjectMapper json = new ObjectMapper();
        DateParser dates = new DateParser();
        ZoneId riyadh = ZoneId.of("Asia/Riyadh");
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        int pub = 0, pubOk = 0, pubBad = 0, ext = 0, extOk = 0, texts = 0, lettersKept = 0;
        Map<String, int[]> agencies = new TreeMap<>();
        Map<String, Integer> agencyNames = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                String raw = text(n, "published_raw");
                if (raw != null) {
                    pub++;
                    Optional<ParsedDate> d = dates.parse(raw, riyadh, now);
                    if (d.isPresent() && d.get().instant().equals(Instant.parse(n.get("published").asText()))) pubOk++;
                    else if (pubBad++ < 5) System.out.println("pubDate mismatch: " + raw + " -> " + d);
                }
                String crawled = text(n, "extracted");
                if (crawled != null) {
                    ext++;
                    if (dates.parse(crawled, riyadh, now).isPresent()) extOk++;
                }
                String body = text(n, "text");
                if (body == null) continue;
                texts++;
                String nfkc = Normalizer.normalize(body, Normalizer.Form.NFKC);
                if (arabicLetters(ArabicText.display(body)).equals(arabicLetters(nfkc))) lettersKept++;
                String source = n.get("source").asText();
                int[] count = agencies.computeIfAbsent(source, k -> new int[2]);
                count[0]++;
                Optional<String> a = Agencies.detect(body);
                if (a.isPresent()) {
                    count[1]++;
                    agencyNames.merge(a.get(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("pubDate: %d/%d parse to the dataset's UTC instant%n", pubOk, pub);
        System.out.printf("crawl times (no zone): %d/%d parse%n", extOk, ext);
        System.out.printf("display keeps every Arabic letter (compared with NFKC): %d/%d texts%n", lettersKept, texts);
        System.out.println("agency credit found, per outlet (found/texts):");
        agencies.forEach((k, v) -> System.out.printf("  %-14s %4d/%d%n", k, v[1], v[0]));
        System.out.println("agencies: " + agencyNames);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
    }

    private static String arabicLetters(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC && Character.isLetter(c))
                .forEach(b::appendCodePoint);
        return b.toString();
    }
}

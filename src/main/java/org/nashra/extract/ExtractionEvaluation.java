package org.nashra.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;
import org.nashra.text.ArabicText;

/**
 * Scores automatic extraction against pages with known answers. A folder holds {@code NAME.html}
 * and {@code NAME.json} pairs; the JSON gives {@code url}, {@code source}, {@code source_name},
 * and either {@code title}, {@code body} (paragraphs joined by "\n"), {@code date} (ISO-8601 or
 * null) and {@code other} (other-news titles), or {@code listing: true} with {@code items}
 * (listed headlines). Body words are compared as multisets of matching-key tokens, micro-averaged.
 */
public final class ExtractionEvaluation {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractionEvaluation() {}

    /** The figures for one folder. */
    public record Report(int pages, int articles, int listings, double precision, double recall, double f1,
                         double titleExact, double dateExact, double otherExact, double listingExact,
                         List<String> misses) {
        public Report {
            misses = List.copyOf(misses);
        }

        public String summary() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "pages %d (articles %d, listings %d)%n", pages, articles, listings));
            b.append(String.format(Locale.ROOT, "body words: precision %.4f recall %.4f F1 %.4f%n", precision, recall, f1));
            b.append(String.format(Locale.ROOT, "title exact %.4f, date exact %.4f, other-news titles exact %.4f, listing exact %.4f%n",
                    titleExact, dateExact, otherExact, listingExact));
            for (String m : misses) b.append("  miss: ").append(m).append('\n');
            return b.toString();
        }
    }

    /** Evaluates every page of the folder and prints the summary to standard output. */
    public static Report run(Path folder) {
        Report r = evaluate(folder);
        System.out.print(r.summary());
        return r;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ExtractionEvaluation FOLDER");
            System.exit(2);
        }
        run(Path.of(args[0]));
    }

    static Report evaluate(Path folder) {
        List<Path> pages;
        try (Stream<Path> s = Files.list(folder)) {
            pages = s.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list evaluation folder " + folder, e);
        }
        long tp = 0;
        long extracted = 0;
        long expected = 0;
        int articles = 0;
        int listings = 0;
        int titleOk = 0;
        int dateOk = 0;
        int otherOk = 0;
        int listingOk = 0;
        List<String> misses = new ArrayList<>();
        for (Path page : pages) {
            String name = page.getFileName().toString().replaceFirst("\\.html$", "");
            JsonNode want;
            String html;
            try {
                want = JSON.readTree(page.resolveSibling(name + ".json").toFile());
                html = Files.readString(page, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read evaluation page " + page, e);
            }
            URI url = URI.create(want.path("url").asText());
            SourceConfig base = SourceConfig.of(want.path("source").asText("eval"), URI.create(url.getScheme() + "://" + url.getHost() + "/"), SourceType.HTML);
            SourceConfig source = new SourceConfig(base.id(), want.path("source_name").asText(null), base.url(),
                    base.type(), List.of(), 0, base.interval(), null, null, null, "ar", true, null, true, null, null,
                    List.of(), List.of());
            Extraction got = new PageExtractor(source).extract(html, url);
            if (want.path("listing").asBoolean(false)) {
                listings++;
                List<String> wantTitles = strings(want.path("items"));
                List<String> gotTitles = got.listing() ? got.items().stream().map(RawItem::title).toList() : List.of();
                if (gotTitles.equals(wantTitles)) listingOk++;
                else misses.add(name + ": listing " + gotTitles + " != " + wantTitles);
                continue;
            }
            articles++;
            RawItem main = got.items().stream().filter(i -> i.role() == Role.MAIN).findFirst().orElse(null);
            if (got.listing() || main == null) {
                misses.add(name + ": no article (listing=" + got.listing() + ")");
                expected += ArabicText.tokens(want.path("body").asText()).size();
                continue;
            }
            List<String> wantWords = ArabicText.tokens(want.path("body").asText());
            List<String> gotWords = ArabicText.tokens(main.text());
            long overlap = overlap(wantWords, gotWords);
            tp += overlap;
            extracted += gotWords.size();
            expected += wantWords.size();
            if (overlap < wantWords.size() || overlap < gotWords.size()) {
                misses.add(String.format(Locale.ROOT, "%s: body %d/%d words found, %d extra", name, overlap,
                        wantWords.size(), gotWords.size() - overlap));
            }
            String wantTitle = ArabicText.display(want.path("title").asText());
            if (wantTitle.equals(main.title())) titleOk++;
            else misses.add(name + ": title '" + main.title() + "' != '" + wantTitle + "'");
            Instant wantDate = want.path("date").isNull() || want.path("date").isMissingNode()
                    ? null : Instant.parse(want.path("date").asText());
            if (java.util.Objects.equals(wantDate, main.published())) dateOk++;
            else misses.add(name + ": date " + main.published() + " (raw " + main.publishedRaw() + ") != " + wantDate);
            List<String> wantOther = strings(want.path("other"));
            List<String> gotOther = got.items().stream().filter(i -> i.role() == Role.OTHER).map(RawItem::title).toList();
            if (gotOther.equals(wantOther)) otherOk++;
            else misses.add(name + ": other " + gotOther + " != " + wantOther);
        }
        double p = extracted == 0 ? 0 : (double) tp / extracted;
        double r = expected == 0 ? 0 : (double) tp / expected;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new Report(pages.size(), articles, listings, p, r, f1, rate(titleOk, articles), rate(dateOk, articles),
                rate(otherOk, articles), rate(listingOk, listings), misses);
    }

    private static double rate(int ok, int n) {
        return n == 0 ? 1 : (double) ok / n;
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : arr) out.add(ArabicText.display(n.asText()));
        return out;
    }

    private static long overlap(List<String> a, List<String> b) {
        Map<String, Integer> counts = new HashMap<>();
        for (String w : a) counts.merge(w, 1, Integer::sum);
        long n = 0;
        for (String w : b) {
            Integer c = counts.get(w);
            if (c != null && c > 0) {
                n++;
                counts.put(w, c - 1);
            }
        }
        return n;
    }
}

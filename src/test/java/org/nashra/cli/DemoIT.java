package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;
import org.xml.sax.InputSource;

/** What a newcomer sees: the demo serves a valid Arabic Atom feed with entries from several outlets. */
class DemoIT {
    @TempDir Path dir;

    @Test
    void demoPublishesValidAtomFromSeveralOutletsWithinTwoMinutes() throws Exception {
        try (DemoCommand.Running demo = DemoCommand.start(0,
                ConfigLoader.loadSettings(Path.of("config/nashra.yml"), dir.resolve("demo")), dir.resolve("demo"))) {
            HttpClient http = HttpClient.newHttpClient();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            String atom = "";
            Set<String> outlets = Set.of();
            while (Instant.now().isBefore(deadline)) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(demo.feedUrl("all", "atom")).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                atom = r.body();
                outlets = outletsIn(atom, demo.outlets().baseUrl());
                if (r.statusCode() == 200 && outlets.size() >= 3) break;
                Thread.sleep(1000);
            }
            assertThat(outlets).as("outlets with entries in %s", atom).hasSizeGreaterThanOrEqualTo(3);
            assertThat(atom).contains("xml:lang=\"ar\"");
            assertThat(atom).containsPattern("<title[^>]*>[^<]*[\\u0621-\\u064A]{3,}");

            ValidationDriver driver = new ValidationDriver(CompactSchemaReader.getInstance());
            InputSource schema = new InputSource(getClass().getResource("/schemas/atom.rnc").toString());
            assertThat(driver.loadSchema(schema)).isTrue();
            InputSource doc = new InputSource(new ByteArrayInputStream(atom.getBytes(StandardCharsets.UTF_8)));
            assertThat(driver.validate(doc)).as("Atom validates against RFC 4287's schema").isTrue();

            // the passes behind those entries are counted, and every metric says what it counts
            String metrics = http.send(HttpRequest.newBuilder(demo.feedUrl("all", "atom").resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            assertThat(metrics).contains("# HELP nashra_passes_total refresh passes of a source")
                    .contains("nashra_passes_total{source=\"rafidain\"");
            assertThat(metrics.lines().filter(l -> l.startsWith("# HELP nashra_")))
                    .allSatisfy(l -> assertThat(l.split(" ", 4)).as(l).hasSize(4).satisfies(f -> assertThat(f[3]).isNotBlank()));
        }
    }

    /** The first path segment of every entry link under the outlets' server: one per outlet. */
    static Set<String> outletsIn(String atom, String outletsBase) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("<link[^>]*href=\"" + Pattern.quote(outletsBase) + "/([^/\"]+)/").matcher(atom);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class BoilerplateLearnerTest {
    private static final String FOOTER_LINE = "جميع المواد المنشورة تعبر عن رأي كتابها ولا تعبر بالضرورة عن رأي الموقع";

    @Test
    void aLineOnThreeDistinctPagesBecomesBoilerplate() {
        BoilerplateLearner l = new BoilerplateLearner();
        l.observe("s", "https://s/1", List.of(FOOTER_LINE, "خبر أول"));
        l.observe("s", "https://s/2", List.of(FOOTER_LINE, "خبر ثان"));
        assertThat(l.isBoilerplate("s", FOOTER_LINE)).isFalse();
        l.observe("s", "https://s/3", List.of(FOOTER_LINE, "خبر ثالث"));
        assertThat(l.isBoilerplate("s", FOOTER_LINE)).isTrue();
        assertThat(l.isBoilerplate("s", "خبر أول")).isFalse();
    }

    @Test
    void theSamePageSeenAgainDoesNotCount() {
        BoilerplateLearner l = new BoilerplateLearner();
        for (int i = 0; i < 5; i++) l.observe("s", "https://s/1", List.of(FOOTER_LINE));
        assertThat(l.pagesSeen("s")).isEqualTo(1);
        assertThat(l.isBoilerplate("s", FOOTER_LINE)).isFalse();
    }

    @Test
    void linesAreLearnedPerSourceAndMatchedIgnoringDiacriticsAndSpacing() {
        BoilerplateLearner l = new BoilerplateLearner();
        for (int i = 0; i < 3; i++) l.observe("a", "https://a/" + i, List.of(FOOTER_LINE));
        assertThat(l.isBoilerplate("b", FOOTER_LINE)).isFalse();
        assertThat(l.isBoilerplate("a", "جميعُ  المواد المنشورة تعبر عن رأي كتابها ولا تعبر بالضرورة عن رأي الموقع")).isTrue();
    }

    @Test
    void aLineOnFewOfManyPagesIsNotBoilerplate() {
        BoilerplateLearner l = new BoilerplateLearner(3, 0.3);
        for (int i = 0; i < 20; i++) {
            l.observe("s", "https://s/" + i, i < 3 ? List.of("بغداد - مراسلنا", "نص " + i) : List.of("نص " + i));
        }
        assertThat(l.isBoilerplate("s", "بغداد - مراسلنا")).isFalse(); // 3 of 20 pages
    }

    @Test
    void exportAndRestoreRoundTripThroughJson() throws Exception {
        BoilerplateLearner l = new BoilerplateLearner();
        for (int i = 0; i < 3; i++) l.observe("s", "https://s/" + i, List.of(FOOTER_LINE));
        ObjectMapper json = new ObjectMapper();
        String saved = json.writeValueAsString(l.export());
        BoilerplateLearner restored = new BoilerplateLearner();
        restored.restore(json.readValue(saved, BoilerplateLearner.Snapshot.class));
        assertThat(restored.isBoilerplate("s", FOOTER_LINE)).isTrue();
        assertThat(restored.pagesSeen("s")).isEqualTo(3);
        restored.observe("s", "https://s/0", List.of(FOOTER_LINE)); // known page: not counted again
        assertThat(restored.pagesSeen("s")).isEqualTo(3);
    }

    @Test
    void concurrentObservationsAreAllCounted() throws Exception {
        BoilerplateLearner l = new BoilerplateLearner();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 400; i++) {
            int n = i;
            pool.submit(() -> l.observe("s", "https://s/" + n, List.of(FOOTER_LINE, "نص " + n)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(l.pagesSeen("s")).isEqualTo(400);
        assertThat(l.isBoilerplate("s", FOOTER_LINE)).isTrue();
    }

    @Test
    void rejectsThresholdsThatWouldLearnFromOnePage() {
        assertThatThrownBy(() -> new BoilerplateLearner(1, 0.5)).hasMessageContaining("minPages");
        assertThatThrownBy(() -> new BoilerplateLearner(3, 0)).hasMessageContaining("minFraction");
    }

    @Test
    void anExtractorDropsLinesRepeatedAcrossAnOutletsPages() {
        URI base = URI.create("https://outlet.example/");
        PageExtractor extractor = new PageExtractor(SourceConfig.of("outlet", base, SourceType.HTML));
        List<Extraction> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String html = "<html><body><article><h1>عنوان الخبر رقم " + i + "</h1><div class=\"entry-content\">"
                    + "<p>افتتحت المحافظة مشروعا جديدا في الحي رقم " + i + "، وقال المسؤولون إن العمل استمر عاما كاملا، "
                    + "وإن المشروع سيخدم آلاف السكان في المنطقة والمناطق المجاورة لها.</p>"
                    + "<p>" + FOOTER_LINE + "</p></div></article></body></html>";
            results.add(extractor.extractArticle(html, base.resolve("/n/" + i)));
        }
        assertThat(results.get(0).items().get(0).text()).contains(FOOTER_LINE);
        assertThat(results.get(2).items().get(0).text()).doesNotContain(FOOTER_LINE);
        assertThat(results.get(3).removed()).contains(FOOTER_LINE);
    }
}

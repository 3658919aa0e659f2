package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.DedupSettings;

/** Scoring a clustering against cluster labels, and against pairs a second reading decided. */
class DedupEvaluationTest {
    private static final String WIRE = "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة جدة بسعة ثلاثمائة سرير "
            + "ويضم المستشفى أقساما للطوارئ والعناية المركزة وجراحة القلب والأطفال وقال الوزير إن المشروع يخدم سكان المنطقة";
    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    /** a, b and c carry one wire text and cluster together; d is other news. */
    private static final List<BatchItem> ITEMS = List.of(
            new BatchItem("a", "okaz", "https://okaz.example/a", "افتتاح مستشفى جديد في جدة", WIRE, AT, null, null),
            new BatchItem("b", "sabq", "https://sabq.example/b", "افتتاح مستشفى جديد في جدة", WIRE, AT, null, null),
            new BatchItem("c", "alyaum", "https://alyaum.example/c", "افتتاح مستشفى جديد في جدة", WIRE, AT, null, null),
            new BatchItem("d", "alyaum", "https://alyaum.example/d", "أمطار غزيرة على مرتفعات عسير",
                    "توقعت الأرصاد هطول أمطار رعدية غزيرة على مرتفعات منطقة عسير والباحة مع رياح نشطة تثير الأتربة وتحد من مدى الرؤية الأفقية",
                    AT, null, null));
    /** The labels put c apart from a and b. */
    private static final Map<String, String> LABELS = Map.of("a", "g1", "b", "g1", "c", "g2", "d", "g3");

    @Test
    void withoutAdjudicationTheLabelsDecide() {
        DedupEvaluation.Result r = DedupEvaluation.evaluate(ITEMS, LABELS, DedupSettings.DEFAULT, Instant.EPOCH);
        assertThat(r.scores().predictedPairs()).isEqualTo(3);
        assertThat(r.scores().goldPairs()).isEqualTo(1);
        assertThat(r.scores().truePositives()).isEqualTo(1);
        assertThat(r.adjudicatedPairs()).isZero();
    }

    @Test
    void aLabelWithoutItsItemIsNamedAndCountedInTheSingular() {
        Map<String, String> labels = new HashMap<>(LABELS);
        labels.put("z", "g4");
        assertThatThrownBy(() -> DedupEvaluation.evaluate(ITEMS, labels, DedupSettings.DEFAULT, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 labelled id with no item: z");
    }

    @Test
    void aPairAdjudicatedOneStoryJoinsBothLabelGroups() {
        // a ~ c decided one story: b, labelled a's copy, is then c's copy too
        Map<String, Boolean> decided = Map.of(DedupEvaluation.pairKey("c", "a"), true);
        DedupEvaluation.Result r = DedupEvaluation.evaluate(ITEMS, LABELS, decided, DedupSettings.DEFAULT, Instant.EPOCH);
        assertThat(r.scores().goldPairs()).isEqualTo(3);
        assertThat(r.scores().truePositives()).isEqualTo(3);
        assertThat(r.falsePositives()).isEmpty();
        assertThat(r.adjudicatedPairs()).isEqualTo(1);
    }

    @Test
    void aPairAdjudicatedApartIsDecidedAloneAndTheRestOfItsGroupsStay() {
        Map<String, Boolean> decided = Map.of(DedupEvaluation.pairKey("a", "b"), false);
        DedupEvaluation.Result r = DedupEvaluation.evaluate(ITEMS, LABELS, decided, DedupSettings.DEFAULT, Instant.EPOCH);
        assertThat(r.scores().goldPairs()).isZero();
        assertThat(r.falsePositives()).extracting(DedupEvaluation.PairError::a, DedupEvaluation.PairError::b)
                .hasSize(3);
    }

    @Test
    void adjudicationFilesAreReadPerLevelAndContradictionsRefused(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pairs.jsonl");
        Files.writeString(file, """
                {"a":"a","b":"c","copy":true,"event":true}
                {"a":"a","b":"d","copy":false}
                """);
        assertThat(DedupEvaluation.readAdjudicated(file, "copy"))
                .containsEntry(DedupEvaluation.pairKey("c", "a"), true)
                .containsEntry(DedupEvaluation.pairKey("a", "d"), false);
        assertThat(DedupEvaluation.readAdjudicated(file, "event")).hasSize(1);

        Files.writeString(file, """
                {"a":"a","b":"c","copy":true}
                {"a":"c","b":"a","copy":false}
                """);
        assertThatThrownBy(() -> DedupEvaluation.readAdjudicated(file, "copy"))
                .hasMessageContaining("pairs.jsonl:2").hasMessageContaining("decided both ways");
    }

    /** QA run: a broken line read "cannot read labels X: ... at [Source: REDACTED (`StreamReadFeature...` disabled)...]", no line. */
    @Test
    void aLineThatIsNotJsonIsNamedByFileAndLine(@TempDir Path dir) throws IOException {
        Path labels = dir.resolve("labels.jsonl");
        Files.writeString(labels, "{\"id\":\"a\",\"label\":\"x\"}\n{\"id\":\n");
        assertThatThrownBy(() -> DedupEvaluation.readLabels(labels, "label")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(labels + ":2: not JSON: Unexpected end-of-input within/between Object entries (column 7)");

        Path pairs = dir.resolve("pairs.jsonl");
        Files.writeString(pairs, "{\"a\":\"a\",\"b\":\"c\",\"copy\":yes}\n");
        assertThatThrownBy(() -> DedupEvaluation.readAdjudicated(pairs, "copy")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(pairs + ":1: not JSON: Unrecognized token 'yes' (column 28)");
    }
}

package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {
    private static final String ITEM = "{\"id\":\"a\",\"source\":\"spa\",\"title\":\"افتتاح مستشفى في الدمام\","
            + "\"text\":\"افتتح وزير الصحة مستشفى الأطفال في الدمام\",\"published\":\"2025-03-04T08:00:00Z\"}";

    @Test
    void twoJsonItemsAreExplained() {
        CliRun r = CliRun.of("explain", ITEM, ITEM.replace("\"a\"", "\"b\""));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isNotBlank();
    }

    /** QA run: "explain abc def" printed the JSON parser's internals ("Source: REDACTED (...)"). */
    @Test
    void argumentsThatAreNeitherIdsNorItemsSayWhatTheyMustBe() {
        CliRun r = CliRun.of("explain", "abc", "def");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ITEM_A 'abc' is neither a stored item id (a number) nor a JSON item")
                .doesNotContain("REDACTED").doesNotContain("Unrecognized token");
    }

    @Test
    void anIdWithAJsonItemIsRefusedAsSuch() {
        CliRun r = CliRun.of("explain", "1", ITEM);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("give two stored item ids or two JSON items, not one of each: ITEM_A '1' is an id");
    }

    @Test
    void aJsonObjectThatIsNotAnItemSaysWhichArgument() {
        CliRun r = CliRun.of("explain", ITEM, "{\"title\":\"no id\"}");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("ITEM_B is not a batch item: missing \"id\"");
    }

    /** They were taken and ignored: stored items are explained with the settings that decided them. */
    @Test
    void storedIdsWithWindowOrThresholdAreAUsageError() {
        CliRun r = CliRun.of("explain", "1", "2", "--threshold", "0.7");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--window and --threshold apply to JSON items");
    }

    @Test
    void jsonItemsAreDecidedWithTheThresholdGiven() {
        String a = "{\"id\":\"a\",\"source\":\"spa\",\"title\":\"افتتاح مستشفى الأطفال في الدمام\",\"text\":\"افتتح وزير الصحة"
                + " اليوم مستشفى الأطفال الجديد في مدينة الدمام بسعة مئتي سرير ويضم أقساما للعناية المركزة والجراحة\","
                + "\"published\":\"2025-03-04T08:00:00Z\"}";
        String b = a.replace("\"a\"", "\"b\"").replace("والجراحة", "والطوارئ")
                .replace("افتتاح مستشفى الأطفال في الدمام", "منشأة طبية جديدة للصغار");
        CliRun strict = CliRun.of("explain", "--json", "--threshold", "0.95", a, b);
        CliRun loose = CliRun.of("explain", "--json", "--threshold", "0.3", a, b);
        assertThat(strict.code()).as(strict.err()).isZero();
        assertThat(strict.out()).contains("\"matched\":false");
        assertThat(loose.out()).contains("\"matched\":true");
    }

    /** QA run: counts in explain's reasons read "1 candidates", "1 content words". */
    @Test
    void aCountOfOneIsSaidInTheSingular() {
        String one = "{\"id\":\"a\",\"source\":\"spa\",\"title\":\"الدمام\",\"published\":\"2025-03-04T08:00:00Z\"}";
        CliRun r = CliRun.of("explain", one, one.replace("\"a\"", "\"b\"").replace("spa", "wam"));
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("title-only item with 1 content word in the shorter title").doesNotContain("1 content words");
    }
}

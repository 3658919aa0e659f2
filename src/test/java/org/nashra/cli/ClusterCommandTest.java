package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ClusterCommandTest {

    @Test
    void writesOneStoryIdPerItemInInputOrder(@TempDir Path dir) throws Exception {
        String body = "افتتح وزير الصحة اليوم مستشفى الأطفال الجديد في مدينة الدمام بسعة 300 سرير ضمن خطة الوزارة لتوسيع "
                + "الخدمات الصحية في المنطقة الشرقية، ويضم المستشفى أقساما للعناية المركزة وجراحة القلب والأورام وعيادات خارجية.";
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"id\":\"a\",\"source\":\"spa\",\"url\":\"https://spa.example/1\",\"title\":\"مستشفى للأطفال في الدمام\",\"text\":\"" + body + "\",\"published\":\"2025-03-04T08:00:00Z\"}",
                "{\"id\":\"b\",\"source\":\"x\",\"url\":\"https://x.example/2\",\"title\":\"رحلات الصيف\",\"text\":\"قررت هيئة الطيران زيادة الرحلات الداخلية بين الرياض وجدة خلال الصيف لمواجهة الطلب على السفر\",\"published\":null}",
                "{\"id\":\"c\",\"source\":\"okaz\",\"url\":\"https://okaz.example/3\",\"title\":\"الصحة تفتتح مستشفى بالدمام\",\"text\":\"الدمام - واس: " + body + "\",\"published\":\"2025-03-04T09:00:00Z\"}",
                ""), StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        Clock clock = Clock.fixed(Instant.parse("2025-03-04T10:00:00Z"), ZoneOffset.UTC);
        int code = new CommandLine(new ClusterCommand(clock)).execute(in.toString(), "--out", out.toString());
        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("{\"id\":\"a\",\"story\":");
        assertThat(lines.get(1)).startsWith("{\"id\":\"b\",\"story\":");
        String storyA = lines.get(0).replaceAll(".*\"story\":(\\d+).*", "$1");
        String storyB = lines.get(1).replaceAll(".*\"story\":(\\d+).*", "$1");
        String storyC = lines.get(2).replaceAll(".*\"story\":(\\d+).*", "$1");
        assertThat(storyC).isEqualTo(storyA);
        assertThat(storyB).isNotEqualTo(storyA);
    }

    @Test
    void badLineIsAnErrorNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("bad.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"title\":\"x\"}\n{\"title\":\"no id\"}\n", StandardCharsets.UTF_8);
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = new CommandLine(new ClusterCommand());
        cl.setErr(new java.io.PrintWriter(err));
        int code = cl.execute(in.toString(), "--out", dir.resolve("o.jsonl").toString());
        assertThat(code).isNotZero();
        assertThat(err.toString()).contains("bad.jsonl:2");
    }

    /** QA run: a missing input read "cannot read X: X", the exception's message being the path again. */
    @Test
    void missingInputSaysSo(@TempDir Path dir) {
        Path absent = dir.resolve("nope.jsonl");
        CliRun r = CliRun.of("cluster", absent.toString(), "--out", dir.resolve("o.jsonl").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read " + absent + ": no such file");
    }

    /** QA run: a line whose id repeated an earlier line's was dropped without a word (3 lines in, 2 out). */
    @Test
    void repeatedIdIsAnErrorNamingTheLineAndTheId(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"title\":\"x\"}\n{\"id\":\"b\",\"title\":\"y\"}\n{\"id\":\"a\",\"title\":\"z\"}\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out.jsonl");
        CliRun r = CliRun.of("cluster", in.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains(in + ":3: id \"a\" repeats the id of line 1");
        assertThat(out).doesNotExist();
    }

    /** QA run: "...at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 4]". */
    @Test
    void aLineThatIsNotJsonIsNamedByFileAndLineInPlainWords(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        for (String[] bad : new String[][] {
                {"{\"id\":", "not JSON: Unexpected end-of-input within/between Object entries (column 7)"},
                {"nope", "not JSON: Unrecognized token 'nope' (column 5)"},
                {"{\"id\":\"b\"} {\"id\":\"c\"}", "not JSON: a second value after the first (column 12)"}}) {
            Files.writeString(in, "{\"id\":\"a\",\"title\":\"x\"}\n" + bad[0] + "\n", StandardCharsets.UTF_8);
            CliRun r = CliRun.of("cluster", in.toString(), "--out", out.toString());
            assertThat(r.code()).as(bad[0]).isEqualTo(1);
            assertThat(r.err()).as(bad[0]).isEqualTo("nashra: " + in + ":2: " + bad[1] + "\n");
            assertThat(out).doesNotExist();
        }
    }

    /** QA run: "1 items, 1 stories". */
    @Test
    void oneItemIsOneItemAndOneStory(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"title\":\"خبر\",\"published\":\"2025-03-04T08:00:00Z\"}\n", StandardCharsets.UTF_8);
        CliRun r = CliRun.of("cluster", in.toString(), "--out", dir.resolve("out.jsonl").toString());
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEqualTo("1 item, 1 story\n");
    }

    /** feeds.yml refuses these; a batch run deciding with them would measure settings the service never runs. */
    @Test
    void settingsOutsideWhatFeedsYmlAllowsAreAUsageError(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"title\":\"عنوان\",\"text\":\"نص\"}\n");
        CliRun low = CliRun.of("cluster", in.toString(), "--threshold", "0.01");
        assertThat(low.code()).isEqualTo(2);
        assertThat(low.err()).contains("--threshold 0.01 must be between 0.05 and 1");
        CliRun zero = CliRun.of("cluster", in.toString(), "--window", "PT0S");
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--window PT0S must be a positive duration");
    }

    /** QA: the error was the path alone, "nashra: /nonexistent/dir/out.jsonl". */
    @Test
    void anOutputInADirectoryThatIsNotThereSaysSo(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Files.writeString(in, "{\"id\":\"a\",\"title\":\"عنوان\",\"text\":\"نص\"}\n");
        Path out = dir.resolve("absent").resolve("out.jsonl");
        CliRun r = CliRun.of("cluster", in.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write " + out + ": no such directory " + dir.resolve("absent"));
    }
}

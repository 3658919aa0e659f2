package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void brokenFeedsFileFailsWithFileLineAndProblem() throws Exception {
        Path broken = Path.of(getClass().getResource("/config/broken.yml").toURI());
        Run r = run("check-config", "--feeds", broken.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err())
                .contains(broken + ":6: missing required key 'sources[1].url'")
                .contains(broken + ":9: duplicate source id 'good'")
                .contains(broken + ":13: unknown key 'sources[3].intervall'")
                .contains(broken + ":16: 'sources[4].interval' must be a duration")
                .contains("4 errors");
    }

    @Test
    void shippedConfigurationPasses() {
        Run r = run("check-config");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("feeds.yml: ok");
    }

    /** QA run: a --config file that does not exist was reported "ok" and the built-in defaults used. */
    @Test
    void namedSettingsFileThatIsMissingIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yml");
        for (String[] args : new String[][] {{"check-config", "--config", missing.toString()},
                {"--config", missing.toString(), "check-config"}}) {
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).contains(missing + ": file not found");
            assertThat(r.out()).doesNotContain(missing + ": ok");
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"serve", "demo", "fetch", "export", "check-config", "sources", "preview", "parse", "normalize", "date", "cluster", "explain", "eval-dedup", "import-opml", "resume"}) {
            Run r = run(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: nashra " + cmd);
        }
    }
}

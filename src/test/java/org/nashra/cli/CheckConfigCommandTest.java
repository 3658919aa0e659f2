package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {

    @Test
    void brokenFeedsFileFailsWithFileLineAndProblem() throws Exception {
        Path broken = Path.of(getClass().getResource("/config/broken.yml").toURI());
        CliRun r = CliRun.of("check-config", "--feeds", broken.toString());
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
        CliRun r = CliRun.of("check-config");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("feeds.yml: ok");
    }

    /** QA run: a --config file that does not exist was reported "ok" and the built-in defaults used. */
    @Test
    void namedSettingsFileThatIsMissingIsAnError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yml");
        for (String[] args : new String[][] {{"check-config", "--config", missing.toString()},
                {"--config", missing.toString(), "check-config"}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(r.err()).contains(missing + ": file not found");
            assertThat(r.out()).doesNotContain(missing + ": ok");
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String cmd : new String[] {"serve", "demo", "fetch", "export", "check-config", "sources", "preview", "parse", "normalize", "date", "cluster", "explain", "eval-dedup", "import-opml", "resume"}) {
            CliRun r = CliRun.of(cmd, "--help");
            assertThat(r.code()).as(cmd).isZero();
            assertThat(r.out()).as(cmd).contains("Usage: nashra " + cmd);
        }
    }
}

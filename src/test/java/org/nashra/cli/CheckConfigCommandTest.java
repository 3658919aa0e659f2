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

    /**
     * QA run: check-config said "ok" for sources on loopback, which every fetch refuses. Valid
     * configuration, so a warning, not an error; it names the key to set and the settings file.
     */
    @Test
    void sourcesOnPrivateHostsAreWarnedNamingTheKeyToSet(@TempDir Path dir) throws Exception {
        Path feeds = dir.resolve("feeds.yml");
        java.nio.file.Files.writeString(feeds, """
                sources:
                  - { id: rafidain, url: "http://127.0.0.1:9101/feed.xml", groups: [iraq] }
                  - { id: intranet, url: "http://10.0.0.7/rss", groups: [iraq] }
                  - { id: bbc, url: "https://feeds.bbci.co.uk/arabic/rss.xml", groups: [iraq] }
                feeds:
                  - { id: all, include: { groups: ["*"] } }
                """);
        Path settings = dir.resolve("nashra.yml");
        java.nio.file.Files.writeString(settings, "fetch: { allow_private_hosts: [] }\n");

        CliRun r = CliRun.of("check-config", "--feeds", feeds.toString(), "--config", settings.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains(feeds + ": warning: source 'rafidain' (http://127.0.0.1:9101/feed.xml): 127.0.0.1 is a"
                        + " loopback address, so every fetch will be refused unless fetch.allow_private_hosts in " + settings
                        + " lists 127.0.0.1")
                .contains("source 'intranet' (http://10.0.0.7/rss): 10.0.0.7 is a private address")
                .doesNotContain("'bbc'");
        assertThat(r.out()).contains(feeds + ": ok, 3 sources, 1 feed, 2 warnings");

        java.nio.file.Files.writeString(settings, "fetch: { allow_private_hosts: [127.0.0.1, 10.0.0.7] }\n");
        CliRun allowed = CliRun.of("check-config", "--feeds", feeds.toString(), "--config", settings.toString());
        assertThat(allowed.code()).isZero();
        assertThat(allowed.err()).doesNotContain("warning");
        assertThat(allowed.out()).contains(feeds + ": ok, 3 sources, 1 feed\n");
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

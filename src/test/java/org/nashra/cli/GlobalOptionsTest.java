package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * QA run: {@code explain 1 --data data/demo --help} printed "--data=DIR ... (default: data/demo)", the
 * argument given for the default, and so did resume; {@code demo --help} offered a --feeds it never reads.
 */
class GlobalOptionsTest {

    /** The help, its lines joined: picocli wraps a description where the terminal width says. */
    private static String help(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(String.join(" ", args)).isZero();
        return r.out().replaceAll("\\s+", " ");
    }

    @Test
    void helpShowsTheDefaultsNotTheArgumentsGivenBeforeIt() {
        for (String[] args : new String[][] {{"explain", "1", "--data", "data/demo", "--feeds", "demo.yml", "--help"},
                {"resume", "bbc", "--data", "data/demo", "--feeds", "demo.yml", "--help"},
                {"--data", "data/demo", "--feeds", "demo.yml", "fetch", "--help"}}) {
            assertThat(help(args)).as(String.join(" ", args))
                    .contains("--data=DIR data directory for the embedded database (default: data)")
                    .contains("--feeds=PATH sources and published feeds (default: feeds.yml)")
                    .doesNotContain("data/demo").doesNotContain("demo.yml");
        }
    }

    @Test
    void aCommandIsOfferedOnlyTheOptionsItReads() {
        assertThat(help("demo", "--help")).doesNotContain("--feeds")
                .contains("--data=DIR the demo's embedded database goes in DIR/demo, emptied at each start (default: data, so data/demo)")
                .contains("--config=PATH");
        assertThat(help("import-opml", "--help")).contains("--feeds=PATH").doesNotContain("--data").doesNotContain("--config");
        assertThat(help("check-config", "--help")).contains("--feeds=PATH").contains("--config=PATH").doesNotContain("--data");
        for (String command : new String[] {"parse", "normalize", "date", "cluster", "eval-dedup"}) {
            assertThat(help(command, "--help")).as(command)
                    .doesNotContain("--feeds").doesNotContain("--data").doesNotContain("--config");
        }
        assertThat(help("serve", "--help")).contains("--feeds=PATH").contains("--data=DIR").contains("--config=PATH");
    }

    /** Taken and ignored before: a --data given to a command that reads no database said nothing. */
    @Test
    void anOptionTheCommandDoesNotReadIsAUsageErrorBeforeOrAfterIt() {
        CliRun after = CliRun.of("parse", "feed.xml", "--data", "d");
        assertThat(after.code()).isEqualTo(2);
        assertThat(after.err()).startsWith("Unknown options: '--data', 'd'").contains("Usage: nashra parse");

        CliRun before = CliRun.of("--feeds", "f.yml", "demo");
        assertThat(before.code()).isEqualTo(2);
        assertThat(before.err()).startsWith("nashra demo does not read --feeds (it reads --config, --data)\n")
                .contains("Usage: nashra demo");
        assertThat(before.out()).isEmpty();
    }
}

package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How {@code nashra} answers being run without what it needs, and being asked for help. */
class UsageTest {

    /** QA run: {@code nashra} alone printed the usage on stdout and exited 0, as if it had done something. */
    @Test
    void noCommandIsAUsageErrorOnStderr() {
        CliRun r = CliRun.of();
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("nashra needs a command: one of those below, e.g. nashra serve\nUsage: nashra ")
                .contains("Commands:").contains("serve");
    }

    @Test
    void helpAskedForIsOnStdoutWithExitZero() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {"help", "fetch"}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", args)).isZero();
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: nashra");
            assertThat(r.err()).isEmpty();
        }
    }
}

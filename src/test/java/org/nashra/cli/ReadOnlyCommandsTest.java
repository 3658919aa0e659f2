package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands that only read the store never create one. QA run: {@code explain 1 2 --data DIR}
 * on a directory without a database created an empty {@code nashra.mv.db} there, then reported
 * "no stored item 1".
 */
class ReadOnlyCommandsTest {
    @TempDir Path dir;

    @Test
    void readersFailNamingTheDataDirectoryAndCreateNothing() {
        Path data = dir.resolve("nonexistent-dir");
        for (String[] command : new String[][] {{"explain", "1", "2"}, {"export", "all"}, {"sources"}}) {
            CliRun r = CliRun.of(with(command, "--data", data.toString()));
            String what = String.join(" ", command);
            assertThat(r.code()).as(what).isEqualTo(1);
            assertThat(r.err()).as(what).contains("no database in " + data.toAbsolutePath() + " (the --data directory)");
            assertThat(data).as(what).doesNotExist();
        }
    }

    @Test
    void aWriterCreatesTheStoreAndReadersThenUseIt() {
        Path data = dir.resolve("data");
        // resume writes (a source's pause state), so it may create the database
        assertThat(CliRun.of("resume", "bbc-arabic", "--data", data.toString()).code()).isZero();
        assertThat(data.resolve("nashra.mv.db")).exists();

        CliRun sources = CliRun.of("sources", "--data", data.toString());
        assertThat(sources.code()).as(sources.err()).isZero();
        assertThat(sources.out()).contains("bbc-arabic");
    }

    private static String[] with(String[] command, String... more) {
        String[] all = java.util.Arrays.copyOf(command, command.length + more.length);
        System.arraycopy(more, 0, all, command.length, more.length);
        return all;
    }
}

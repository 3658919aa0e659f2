package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** QA run: import-opml's errors named feeds.yml or nothing but a path, and the XML parser wrote to stderr. */
class ImportOpmlCommandTest {
    @TempDir Path dir;

    @Test
    void missingOpmlFileIsNamedWithTheReason() {
        Path opml = dir.resolve("nope.opml");
        CliRun r = CliRun.of("import-opml", opml.toString(), "--dry-run");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).isEqualTo(opml + ": cannot read OPML: no such file" + System.lineSeparator());
    }

    @Test
    void malformedOpmlIsOneErrorNamingTheOpmlFile() throws Exception {
        Path opml = dir.resolve("bad.opml");
        Files.writeString(opml, "<?xml version=\"1.0\"?><opml version=\"2.0\"><body><outline></body></opml>");
        CliRun r = CliRun.of("import-opml", opml.toString(), "--dry-run");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).startsWith(opml + ":1: cannot read OPML at column 59: The element type \"outline\" must be terminated")
                .doesNotContain("[Fatal Error]").doesNotContain("feeds.yml");
    }
}

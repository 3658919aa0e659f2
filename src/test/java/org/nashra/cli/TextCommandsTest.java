package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TextCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void normalizePrintsAllForms() {
        int code = new CommandLine(new NormalizeCommand(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .execute("ﻻ", "تُقل\u00A0إلى", "المستشفيات");
        assertThat(code).isZero();
        assertThat(out()).contains("display:       لا تُقل إلى المستشفيات")
                .contains("key:           لا تقل الي المستشفيات")
                .contains("search stems:  تقل | مستشف");
    }

    @Test
    void normalizeJson() {
        new CommandLine(new NormalizeCommand(new PrintStream(out, true, StandardCharsets.UTF_8))).execute("--json", "أحمد");
        assertThat(out()).contains("\"key\" : \"احمد\"").contains("\"tokens\" : [ \"احمد\" ]");
    }

    @Test
    void datePrintsTheInstantAndNote() {
        DateCommand cmd = new DateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InstantSource.fixed(Instant.EPOCH));
        int code = new CommandLine(cmd).execute("منذ", "ساعتين", "--tz", "Asia/Baghdad", "--now", "2024-06-20T12:00:00Z");
        assertThat(code).isZero();
        assertThat(out()).contains("instant:  2024-06-20T10:00:00Z").contains("local:    2024-06-20T13:00+03:00")
                .contains("precision: time").contains("note:     relative: منذ ساعتين");
    }

    @Test
    void dateUsesTheInjectedClockAndFailsClearly() {
        DateCommand cmd = new DateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), InstantSource.fixed(Instant.parse("2024-06-20T12:00:00Z")));
        assertThat(new CommandLine(cmd).execute("أمس")).isZero();
        assertThat(out()).contains("instant:  2024-06-19T12:00:00Z").contains("precision: day");
        assertThat(new CommandLine(cmd).execute("كلام")).isEqualTo(1);
        assertThat(new CommandLine(cmd).execute("أمس", "--tz", "Mars/Olympus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no date recognised in \"كلام\"").contains("Mars/Olympus");
    }
}

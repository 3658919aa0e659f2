package org.nashra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileProblemsTest {
    @TempDir Path dir;

    private static String reasonReading(Path file) {
        try (var r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            while (r.read() >= 0) { /* read to the end, as the readers do */ }
            throw new AssertionError(file + " was read");
        } catch (IOException e) {
            return FileProblems.reason(file, e);
        }
    }

    @Test
    void missingFile() {
        assertThat(reasonReading(dir.resolve("nope.jsonl"))).isEqualTo("no such file");
    }

    @Test
    void directory() {
        assertThat(reasonReading(dir)).isEqualTo("is a directory, not a file");
    }

    @Test
    void textThatIsNotUtf8SaysWhere() throws IOException {
        Path file = dir.resolve("cp1256.jsonl");
        // "خبر" in windows-1256 on the third line
        Files.write(file, new byte[] {'a', '\n', 'b', '\n', 'x', (byte) 0xCE, (byte) 0xC8, (byte) 0xD1, '\n'});
        assertThat(reasonReading(file)).isEqualTo("not valid UTF-8 text at line 3, byte offset 5");
    }

    @Test
    void utf8ThroughoutHasNoProblem() {
        byte[] arabic = "سطر أول\nسطر ثان\n".getBytes(StandardCharsets.UTF_8);
        assertThat(FileProblems.findNotUtf8(arabic)).isNull();
        // a sequence cut at the end of the file is not UTF-8 either
        assertThat(FileProblems.findNotUtf8(new byte[] {'a', (byte) 0xD8})).isEqualTo(new FileProblems.NotUtf8(1, 1));
    }
}

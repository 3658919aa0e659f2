package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;

class DemoLockTest {
    @TempDir Path data;

    /** QA: a second demo on one --data emptied the directory while the first was serving from it. */
    @Test
    void aSecondDemoOnADirectoryInUseLeavesItsFilesAlone() throws Exception {
        Path dir = data.resolve("demo");
        Files.createDirectories(dir);
        Path db = Files.writeString(dir.resolve("nashra.mv.db"), "the first demo's database");
        try (DemoLock first = DemoLock.claim(dir)) {
            assertThatThrownBy(() -> DemoCommand.start(0, ConfigLoader.loadSettings(Path.of("config/nashra.yml"), dir), dir))
                    .hasMessageContaining("another nashra demo is running on " + dir.toAbsolutePath());
            assertThat(db).hasContent("the first demo's database");
        }
    }

    @Test
    void theClaimIsFreeAgainOnceReleased() throws Exception {
        Path dir = data.resolve("demo");
        DemoLock.claim(dir).close();
        try (DemoLock again = DemoLock.claim(dir)) {
            assertThat(dir.resolveSibling("demo.lock")).exists();
        }
    }

    /** The case that matters: the two demos are two processes. */
    @Test
    void aClaimHeldByAnotherProcessIsRefused() throws Exception {
        Path dir = data.resolve("demo");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DemoLockHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("held");
            assertThatThrownBy(() -> DemoLock.claim(dir)).hasMessageContaining("another nashra demo is running");
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        try (DemoLock mine = DemoLock.claim(dir)) {
            assertThat(mine).isNotNull();
        }
    }

    /** Holds a claim until its stdin closes. */
    public static final class DemoLockHolder {
        public static void main(String[] args) throws Exception {
            try (DemoLock lock = DemoLock.claim(Path.of(args[0]))) {
                System.out.println("held");
                System.out.flush();
                while (System.in.read() >= 0) {
                    // wait for the test to let go
                }
            }
        }
    }
}

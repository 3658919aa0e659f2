package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviewCommandTest {
    private static final String PAGE = """
            <html lang="ar" dir="rtl"><head><title>خبر</title></head><body><article>
            <h1>افتتاح مستشفى في الدمام</h1>
            <p>افتتح وزير الصحة اليوم مستشفى الأطفال الجديد في مدينة الدمام بسعة مئتي سرير ويضم أقساما للعناية المركزة والجراحة والطوارئ.</p>
            <img src="/img/a.jpg"></article></body></html>
            """;

    @TempDir Path dir;

    @Test
    void aSavedPageIsReadAsIfFromTheAddressGiven() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("preview", page.toString(), "--url", "https://x.example/news/1.html");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("url: https://x.example/news/1.html").contains("image: https://x.example/img/a.jpg");
    }

    /** QA: "--url notaurl" was taken: the item's url became "notaurl" and its image was dropped. */
    @Test
    void aBaseThatIsNotAnHttpUrlIsAUsageError() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), PAGE, StandardCharsets.UTF_8);
        CliRun r = CliRun.of("preview", page.toString(), "--url", "notaurl");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--url notaurl must be an absolute http(s) URL");
    }
}

package org.nashra.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixtures are Arabic text written for this test, encoded with the JDK's own charsets. */
class CharsetResolverTest {

    /** A short news paragraph (written for this test) of the kind an outlet's listing carries. */
    static final String ARABIC = """
            أعلنت وزارة الخارجية اليوم الخميس أن الوزير سيتوجه إلى العاصمة في زيارة رسمية تستمر يومين، \
            يلتقي خلالها عددا من المسؤولين لبحث العلاقات الثنائية وسبل تعزيز التعاون الاقتصادي بين البلدين. \
            وقال المتحدث باسم الوزارة إن الزيارة تأتي في إطار التشاور المستمر حول قضايا المنطقة، \
            وإن الجانبين سيوقعان مذكرات تفاهم في مجالات الطاقة والتعليم والصحة والنقل.""";

    static final Charset CP1256 = Charset.forName("windows-1256");
    static final Charset ISO_8859_6 = Charset.forName("ISO-8859-6");

    final CharsetResolver resolver = new CharsetResolver();

    static String html(String charsetMeta) {
        return "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head>" + charsetMeta
                + "<title>خبر</title></head><body><p>" + ARABIC + "</p></body></html>";
    }

    static String rss(String encoding) {
        return "<?xml version=\"1.0\" encoding=\"" + encoding + "\"?><rss version=\"2.0\"><channel>"
                + "<title>نشرة</title><item><title>خبر</title><description>" + ARABIC
                + "</description></item></channel></rss>";
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, bytes, header charset, override, expected charset, expected reason prefix
                Arguments.of("windows-1256 html, meta says so", html("<meta charset=\"windows-1256\">").getBytes(CP1256),
                        null, null, CP1256, "html-meta"),
                Arguments.of("windows-1256, no declaration at all", ("<p>" + ARABIC + "</p>").getBytes(CP1256),
                        null, null, CP1256, "detected"),
                Arguments.of("ISO-8859-6 feed, xml declaration", rss("ISO-8859-6").getBytes(ISO_8859_6),
                        null, null, ISO_8859_6, "xml-declaration"),
                Arguments.of("ISO-8859-6 header", ("<p>" + ARABIC + "</p>").getBytes(ISO_8859_6),
                        "iso-8859-6", null, ISO_8859_6, "header"),
                Arguments.of("UTF-8 without BOM, no declaration", ("<p>" + ARABIC + "</p>").getBytes(StandardCharsets.UTF_8),
                        null, null, StandardCharsets.UTF_8, "utf-8-valid"),
                Arguments.of("UTF-8 with BOM", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        rss("UTF-8").getBytes(StandardCharsets.UTF_8)), null, null, StandardCharsets.UTF_8, "bom"),
                Arguments.of("UTF-16LE with BOM", ("\uFEFF" + ARABIC).getBytes(StandardCharsets.UTF_16LE),
                        null, null, StandardCharsets.UTF_16LE, "bom"),
                Arguments.of("UTF-16BE with BOM (Java's UTF-16 writes one)", ARABIC.getBytes(StandardCharsets.UTF_16),
                        null, null, StandardCharsets.UTF_16BE, "bom"),
                Arguments.of("header says ISO-8859-1, bytes are windows-1256",
                        html("").getBytes(CP1256), "ISO-8859-1", null, CP1256, "detected: header said ISO-8859-1"),
                Arguments.of("header says windows-1252, bytes are windows-1256",
                        html("").getBytes(CP1256), "windows-1252", null, CP1256, "detected: header said windows-1252"),
                Arguments.of("meta says windows-1256 but the page was re-saved as UTF-8",
                        html("<meta charset=\"windows-1256\">").getBytes(StandardCharsets.UTF_8),
                        null, null, StandardCharsets.UTF_8, "utf-8-valid: html-meta said windows-1256"),
                Arguments.of("header says UTF-8 but bytes are windows-1256",
                        html("").getBytes(CP1256), "utf-8", null, CP1256, "detected: header said UTF-8"),
                Arguments.of("source override beats a wrong header",
                        html("").getBytes(ISO_8859_6), "UTF-8", "ISO-8859-6", ISO_8859_6, "override"),
                Arguments.of("unknown header label is ignored",
                        html("<meta charset=\"windows-1256\">").getBytes(CP1256), "x-no-such-charset", null,
                        CP1256, "html-meta"),
                Arguments.of("plain ASCII with a correct Latin-1 header stays Latin-1",
                        "<rss><title>News</title></rss>".getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1", null,
                        StandardCharsets.ISO_8859_1, "header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesTheCharsetThatDecodesTheTextCorrectly(String name, byte[] bytes, String header, String override,
                                                       Charset expected, String reasonPrefix) {
        CharsetResolver.Decision d = resolver.resolve(bytes, header, override);

        assertThat(d.charset()).as(name).isEqualTo(expected);
        assertThat(d.reason()).as(name).startsWith(reasonPrefix);
        String text = new String(bytes, d.charset());
        if (bytes.length > 100) {
            assertThat(text).as(name).contains("وزارة الخارجية").contains("التعاون الاقتصادي");
        }
    }

    @Test
    void decodeOfASavedFileDropsTheBomAndHonoursAnOverride() {
        byte[] bom = "\uFEFF<rss>نشرة</rss>".getBytes(StandardCharsets.UTF_8);
        assertThat(new CharsetResolver().decode(bom, null)).isEqualTo("<rss>نشرة</rss>");
        byte[] cp1256 = "<p>نشرة الأخبار</p>".getBytes(Charset.forName("windows-1256"));
        assertThat(new CharsetResolver().decode(cp1256, "windows-1256")).isEqualTo("<p>نشرة الأخبار</p>");
    }

    @Test
    void realLatin1TextWithAccentsIsNotTakenForArabic() {
        String french = "Le ministère a annoncé jeudi que le délégué se rendra à la capitale pour une visite "
                + "officielle de deux jours, où il rencontrera des responsables étrangers.";
        CharsetResolver.Decision d = resolver.resolve(french.getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1", null);
        assertThat(d.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(d.reason()).isEqualTo("header");
    }

    @Test
    void labelsAreReadTheSameUnderATurkishDefaultLocale() {
        // in tr-TR "iso-8859-1".toUpperCase() has a dotted capital I; machine-read labels must not care
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            CharsetResolver.Decision d = new CharsetResolver().resolve(html("").getBytes(CP1256), "iso-8859-1", null);
            assertThat(d.charset()).isEqualTo(CP1256);
            assertThat(d.reason()).startsWith("detected: header said ISO-8859-1");
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }

    /** QA run: one windows-1256 item in a UTF-8 feed made the whole feed read as windows-1256, garbling every other item. */
    @Test
    void aUtf8FeedWithOneLegacyItemReadsEachPartAsWhatItIs() throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>نشرة</title>"
                .getBytes(StandardCharsets.UTF_8));
        body.write("<item><title>خبر من النظام القديم</title></item>".getBytes(CP1256));
        for (int i = 0; i < 5; i++) {
            body.write(("<item><title>خبر رقم " + i + "</title><description>" + ARABIC + "</description></item>")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.write("</channel></rss>".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = body.toByteArray();

        CharsetResolver.Decision d = resolver.resolve(bytes, "utf-8", null);
        assertThat(d.reason()).startsWith("mixed: header said UTF-8");
        String text = new String(bytes, d.charset());
        assertThat(text).contains("<title>نشرة</title>", "خبر من النظام القديم", "خبر رقم 4", "وزارة الخارجية")
                .doesNotContain("\uFFFD");
    }

    @Test
    void aWholeLegacyBodyLabelledUtf8IsStillReadAsLegacy() {
        CharsetResolver.Decision d = resolver.resolve(rss("UTF-8").getBytes(CP1256), "utf-8", null);
        assertThat(d.charset()).isEqualTo(CP1256);
        assertThat(new String(rss("UTF-8").getBytes(CP1256), d.charset())).contains("وزارة الخارجية");
    }

    @Test
    void bytesAloneWork() {
        CharsetResolver.Decision d = resolver.resolve(rss("windows-1256").getBytes(CP1256));
        assertThat(d.charset()).isEqualTo(CP1256);
        assertThat(d.reason()).isEqualTo("xml-declaration");
    }
}

package org.nashra.fetch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestUrisTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "http://example.org/أخبار/1, http://example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1",
            "https://مثال.إختبار/feed, https://xn--mgbh0fb.xn--kgbechtv/feed",
            "https://مثال.إختبار:8443/a?q=عراق, https://xn--mgbh0fb.xn--kgbechtv:8443/a?q=%D8%B9%D8%B1%D8%A7%D9%82",
            "http://example.org/a#comments, http://example.org/a",
            "http://example.org/already%20encoded, http://example.org/already%20encoded",
    })
    void asciiForm(String in, String out) throws URISyntaxException {
        assertThat(RequestUris.toAscii(URI.create(in))).hasToString(out);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "http://example.org, feed.xml, http://example.org/feed.xml",         // java.net.URI drops the slash here
            "http://example.org/news/a, b, http://example.org/news/b",
            "http://example.org/news/a, /x y, http://example.org/x%20y",
            "http://example.org/news/a, //cdn.example.net/f, http://cdn.example.net/f",
            "http://example.org/news/a, /أخبار, http://example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1",
    })
    void resolvesLocations(String base, String location, String expected) throws URISyntaxException {
        assertThat(RequestUris.resolve(URI.create(base), location)).hasToString(expected);
    }

    @Test
    void aUtf8LocationReadAsLatin1IsRepaired() throws URISyntaxException {
        String mojibake = new String("/أخبار/2".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(RequestUris.resolve(URI.create("http://example.org/"), mojibake))
                .hasToString("http://example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/2");
        assertThat(RequestUris.repairUtf8("/café")).isEqualTo("/café"); // real Latin-1 stays as it is
    }
}

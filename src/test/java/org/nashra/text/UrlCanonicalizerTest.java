package org.nashra.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlCanonicalizerTest {

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.org/news/1?utm_source=twitter&utm_medium=social&utm_campaign=x | https://example.org/news/1 | utm_* dropped
            https://example.org/news/1?fbclid=IwAR0abc&id=5                                | https://example.org/news/1?id=5 | fbclid dropped, id kept
            https://example.org/a?gclid=1&dclid=2&msclkid=3&mc_cid=4&mc_eid=5&yclid=6&igshid=7&_ga=8 | https://example.org/a | ad click ids dropped
            https://example.org/a?ref_src=twsrc%5Etfw                                       | https://example.org/a | ref_src dropped
            https://example.org/a?ref=rss                                                  | https://example.org/a | ref=rss is a tracking source
            https://example.org/a?ref=homepage&page=2                                      | https://example.org/a?page=2 | ref=homepage too
            https://example.org/search?q=x&ref=42                                          | https://example.org/search?q=x&ref=42 | other ref values kept
            https://example.org/a?z=1&b=2&a=3                                              | https://example.org/a?a=3&b=2&z=1 | parameters sorted
            HTTPS://WWW.Example.ORG/News/1                                                 | https://www.example.org/News/1 | scheme and host lower-cased, path not
            http://example.org:80/a                                                        | http://example.org/a | default http port
            https://example.org:443/a                                                      | https://example.org/a | default https port
            https://example.org:8443/a                                                     | https://example.org:8443/a | other ports kept
            https://example.org/a#comments                                                 | https://example.org/a | fragment dropped
            https://example.org                                                            | https://example.org/ | empty path is /
            https://example.org/2023/06/slug/amp/                                          | https://example.org/2023/06/slug | WordPress /amp/ suffix
            https://example.org/amp/news/123                                               | https://example.org/news/123 | /amp/ prefix segment
            https://example.org/news/123?amp=1                                             | https://example.org/news/123 | ?amp=1
            https://example.org/news/123?amp                                               | https://example.org/news/123 | bare ?amp
            https://example.org/news/123?outputType=amp                                    | https://example.org/news/123 | outputType=amp
            https://amp.example.org/news/123                                               | https://example.org/news/123 | amp. subdomain
            https://example.org/news/123.amp.html                                          | https://example.org/news/123.html | .amp.html suffix
            https://example.org/news/123.amp                                               | https://example.org/news/123 | .amp suffix
            https://example.org/news/123/                                                  | https://example.org/news/123 | trailing slash
            https://example.org/a/./b/../c                                                 | https://example.org/a/c | dot segments
            https://example.org/%7euser/%41                                                | https://example.org/~user/A | escaped unreserved decoded
            https://example.org/a%2fb?x=%3d                                                | https://example.org/a%2Fb?x=%3D | escaped reserved kept, hex upper-cased
            https://example.org/a b                                                        | https://example.org/a%20b | raw space encoded
            http://example.org%2f                                                          | http://example.org%2f | an escaped slash in the host: not a URL to rewrite
            """)
    void canonicalizes(String in, String want, String what) {
        assertThat(UrlCanonicalizer.canonicalize(in)).as(what).isEqualTo(want);
    }

    @Test
    void arabicPathsGetOnePercentEncoding() {
        String raw = "https://www.skynewsarabia.com/world/1234-الرئيس-الفرنسي";
        String lower = "https://www.skynewsarabia.com/world/1234-%d8%a7%d9%84%d8%b1%d8%a6%d9%8a%d8%b3-%d8%a7%d9%84%d9%81%d8%b1%d9%86%d8%b3%d9%8a";
        String want = "https://www.skynewsarabia.com/world/1234-%D8%A7%D9%84%D8%B1%D8%A6%D9%8A%D8%B3-%D8%A7%D9%84%D9%81%D8%B1%D9%86%D8%B3%D9%8A";
        assertThat(UrlCanonicalizer.canonicalize(raw)).isEqualTo(want);
        assertThat(UrlCanonicalizer.canonicalize(lower)).isEqualTo(want);
        assertThat(UrlCanonicalizer.canonicalize(want)).isEqualTo(want);
    }

    @Test
    void arabicQueryValuesToo() {
        assertThat(UrlCanonicalizer.canonicalize("https://example.org/search?q=بغداد&utm_source=x"))
                .isEqualTo("https://example.org/search?q=%D8%A8%D8%BA%D8%AF%D8%A7%D8%AF");
    }

    @Test
    void internationalHostsInPunycode() {
        assertThat(UrlCanonicalizer.canonicalize("https://مثال.إختبار/خبر"))
                .startsWith("https://xn--").endsWith("/%D8%AE%D8%A8%D8%B1");
    }

    @Test
    void isIdempotent() {
        String[] urls = {"https://amp.example.org/amp/news/١٢٣?b=2&a=1&utm_x=1#f", "http://EXAMPLE.org:80",
            "https://example.org/a%2fb?x=%3d&y"};
        for (String u : urls) {
            String once = UrlCanonicalizer.canonicalize(u);
            assertThat(UrlCanonicalizer.canonicalize(once)).as(u).isEqualTo(once);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            not a url
            /relative/path
            mailto:desk@example.org
            ftp://example.org/file
            'https://'
            https://[::1:bad/x
            ''
            """)
    void leavesWhatItCannotReadUnchanged(String in) {
        String s = in == null ? "" : in;
        assertThat(UrlCanonicalizer.canonicalize(s)).isEqualTo(s);
    }

    @Test
    void nullStaysNull() {
        assertThat(UrlCanonicalizer.canonicalize(null)).isNull();
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the body, the parser answers with an Extraction or an ExtractionException, never anything else. */
class FeedParserProperties {
    private static final String[] FIXTURES = {
            "rss2-content-encoded-media-thumbnail.xml", "rss1-rdf-dc-date.xml", "atom1-xml-base-html-xhtml.xml",
            "atom03.xml", "jsonfeed-1.1.json", "jsonfeed-1.0.json"};

    @Property(tries = 300)
    void anyPrefixOfAFeedIsAFeedOrARefusal(@ForAll("prefixes") String body) {
        assertReadOrRefused(body);
    }

    @Property(tries = 300)
    void arbitraryTextIsAFeedOrARefusal(@ForAll("junk") String body) {
        assertReadOrRefused(body);
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of(FIXTURES).map(FeedFixtures::utf8)
                .flatMap(feed -> Arbitraries.integers().between(0, feed.length()).map(n -> feed.substring(0, n)));
    }

    @Provide
    Arbitrary<String> junk() {
        Arbitrary<String> markup = Arbitraries.of("<rss>", "<channel>", "<item>", "</item>", "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
                "<entry>", "<link>", "</link>", "<title>", "</title>", "&amp;", "&", "<![CDATA[", "]]>", "{", "}", "[", "]",
                "\"items\":", "\"version\":\"https://jsonfeed.org/version/1.1\"", ",", "نشرة", " ", "\n", "<!DOCTYPE x>");
        return markup.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    private static void assertReadOrRefused(String body) {
        try {
            Extraction x = FeedParser.parse("prop", body, URI.create("https://p.example/feed"));
            assertThat(x.items()).allSatisfy(item -> assertThat(item.url()).isNotBlank());
        } catch (ExtractionException expected) {
            assertThat(expected.getMessage()).isNotBlank().contains("source prop");
        }
    }
}

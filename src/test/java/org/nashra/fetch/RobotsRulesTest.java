package org.nashra.fetch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RobotsRulesTest {

    static final String ROBOTS = """
            # an outlet's robots.txt, written for this test
            User-agent: *
            Disallow: /admin/
            Disallow: /search
            Allow: /search/about
            Disallow: /*.pdf$

            User-agent: Nashra
            User-agent: OtherBot
            Disallow: /private/
            Allow: /private/open/

            User-agent: BadBot
            Disallow: /
            """;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // agent token, path, allowed
            "Nashra, /news/1.html, true",
            "Nashra, /private/x, false",
            "Nashra, /private/open/x, true",     // longer Allow beats shorter Disallow
            "Nashra, /admin/, true",             // our own group replaces the * group entirely
            "nashra, /private/x, false",         // product tokens match case-insensitively
            "Stranger, /admin/users, false",
            "Stranger, /search?q=x, false",
            "Stranger, /search/about, true",
            "Stranger, /files/a.pdf, false",
            "Stranger, /files/a.pdf?x=1, true",  // $ anchors the end of path and query
            "Stranger, /robots.txt, true",
            "BadBot, /anything, false",
            "BadBot, /robots.txt, true",
    })
    void decides(String agent, String path, boolean allowed) {
        RobotsRules rules = RobotsRules.parse(ROBOTS.getBytes(StandardCharsets.UTF_8), agent);
        assertThat(rules.allows(URI.create("https://example.org" + path))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
            "/a*c, /abbbc, true",
            "/a*c, /abbbd, false",
            "/a$, /a, true",
            "/a$, /ab, false",
            "*, /x, true",
            "/fish*.php, /fish.php, true",
            "/fish*.php, /fishheads/catfish.php?parameters, true",
            "/fish*.php, /Fish.PHP, false",
    })
    void wildcards(String pattern, String path, boolean matches) {
        assertThat(RobotsRules.matches(pattern, path)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "User-agent: *\\nDisallow:\\n| /x | true",
            "User-agent: *\\nDisallow: /\\nAllow: /$\\n| / | true",
            "User-agent: *\\nDisallow: /\\nAllow: /$\\n| /page | false",
            "garbage without colons\\n| /x | true",
    })
    void edgeCases(String robots, String path, boolean allowed) {
        RobotsRules rules = RobotsRules.parse(robots.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8), "Nashra");
        assertThat(rules.allows(URI.create("http://example.org" + path.strip()))).isEqualTo(allowed);
    }
}

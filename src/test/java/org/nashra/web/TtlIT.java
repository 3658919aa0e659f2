package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The RSS {@code <ttl>} tells a reader how many minutes to keep the feed before refreshing it; it
 * is the same figure as the HTTP {@code Cache-Control: max-age}, so a reader that honours one and
 * a cache that honours the other agree. The test server's sources are polled every 15 minutes
 * (no min_interval), so a feed may be kept half that, in whole minutes: 7.
 */
class TtlIT extends ServedIT {
    private static final Pattern TTL = Pattern.compile("<ttl>(\\d+)</ttl>");

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/feeds/all.rss", "/feeds/all/other.rss", "/feeds/all.rss?limit=3"})
    void feedTtlIsHalfTheFastestPollingIntervalAndEqualsMaxAge(String path) throws Exception {
        HttpResponse<byte[]> r = server.send("GET", path);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ttl(r)).isEqualTo(7);
        assertThat(maxAge(r)).isEqualTo(7 * 60);
    }

    @Test
    void archiveTtlIsADayAndEqualsMaxAge() throws Exception {
        HttpResponse<byte[]> r = server.send("GET", "/feeds/all/archive/2026-11-29.rss");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ttl(r)).isEqualTo(24 * 60);
        assertThat(maxAge(r)).isEqualTo(24 * 60 * 60);
    }

    @Test
    void atomAndJsonFeedHaveNoTtlButTheSameMaxAge() throws Exception {
        for (String path : new String[] {"/feeds/all.atom", "/feeds/all.json"}) {
            HttpResponse<byte[]> r = server.send("GET", path);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).doesNotContain("ttl");
            assertThat(maxAge(r)).as(path).isEqualTo(7 * 60);
        }
    }

    private static int ttl(HttpResponse<byte[]> r) {
        Matcher m = TTL.matcher(new String(r.body(), StandardCharsets.UTF_8));
        assertThat(m.find()).as("<ttl> in the channel").isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static int maxAge(HttpResponse<byte[]> r) {
        String cc = r.headers().firstValue("Cache-Control").orElseThrow(() -> new AssertionError("no Cache-Control"));
        Matcher m = Pattern.compile("(?:^|,)\\s*max-age=(\\d+)").matcher(cc);
        assertThat(m.find()).as(cc).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

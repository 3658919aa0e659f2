package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HEAD answers with the headers GET would send (RFC 9110 9.3.2). Pins the defect QA found in the
 * demo: {@code curl -I /} said {@code Content-Length: 0} while GET sent 8631 bytes, because the
 * index page (and the OPML lists) skipped building the body on HEAD and Jetty then counted none.
 */
class HeadIT extends ServedIT {
    /** Every endpoint, found or not, plain and gzip-accepting. */
    static List<Object[]> requests() {
        List<String> paths = List.of("/", "/api/sources", "/api/feeds/all/stories", "/api/stories/1", "/sources.opml",
                "/feeds.opml", "/healthz", "/metrics", "/feeds/all.atom", "/feeds/all/other.json",
                "/feeds/all/archive/2026-11-29.rss", "/api/feeds/nope/stories", "/api/stories/999", "/api/stories/abc",
                "/feeds/nope.atom", "/feeds/all", "/feeds/all/nope.atom", "/no/such/path");
        return paths.stream().flatMap(p -> List.of(new Object[] {p, "identity"}, new Object[] {p, "gzip"}).stream())
                .toList();
    }

    @ParameterizedTest(name = "HEAD {0} ({1})")
    @MethodSource("requests")
    void headSendsTheHeadersOfGet(String path, String encoding) throws Exception {
        HttpResponse<byte[]> get = server.send("GET", path, "Accept-Encoding", encoding);
        HttpResponse<byte[]> head = server.send("HEAD", path, "Accept-Encoding", encoding);

        assertThat(head.statusCode()).isEqualTo(get.statusCode());
        assertThat(head.body()).isEmpty();
        assertThat(comparable(head)).isEqualTo(comparable(get));
        // the length of what GET sent, or none; never a length of a body HEAD did not build
        String length = Integer.toString(get.body().length);
        get.headers().firstValue("Content-Length").ifPresent(l -> assertThat(l).isEqualTo(length));
        head.headers().firstValue("Content-Length").ifPresent(l -> assertThat(l).as("HEAD Content-Length").isEqualTo(length));
    }

    /** The headers that must agree: all but the date and how the body is framed. */
    private static Map<String, List<String>> comparable(HttpResponse<?> r) {
        Set<String> framing = Set.of("date", "content-length", "transfer-encoding");
        Map<String, List<String>> out = new TreeMap<>();
        r.headers().map().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (!framing.contains(n) && !n.startsWith(":")) out.put(n, values);
        });
        return out;
    }
}

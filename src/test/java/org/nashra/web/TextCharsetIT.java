package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text response declares charset=utf-8. Pins the defect QA found in the demo:
 * {@code /api/feeds/أخبار/stories} answered its Arabic 404 "no published feed 'أخبار'" as bare
 * {@code text/plain}, which a client may read as ISO-8859-1 or US-ASCII (RFC 2046 4.1.2), while
 * {@code /feeds/أخبار.atom} said charset=utf-8.
 */
class TextCharsetIT extends ServedIT {
    static final String AKHBAR = URLEncoder.encode("أخبار", StandardCharsets.UTF_8);

    static List<String> paths() {
        return List.of("/", "/api/sources", "/api/feeds/all/stories", "/api/stories/1", "/sources.opml", "/feeds.opml",
                "/healthz", "/metrics", "/feeds/all.atom", "/feeds/all.rss", "/feeds/all.json",
                // every kind of error this server writes itself
                "/api/feeds/" + AKHBAR + "/stories", "/feeds/" + AKHBAR + ".atom", "/feeds/all/archive/" + AKHBAR + ".atom",
                "/feeds/all/" + AKHBAR + ".atom", "/feeds/all", "/feeds/all.xml", "/feeds/all/other.xml",
                "/feeds/all.json?limit=zero", "/api/stories/999", "/api/stories/" + AKHBAR, "/" + AKHBAR);
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("paths")
    void declaresUtf8(String path) throws Exception {
        assertUtf8(server.send("GET", path));
        // Javalin answers an unknown path in JSON to a client that accepts JSON
        assertUtf8(server.send("GET", path, "Accept", "application/json"));
    }

    @Test
    void arabicNotFoundMessageIsUtf8() throws Exception {
        HttpResponse<byte[]> r = server.send("GET", "/api/feeds/" + AKHBAR + "/stories");
        assertThat(r.statusCode()).isEqualTo(404);
        assertUtf8(r);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("'أخبار'");
    }

    /** Requests Jetty refuses before they reach a handler: it answered them in ISO-8859-1 HTML. */
    @Test
    void requestsJettyRefusesAreAnsweredInUtf8() throws Exception {
        assertUtf8(server.send("GET", "/" + "a".repeat(20_000)));
        assertUtf8(server.send("GET", "/", "X-Big", "a".repeat(20_000)));
        String raw = raw("GET /feeds/% HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw.toLowerCase(Locale.ROOT).replace(" ", "")).contains("\ncontent-type:text/plain;charset=utf-8");
    }

    private static void assertUtf8(HttpResponse<byte[]> r) {
        assertThat(r.statusCode()).isGreaterThanOrEqualTo(200);
        String type = r.headers().firstValue("Content-Type").orElseThrow(() ->
                new AssertionError(r.statusCode() + " " + r.uri() + " has no Content-Type"));
        String path = r.uri().getRawPath();
        assertThat(type.toLowerCase(Locale.ROOT).replace(" ", ""))
                .as("%s %s", r.statusCode(), path.length() > 80 ? path.substring(0, 80) + "…" : path)
                .contains(";charset=utf-8");
    }

    private static String raw(String request) throws Exception {
        URI base = URI.create(server.base);
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}

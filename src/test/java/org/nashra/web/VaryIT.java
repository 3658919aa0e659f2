package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A response whose body may be compressed by content negotiation says {@code Vary:
 * Accept-Encoding} (RFC 9110 12.5.5), or a shared cache may hand the gzip bytes it stored to a
 * client that cannot read them. Pins the defect QA found in the demo: {@code /},
 * {@code /api/feeds/all/stories} and {@code /api/sources} came gzip-compressed (by Javalin)
 * without it; the feeds, compressed by the server itself, had it.
 */
class VaryIT extends ServedIT {
    /** The paths QA saw compressed without Vary: big enough to be compressed here too. */
    static List<String> compressed() {
        return List.of("/", "/api/feeds/all/stories", "/api/sources", "/feeds/all.atom");
    }

    /** Every other kind of answer, including errors long enough to be worth compressing. */
    static List<String> others() {
        return List.of("/api/stories/1", "/sources.opml", "/feeds.opml", "/healthz", "/metrics", "/feeds/all/other.json",
                "/feeds/all/archive/2026-11-29.rss", "/api/stories/999", "/api/feeds/nope/stories",
                "/api/feeds/" + "x".repeat(2000) + "/stories", "/" + "x".repeat(2000));
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("compressed")
    void compressedResponsesAndTheirIdentityVariantsVaryOnAcceptEncoding(String path) throws Exception {
        HttpResponse<byte[]> gz = server.send("GET", path, "Accept-Encoding", "gzip");
        assertThat(gz.headers().firstValue("Content-Encoding")).as("compressed").contains("gzip");
        assertThat(gz.headers().allValues("Vary")).as("Vary of the gzip variant").anyMatch(v -> v.contains("Accept-Encoding"));
        HttpResponse<byte[]> plain = server.send("GET", path);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.headers().allValues("Vary")).as("Vary of the identity variant").anyMatch(v -> v.contains("Accept-Encoding"));
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes()).isEqualTo(plain.body());
    }

    @ParameterizedTest(name = "GET {0}")
    @MethodSource("others")
    void anyCompressedResponseVariesOnAcceptEncoding(String path) throws Exception {
        HttpResponse<byte[]> gz = server.send("GET", path, "Accept-Encoding", "gzip");
        if (gz.headers().firstValue("Content-Encoding").isPresent()) {
            assertThat(gz.headers().allValues("Vary")).as("%s %s", gz.statusCode(), path.substring(0, Math.min(60, path.length())))
                    .anyMatch(v -> v.contains("Accept-Encoding"));
        }
    }
}

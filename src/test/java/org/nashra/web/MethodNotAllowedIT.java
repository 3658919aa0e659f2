package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A method a path does not support is 405 with Allow (RFC 9110 15.5.6), OPTIONS is answered with
 * Allow. Pins the defect QA found in the demo: POST, PUT, DELETE and OPTIONS on
 * {@code /feeds/all.atom} answered 404 "Endpoint POST /feeds/all.atom not found", telling a client
 * the feed did not exist.
 */
class MethodNotAllowedIT extends ServedIT {
    /** One request path for every route of the server. */
    static final List<String> PATHS = List.of("/", "/feeds/all.atom", "/feeds/all/other.rss",
            "/feeds/all/archive/2026-11-29.json", "/sources.opml", "/feeds.opml", "/api/sources",
            "/api/feeds/all/stories", "/api/stories/1", "/healthz", "/metrics");

    static List<Object[]> writes() {
        return PATHS.stream().flatMap(p -> List.of("POST", "PUT", "PATCH", "DELETE", "TRACE").stream()
                .map(m -> new Object[] {m, p})).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void otherMethodsAre405WithAllow(String method, String path) throws Exception {
        HttpResponse<byte[]> r = server.send(method, path);
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(allow(r)).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains(method).contains(path);
    }

    @Test
    void optionsIs204WithAllow() throws Exception {
        for (String path : PATHS) {
            HttpResponse<byte[]> r = server.send("OPTIONS", path);
            assertThat(r.statusCode()).as(path).isEqualTo(204);
            assertThat(allow(r)).as(path).containsExactlyInAnyOrder("GET", "HEAD", "OPTIONS");
            assertThat(r.body()).isEmpty();
            assertThat(r.headers().firstValue("Content-Type")).as(path).isEmpty();
        }
    }

    @Test
    void readsStillWork() throws Exception {
        for (String path : PATHS) {
            assertThat(server.send("GET", path).statusCode()).as("GET " + path).isEqualTo(200);
            assertThat(server.send("HEAD", path).statusCode()).as("HEAD " + path).isEqualTo(200);
        }
    }

    @Test
    void unknownPathIsStill404AndUnknownMethodIs501() throws Exception {
        assertThat(server.send("POST", "/no/such/path").statusCode()).isEqualTo(404);
        assertThat(server.send("OPTIONS", "/no/such/path").statusCode()).isEqualTo(404);
        // RFC 9110 15.6.2: a method the server does not recognise at all
        HttpResponse<byte[]> r = server.send("BREW", "/feeds/all.atom");
        assertThat(r.statusCode()).isEqualTo(501);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/plain;charset=utf-8");
    }

    private static Set<String> allow(HttpResponse<?> r) {
        String allow = r.headers().firstValue("Allow").orElseThrow(() -> new AssertionError("no Allow header"));
        return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
    }
}

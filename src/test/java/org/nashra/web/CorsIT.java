package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Browser feed readers and aggregator sites read the feeds and the JSON API from pages of other
 * origins (Fetch standard, CORS protocol): every answer on those paths allows any origin, exposes
 * the validators, and OPTIONS answers a preflight for conditional requests. Liveness and metrics
 * are for the operator's own tools and stay closed to other origins' pages.
 */
class CorsIT extends ServedIT {
    static final String ORIGIN = "https://reader.example";
    static final List<String> OPERATOR_PATHS = List.of("/healthz", "/metrics");

    static List<String> publicPaths() {
        return MethodNotAllowedIT.PATHS.stream().filter(p -> !OPERATOR_PATHS.contains(p)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPaths")
    void readsFromAnyOriginWithTheValidatorsExposed(String path) throws Exception {
        for (String method : List.of("GET", "HEAD")) {
            HttpResponse<byte[]> r = server.send(method, path, "Origin", ORIGIN);
            assertThat(r.statusCode()).as(method + " " + path).isEqualTo(200);
            assertAnyOrigin(r.headers(), method + " " + path);
            assertThat(tokens(r.headers(), "Access-Control-Expose-Headers")).as(method + " " + path)
                    .contains("etag", "last-modified", "link");
        }
    }

    @Test
    void conditionalRequestsFromAPageGet304WithCors() throws Exception {
        HttpResponse<byte[]> first = server.send("GET", "/feeds/all.json", "Origin", ORIGIN);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<byte[]> again = server.send("GET", "/feeds/all.json", "Origin", ORIGIN, "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertAnyOrigin(again.headers(), "304");
    }

    @Test
    void errorsOnPublicPathsAreReadableToo() throws Exception {
        for (String path : List.of("/nope", "/api/nope", "/feeds/nope.atom", "/feeds/all.json?limit=zero", "/api/stories/999",
                "/api/stories/abc", "/api/feeds/nope/stories", "/feeds/all/archive/1999-01-01.rss")) {
            HttpResponse<byte[]> r = server.send("GET", path, "Origin", ORIGIN);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertAnyOrigin(r.headers(), path);
        }
        HttpResponse<byte[]> post = server.send("POST", "/feeds/all.atom", "Origin", ORIGIN);
        assertThat(post.statusCode()).isEqualTo(405);
        assertAnyOrigin(post.headers(), "405");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPaths")
    void optionsAnswersThePreflightOfAConditionalGet(String path) throws Exception {
        HttpResponse<byte[]> r = server.send("OPTIONS", path, "Origin", ORIGIN, "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "if-none-match,if-modified-since");
        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("Content-Type")).isEmpty();
        assertAnyOrigin(r.headers(), path);
        assertThat(tokens(r.headers(), "Access-Control-Allow-Methods")).containsExactlyInAnyOrder("get", "head", "options");
        assertThat(tokens(r.headers(), "Access-Control-Allow-Headers")).contains("if-none-match", "if-modified-since");
        assertThat(Long.parseLong(r.headers().firstValue("Access-Control-Max-Age").orElseThrow())).isPositive();
        // still the plain OPTIONS answer MethodNotAllowedIT pins
        assertThat(tokens(r.headers(), "Allow")).containsExactlyInAnyOrder("get", "head", "options");
    }

    @Test
    void operatorPathsSendNoCorsHeaders() throws Exception {
        for (String path : OPERATOR_PATHS) {
            for (String method : List.of("GET", "HEAD", "OPTIONS", "POST")) {
                HttpResponse<byte[]> r = server.send(method, path, "Origin", ORIGIN, "Access-Control-Request-Method", "GET");
                assertThat(r.headers().map().keySet()).as(method + " " + path)
                        .noneMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("access-control-"));
            }
            assertThat(server.send("OPTIONS", path).statusCode()).isEqualTo(204);
        }
    }

    /** One {@code *}: the origin is not echoed, so the answer does not vary by it. */
    private static void assertAnyOrigin(HttpHeaders h, String what) {
        assertThat(h.allValues("Access-Control-Allow-Origin")).as(what).containsExactly("*");
        Set<String> vary = tokens(h, "Vary");
        assertThat(vary).as("Vary of " + what).contains("accept-encoding").doesNotContain("origin");
    }

    private static Set<String> tokens(HttpHeaders h, String name) {
        return h.allValues(name).stream().flatMap(v -> Arrays.stream(v.split(",")))
                .map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }
}

package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.store.TestDatabases;

/**
 * Regression (QA, filters): {@code /feeds/all.atom?source=nope} answered 200 with no entries,
 * {@code <updated>1970-01-01T00:00:00Z</updated>} and Last-Modified in 1970. A source or group no
 * configured source is or has is now refused with 400, naming it and the known ones, as a bad limit
 * or since is; a filter of known values that matches nothing says when the feed last changed.
 */
class FeedFiltersIT {
    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    /** The server of {@link LastModifiedIT} (wafa's stories a and b), with three sources and a feed of one group. */
    static LastModifiedIT.Server start(String kind, Path dir) throws Exception {
        return LastModifiedIT.start(kind, dir, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq, news] }
                  - { id: nile, name: النيل, url: "https://nile.example/rss", groups: [egypt] }
                  - { id: furat, name: الفرات, url: "https://furat.example/rss", groups: [iraq] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                  - { id: iraq, title: العراق, include: { groups: [iraq] }, exclude: { sources: [furat] } }
                """);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSourceOrGroupNoSourceIsOrHasIsRefusedNamingTheKnownOnes(String kind, @TempDir Path dir) throws Exception {
        try (LastModifiedIT.Server s = start(kind, dir)) {
            for (String format : List.of("atom", "rss", "json")) {
                HttpResponse<String> r = s.get("/feeds/all." + format + "?source=nope");
                assertThat(r.statusCode()).as(format).isEqualTo(400);
                assertThat(r.body()).isEqualTo("bad request: source must name a configured source (furat, nile, wafa), got 'nope'");
            }
            assertThat(s.get("/feeds/all.atom?source=wafa,nope,zzz").body())
                    .isEqualTo("bad request: source must name a configured source (furat, nile, wafa), got 'nope', 'zzz'");
            assertThat(s.get("/feeds/all.atom?group=nope").body())
                    .isEqualTo("bad request: group must name a group of a configured source (egypt, iraq, news), got 'nope'");
            assertThat(s.get("/feeds/iraq.atom?exclude=nope").body())
                    .isEqualTo("bad request: exclude must name a configured source (furat, nile, wafa), got 'nope'");
            assertThat(s.get("/feeds/all.atom?before=1796006011957-36&source=nope").statusCode()).as("a page too").isEqualTo(400);
            // the JSON API reads the same parameters
            HttpResponse<String> api = s.get("/api/feeds/all/stories?group=nope");
            assertThat(api.statusCode()).isEqualTo(400);
            assertThat(api.body()).contains("'nope'").contains("(egypt, iraq, news)");
            // and the page of a digest entry, which a filtered view's entries link to with its filters
            assertThat(s.get("/feeds/all/other-news/PT6H/2026-11-29T06:00Z?source=nope").body())
                    .isEqualTo("bad request: source must name a configured source (furat, nile, wafa), got 'nope'");
            // known values are served as before, those the feed leaves out too (an empty view)
            assertThat(s.get("/feeds/all.atom?source=wafa&group=iraq&exclude=nile").statusCode()).isEqualTo(200);
            for (String view : List.of("source=nile", "source=furat", "group=egypt")) {
                assertThat(s.get("/feeds/iraq.atom?" + view).statusCode()).as(view).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aKnownFilterThatMatchesNothingSaysWhenTheFeedLastChanged(String kind, @TempDir Path dir) throws Exception {
        try (LastModifiedIT.Server s = start(kind, dir)) {
            // the feed last changed when b was stored (08:45); nile and furat have no story
            for (String query : List.of("source=nile", "group=egypt", "q=" + URLEncoder.encode("زلزال", StandardCharsets.UTF_8),
                    "since=2026-11-30T00:00:00Z", "before=1700000000000")) {
                HttpResponse<String> r = s.get("/feeds/all.atom?" + query);
                assertThat(r.statusCode()).as(query).isEqualTo(200);
                assertThat(r.body()).as(query).doesNotContain("<entry>");
                assertThat(LastModifiedIT.feedUpdated(r.body())).as(query).isEqualTo("2026-11-29T08:45:00Z");
                assertThat(LastModifiedIT.header(r, "Last-Modified")).as(query).isEqualTo("Sun, 29 Nov 2026 08:45:00 GMT");
                assertThat(s.get("/feeds/all.json?" + query).body()).as(query).contains("\"updated\" : \"2026-11-29T08:45:00Z\"");
            }

            // a story the view shows: its Last-Modified moves
            HttpResponse<String> empty = s.get("/feeds/all.atom?source=nile");
            s.join(null, "nile", "n1", "2026-11-30T09:00:00Z", "2026-11-30T09:05:00Z");
            HttpResponse<String> shown = s.get("/feeds/all.atom?source=nile", "If-Modified-Since",
                    LastModifiedIT.header(empty, "Last-Modified"));
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.body()).contains("خبر n1 من nile");
            assertThat(LastModifiedIT.feedUpdated(shown.body())).isEqualTo(Instant.parse("2026-11-30T09:05:00Z"));
        }
    }
}

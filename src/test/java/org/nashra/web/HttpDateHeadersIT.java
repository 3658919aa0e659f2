package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.store.TestDatabases;

/**
 * Regression (QA, HTTP validators): on days 1 to 9 of a month Last-Modified said
 * {@code Tue, 1 Dec 2026 09:00:00 GMT}, no IMF-fixdate (RFC 9110 5.6.7 wants "01"), and an
 * If-Modified-Since in the obsolete RFC 850 or asctime form, which a recipient must accept, got
 * 200 where its IMF-fixdate twin got 304. The server's clock says 2026-12-01.
 */
class HttpDateHeadersIT {
    static final String IMF_FIXDATE = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + " \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void lastModifiedIsAnImfFixdateAndIfModifiedSinceIsReadInEveryForm(String kind, @TempDir Path dir) throws Exception {
        try (LastModifiedIT.Server s = LastModifiedIT.start(kind, dir)) {
            s.add("c", "2026-11-30T11:00:00Z", "2026-12-01T09:00:00Z");
            for (String path : List.of("/feeds/all.atom", "/feeds/all.rss", "/feeds/all.json")) {
                HttpResponse<String> r = s.get(path);
                assertThat(LastModifiedIT.header(r, "Last-Modified")).as(path)
                        .isEqualTo("Tue, 01 Dec 2026 09:00:00 GMT").matches(IMF_FIXDATE);
                for (String same : List.of("Tuesday, 01-Dec-26 09:00:00 GMT", "Tue Dec  1 09:00:00 2026",
                        "Tue, 1 Dec 2026 09:00:00 GMT")) {
                    assertThat(s.get(path, "If-Modified-Since", same).statusCode()).as("%s since %s", path, same).isEqualTo(304);
                }
                for (String earlier : List.of("Tuesday, 01-Dec-26 08:59:59 GMT", "Tue Dec  1 08:59:59 2026")) {
                    assertThat(s.get(path, "If-Modified-Since", earlier).statusCode()).as("%s since %s", path, earlier)
                            .isEqualTo(200);
                }
                // invalid dates are ignored, as before: the whole feed
                for (String invalid : List.of("Tuesday, 01-Dec-26 09:00:00", "Wed Dec  1 09:00:00 2026", "soon")) {
                    assertThat(s.get(path, "If-Modified-Since", invalid).statusCode()).as("%s since %s", path, invalid)
                            .isEqualTo(200);
                }
            }
            // the archives, whose validators have their own dates, say them the same way
            HttpResponse<String> archive = s.get("/feeds/all/archive/2026-11-29.atom");
            assertThat(LastModifiedIT.header(archive, "Last-Modified")).matches(IMF_FIXDATE);
            // its next-archive link to the 30th came when that day was over
            assertThat(LastModifiedIT.header(archive, "Last-Modified")).isEqualTo("Tue, 01 Dec 2026 00:00:00 GMT");
            assertThat(s.get("/feeds/all/archive/2026-11-29.atom", "If-Modified-Since", "Tue Dec  1 00:00:00 2026")
                    .statusCode()).isEqualTo(304);
        }
    }
}

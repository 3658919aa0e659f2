package org.nashra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

/** A source's warnings and notes as stored, on H2 and PostgreSQL. */
class SourceRepositoryIT {
    static final Instant T0 = Instant.parse("2026-11-29T08:00:00Z");
    static final String EMPTY = "the listing at https://alamsar.net/ listed no items";

    static Stream<String> kinds() {
        return TestDatabases.kinds();
    }

    static FetchOutcome ok(Instant at, String warnings, String notes) {
        return new FetchOutcome("alamsar", at, "ok", 200, null, null, 0, 0, 0, warnings, at.plusSeconds(900),
                "\"v1\"", null, "abc", null, null, notes);
    }

    static FetchOutcome notModified(Instant at, int status, String note) {
        return new FetchOutcome("alamsar", at, "not_modified", status, null, null, 0, 0, 0, null, at.plusSeconds(900),
                null, null, null, null, null, note);
    }

    /**
     * QA run: a 304 or an unchanged body replaced the warnings, so a broken listing looked healthy from its
     * second pass while the same body was served; an unchanged body was itself stored as a warning.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void warningsAreTheLastBodyReadsAndNotesThePassesOwn(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            SourceRepository repo = new SourceRepository(h.db());
            repo.sync(List.of(SourceConfig.of("alamsar", URI.create("https://alamsar.net/"), SourceType.HTML)));
            repo.record(ok(T0, EMPTY, null));

            repo.record(notModified(T0.plusSeconds(900), 304, "not modified (304)"));
            SourceState after304 = repo.find("alamsar").orElseThrow();
            assertThat(after304.warnings()).isEqualTo(EMPTY);
            assertThat(after304.notes()).isEqualTo("not modified (304)");
            assertThat(after304.httpStatus()).isEqualTo(304);

            repo.record(notModified(T0.plusSeconds(1800), 200, "not modified (200, unchanged body)"));
            SourceState unchanged = repo.find("alamsar").orElseThrow();
            assertThat(unchanged.warnings()).isEqualTo(EMPTY);
            assertThat(unchanged.notes()).isEqualTo("not modified (200, unchanged body)");
            assertThat(unchanged.httpStatus()).isEqualTo(200);

            repo.record(new FetchOutcome("alamsar", T0.plusSeconds(2700), "failed", 503, "HTTP_SERVER_ERROR",
                    "HTTP_SERVER_ERROR https://alamsar.net/: 503", 0, 0, 0, null, T0.plusSeconds(3600), null, null, null,
                    null, null));
            SourceState failed = repo.find("alamsar").orElseThrow();
            assertThat(failed.warnings()).as("a failure read no new body").isEqualTo(EMPTY);
            assertThat(failed.notes()).as("the notes are the pass's own").isNull();

            repo.record(ok(T0.plusSeconds(3600), null, "moved permanently to https://alamsar.net/ar/"));
            SourceState mended = repo.find("alamsar").orElseThrow();
            assertThat(mended.warnings()).isNull();
            assertThat(mended.notes()).isEqualTo("moved permanently to https://alamsar.net/ar/");
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aChangedUrlForgetsTheWarningsOfTheOldOne(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.open(kind)) {
            SourceRepository repo = new SourceRepository(h.db());
            repo.sync(List.of(SourceConfig.of("alamsar", URI.create("https://alamsar.net/"), SourceType.HTML)));
            repo.record(ok(T0, EMPTY, "moved permanently to https://alamsar.net/ar/"));

            repo.sync(List.of(SourceConfig.of("alamsar", URI.create("https://alamsar.net/news/"), SourceType.HTML)));

            SourceState moved = repo.find("alamsar").orElseThrow();
            assertThat(moved.warnings()).isNull();
            assertThat(moved.notes()).isNull();
        }
    }

    /** Rows left by releases before V10 had "unchanged body" among the warnings, where it would now stay. */
    @ParameterizedTest
    @MethodSource("kinds")
    void anUnchangedBodyStoredAsAWarningBeforeV10BecomesANote(String kind) throws Exception {
        try (TestDatabases.Handle h = TestDatabases.openAfter(kind, "9", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO sources (id, url, last_status, http_status, warnings) VALUES (?, ?, ?, ?, ?)")) {
                for (Object[] row : new Object[][] {
                        {"shafaq", "https://shafaq.example/rss", "not_modified", 200, "unchanged body"},
                        {"alamsar", "https://alamsar.net/", "ok", 200, EMPTY}}) {
                    for (int i = 0; i < row.length; i++) ps.setObject(i + 1, row[i]);
                    ps.executeUpdate();
                }
            }
        })) {
            SourceRepository repo = new SourceRepository(h.db());

            SourceState unchanged = repo.find("shafaq").orElseThrow();
            assertThat(unchanged.warnings()).isNull();
            assertThat(unchanged.notes()).isEqualTo("not modified (200, unchanged body)");
            SourceState warned = repo.find("alamsar").orElseThrow();
            assertThat(warned.warnings()).isEqualTo(EMPTY);
            assertThat(warned.notes()).isNull();
        }
    }
}

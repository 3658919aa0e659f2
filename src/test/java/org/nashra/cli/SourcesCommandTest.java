package org.nashra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.DatabaseSettings;
import org.nashra.store.Database;
import org.nashra.store.FetchOutcome;
import org.nashra.store.SourceRepository;

/**
 * QA run: {@code nashra sources} showed no warnings, so a listing that yielded nothing looked
 * healthy there; only /api/sources and {@code fetch -v} said so.
 */
class SourcesCommandTest {
    static final String EMPTY = "listing of source alamsar at https://alamsar.net/ yielded no items: selector 'article'"
            + " for listing item matched nothing; it had items before (12 stored from earlier passes)";

    @Test
    void theLastPassWarningsShowUnderTheSourceFirstOneAndACount(@TempDir Path dir) {
        Path data = dir.resolve("data");
        assertThat(CliRun.of("resume", "bbc-arabic", "--data", data.toString()).code()).isZero();
        try (Database db = Database.open(new DatabaseSettings(DatabaseSettings.embeddedUrl(data), "sa", "", 2, false))) {
            Instant t = Instant.parse("2026-11-29T12:00:00Z");
            new SourceRepository(db).record(new FetchOutcome("bbc-arabic", t, "ok", 200, null, null, 0, 0, 2,
                    EMPTY + "\nitem https://alamsar.net/1 rejected: no text\nitem https://alamsar.net/2 rejected: no text",
                    t.plusSeconds(900), null, null, null, null, null));
        }

        CliRun r = CliRun.of("sources", "--data", data.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("bbc-arabic").contains("\n    warning: " + EMPTY + " (+2 more)\n");
    }

    /**
     * QA run: a 304 showed as the source's warning, or wiped the warning of the body still served; now
     * the warning stays and "not modified" is a note, on a line of its own.
     */
    @Test
    void aNotModifiedPassIsANoteUnderTheWarningsOfTheBodyStillServed(@TempDir Path dir) {
        Path data = dir.resolve("data");
        assertThat(CliRun.of("resume", "bbc-arabic", "--data", data.toString()).code()).isZero();
        try (Database db = Database.open(new DatabaseSettings(DatabaseSettings.embeddedUrl(data), "sa", "", 2, false))) {
            Instant t = Instant.parse("2026-11-29T12:00:00Z");
            SourceRepository sources = new SourceRepository(db);
            sources.record(new FetchOutcome("bbc-arabic", t, "ok", 200, null, null, 0, 0, 0, EMPTY,
                    t.plusSeconds(900), "\"v1\"", null, null, null, null));
            sources.record(new FetchOutcome("bbc-arabic", t.plusSeconds(900), "not_modified", 304, null, null, 0, 0, 0,
                    null, t.plusSeconds(1800), "\"v1\"", null, null, null, null, "not modified (304)"));
        }

        CliRun r = CliRun.of("sources", "--data", data.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("\n    warning: " + EMPTY + "\n    note: not modified (304)\n")
                .doesNotContain("warning: not modified");
    }

    /**
     * QA run: a paused source showed the due time it had when paused, long past, as if it were late;
     * it is fetched no more until resumed, and says why and how.
     */
    @Test
    void aPausedSourceShowsNoDueTimeButWhyItIsPaused(@TempDir Path dir) {
        Path data = dir.resolve("data");
        assertThat(CliRun.of("resume", "bbc-arabic", "--data", data.toString()).code()).isZero();
        pausedByGone(data);

        CliRun r = CliRun.of("sources", "--data", data.toString());

        assertThat(r.code()).as(r.err()).isZero();
        String row = r.out().lines().filter(l -> l.startsWith("bbc-arabic ")).findFirst().orElseThrow();
        assertThat(row).contains(" paused ").doesNotContain("2026-11-29T12:15:00Z");
        assertThat(r.out()).contains("\n    paused: 410 Gone from https://feeds.bbci.co.uk/arabic/rss.xml;"
                + " `nashra resume bbc-arabic` fetches it again\n");
    }

    @Test
    void resumeSaysWhatThePauseWasAndWhenTheSourceIsFetched(@TempDir Path dir) {
        Path data = dir.resolve("data");
        assertThat(CliRun.of("resume", "bbc-arabic", "--data", data.toString()).out()).isEqualTo("bbc-arabic is not paused\n");
        pausedByGone(data);

        CliRun r = CliRun.of("resume", "bbc-arabic", "--data", data.toString());

        assertThat(r.out()).isEqualTo("bbc-arabic resumed (was paused: 410 Gone from https://feeds.bbci.co.uk/arabic/rss.xml);"
                + " the next pass of nashra serve or nashra fetch fetches it\n");
    }

    /** bbc-arabic's pass at 12:00 met a 410 Gone, which pauses it; it was due at 12:15. */
    private static void pausedByGone(Path data) {
        try (Database db = Database.open(new DatabaseSettings(DatabaseSettings.embeddedUrl(data), "sa", "", 2, false))) {
            Instant t = Instant.parse("2026-11-29T12:00:00Z");
            new SourceRepository(db).record(new FetchOutcome("bbc-arabic", t, "failed", 410, "gone", "410 Gone", 0, 0, 0,
                    null, t.plusSeconds(900), null, null, null, null, "410 Gone from https://feeds.bbci.co.uk/arabic/rss.xml"));
        }
    }

    @Test
    void aSourceWithoutNotesGetsNoNoteLine() {
        assertThat(SourcesCommand.noteLine(null)).isNull();
        assertThat(SourcesCommand.noteLine("not modified (200, unchanged body)"))
                .isEqualTo("note: not modified (200, unchanged body)");
    }

    @Test
    void aSourceWithoutWarningsGetsNoLine() {
        assertThat(SourcesCommand.warningLine(null)).isNull();
        assertThat(SourcesCommand.warningLine("\n")).isNull();
        assertThat(SourcesCommand.warningLine(EMPTY)).isEqualTo("warning: " + EMPTY);
    }

    @Test
    void aLongFirstWarningIsCutAfterAWholeWord() {
        String longOne = "item https://alamsar.net/a rejected: " + "نص طويل جدا ".repeat(40);
        String line = SourcesCommand.warningLine(longOne + "\nsecond");
        assertThat(line).startsWith("warning: item https://alamsar.net/a rejected: نص").endsWith("… (+1 more)");
        String shown = line.substring("warning: ".length(), line.length() - "… (+1 more)".length());
        assertThat(shown.length()).isLessThanOrEqualTo(SourcesCommand.WARNING_CHARS);
        assertThat(longOne).startsWith(shown + " ");
    }
}

package org.nashra.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.text.DatePrecision;
import org.nashra.text.NormalizedItem;

class RepeatedOtherNewsTest {
    static NormalizedItem item(String url, String guid, Role role, String published) {
        RawItem raw = new RawItem("asdaa", url, guid, "النقل: تسيير قطار يومي جديد", "", "نص", null, null, null, null, null,
                List.of(), role, role == Role.OTHER ? url.substring(0, url.indexOf('#')) : null);
        return new NormalizedItem(raw, raw.title(), raw.text(), raw.title(), raw.text(), url, Instant.parse(published),
                DatePrecision.TIME, null, List.of());
    }

    @Test
    void anOtherNewsItemReadOnSeveralPagesIsKeptOnceAsTheCopyOfTheEarliestPageInThePlaceOfTheFirst() {
        NormalizedItem article = item("https://asdaa.example/3301/", null, Role.MAIN, "2026-11-29T08:45:00Z");
        NormalizedItem on3301 = item("https://asdaa.example/3301/#other-1", "text:aa", Role.OTHER, "2026-11-29T08:45:00Z");
        NormalizedItem other = item("https://asdaa.example/3301/#other-2", "text:bb", Role.OTHER, "2026-11-29T08:45:00Z");
        NormalizedItem on3304 = item("https://asdaa.example/3304/#other-1", "text:aa", Role.OTHER, "2026-11-29T05:40:00Z");
        NormalizedItem on3302 = item("https://asdaa.example/3302/#other-1", "text:aa", Role.OTHER, "2026-11-29T08:20:00Z");

        RepeatedOtherNews.Once once = RepeatedOtherNews.onceEach(List.of(article, on3301, other, on3304, on3302));

        assertThat(once.items()).containsExactly(article, on3304, other);
        assertThat(once.repeats()).isEqualTo(2);
    }

    @Test
    void articlesAreNeverFoldedTogether() {
        NormalizedItem a = item("https://asdaa.example/1/", "same", Role.MAIN, "2026-11-29T08:45:00Z");
        NormalizedItem b = item("https://asdaa.example/1/", "same", Role.MAIN, "2026-11-29T05:45:00Z");
        RepeatedOtherNews.Once once = RepeatedOtherNews.onceEach(List.of(a, b));
        assertThat(once.items()).containsExactly(a, b);
        assertThat(once.repeats()).isZero();
    }
}

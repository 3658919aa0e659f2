package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** QA run: five stories of one feed sharing guid "constant-guid" were stored as one, four counted duplicates. */
class RepeatedGuidsTest {
    private static RawItem item(String url, String guid) {
        return new RawItem("s", url, guid, "عنوان", "", "نص", null, null, null, null, null, List.of(), Role.MAIN, null);
    }

    @Test
    void aGuidGivenToItemsWithDifferentLinksIsDropped() {
        List<String> warnings = new ArrayList<>();
        List<RawItem> out = RepeatedGuids.resolve(List.of(item("https://x.example/1", "constant-guid"),
                item("https://x.example/2", "constant-guid"), item("https://x.example/3", "g3")), warnings);
        assertThat(out).extracting(RawItem::guid).containsExactly(null, null, "g3");
        assertThat(warnings).singleElement().asString().contains("constant-guid").contains("2 items");
    }

    /**
     * QA on the demo: asdaa's other-news items, each repeated on several of its pages, were warned of
     * as `guid "text:6ed2…" is given to 3 items with different links` (a guid Nashra made, not the
     * outlet) and, their guid dropped, stored once per page.
     */
    @Test
    void anOtherNewsItemsGuidIsNashrasMadeToRepeatAndIsNeitherWarnedOfNorDropped() {
        List<String> warnings = new ArrayList<>();
        String guid = PageExtractor.textIdentity("الصحة تطلق حملة تلقيح ضد شلل الأطفال", List.of("أطلقت وزارة الصحة حملة."));
        List<RawItem> in = List.of(
                new RawItem("s", "https://x.example/1#other-1", guid, "عنوان", "", "نص", null, null, null, null, null,
                        List.of(), Role.OTHER, "https://x.example/1"),
                new RawItem("s", "https://x.example/2#other-1", guid, "عنوان", "", "نص", null, null, null, null, null,
                        List.of(), Role.OTHER, "https://x.example/2"),
                item("https://x.example/3", "constant-guid"), item("https://x.example/4", "constant-guid"));
        List<RawItem> out = RepeatedGuids.resolve(in, warnings);
        assertThat(out).extracting(RawItem::guid).containsExactly(guid, guid, null, null);
        assertThat(warnings).singleElement().asString().contains("constant-guid").doesNotContain("text:");
    }

    @Test
    void theSameItemListedTwiceKeepsItsGuid() {
        List<String> warnings = new ArrayList<>();
        List<RawItem> in = List.of(item("https://x.example/1", "g1"), item("https://x.example/1", "g1"));
        assertThat(RepeatedGuids.resolve(in, warnings)).isSameAs(in);
        assertThat(warnings).isEmpty();
    }
}

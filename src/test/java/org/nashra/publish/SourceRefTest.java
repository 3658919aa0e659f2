package org.nashra.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.extract.Role;

class SourceRefTest {
    private static SourceRef main(String source, String url) {
        return new SourceRef(source, source, url, "الصحة تطلق حملة تلقيح", Role.MAIN);
    }

    private static SourceRef other(String source, String url, String title) {
        return new SourceRef(source, source, url, title, Role.OTHER);
    }

    @Test
    void anOutletsOtherNewsMentionsGoWhenItCarriesTheArticleAndRepeatsCountOnce() {
        List<SourceRef> refs = List.of(
                main("furat", "https://furat.example/1"),
                other("asdaa", "https://asdaa.example/3301/#other-1", "الصحة تطلق حملة تلقيح ضد شلل الأطفال"),
                other("asdaa", "https://asdaa.example/3302/#other-1", "الصحةُ تطلق حملة تلقيح ضد شلل الأطفال"),
                main("manara", "https://manara.example/water"),
                other("manara", "https://manara.example/water", "الموارد المائية: تركيا توافق"),
                other("basra", "https://basra.example/9/#other-2", "الصحة تطلق حملة تلقيح"),
                // one outlet's two articles of the story are two copies
                main("furat", "https://furat.example/2"),
                main("furat", "https://furat.example/1"));

        assertThat(SourceRef.distinct(refs)).extracting(SourceRef::sourceId, SourceRef::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("furat", "https://furat.example/1"),
                org.assertj.core.groups.Tuple.tuple("asdaa", "https://asdaa.example/3301/#other-1"),
                org.assertj.core.groups.Tuple.tuple("manara", "https://manara.example/water"),
                org.assertj.core.groups.Tuple.tuple("basra", "https://basra.example/9/#other-2"),
                org.assertj.core.groups.Tuple.tuple("furat", "https://furat.example/2"));
    }
}

package org.nashra.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nashra.dedup.TestItems.T0;
import static org.nashra.dedup.TestItems.item;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nashra.config.DedupSettings;

/** Items with no body to speak of are matched by their headlines. Texts written for this test. */
class TitleOnlyTest {
    private final Explainer explainer = new Explainer(new DedupSettings(Duration.ofHours(72), 0.5));

    @Test
    void aHeadlineCopiedWithAWordChangedMatches() {
        Explanation e = explainer.explain(
                item("a", "https://a.example/1", "المملكة تستقبل الأسبوع المقبل أول أفواج حجاج بيت الله الحرام", "", T0),
                item("b", "https://b.example/1", "المملكة تستقبل الأسبوع القادم أول أفواج حجاج بيت الله الحرام", "",
                        T0.plus(Duration.ofHours(1))));
        assertThat(e.matched()).isTrue();
        assertThat(e.rule()).isEqualTo("title");
    }

    @Test
    void threeSharedWordsNameATopicNotAReport() {
        // two columns on one deal: the shared words are the topic
        Explanation e = explainer.explain(item("a", "https://a.example/2", "الاتفاق حول النووي الإيراني", "", T0),
                item("b", "https://b.example/2", "ما بعد الاتفاق النووي الإيراني؟!", "", T0.plus(Duration.ofHours(3))));
        assertThat(e.titleJaccard()).isGreaterThanOrEqualTo(PairMatcher.TITLE_JACCARD);
        assertThat(e.matched()).isFalse();
        assertThat(e.reason()).contains("3 title words shared");

        // the same three words and nothing else is the same headline
        assertThat(explainer.explain(item("a", "https://a.example/3", "الاتفاق النووي الإيراني", "", T0),
                item("b", "https://b.example/3", "الاتفاق النووي الايراني", "", T0.plus(Duration.ofHours(1)))).matched()).isTrue();
    }
}

package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nashra.config.ListingRules;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class ListingRulesTest {
    private static final URI PAGE = URI.create("https://news.example/section/local/");
    private static final String HTML = """
            <html><body>
            <nav><a href="/">الرئيسية</a></nav>
            <ul class="news">
              <li class="item"><a class="t" href="/n/101">افتتاح جسر جديد في الكرادة</a>
                <time datetime="2024-03-01T08:00:00+03:00">١ آذار</time><img data-src="/img/101.jpg" src="/blank.gif"></li>
              <li class="item"><a class="t" href="https://news.example/n/102">الكهرباء تعلن جدول القطع المبرمج</a>
                <span class="d">الجمعة ٢ آذار ٢٠٢٤</span><img src="//cdn.news.example/102.jpg"></li>
              <li class="item"><a class="t" href="/n/101">افتتاح جسر جديد في الكرادة</a></li>
              <li class="item"><span>بلا رابط</span></li>
            </ul></body></html>
            """;

    private static SourceConfig source(ListingRules rules) {
        return new SourceConfig("news", "أخبار", URI.create("https://news.example/"), SourceType.HTML, List.of(), 0,
                Duration.ofMinutes(15), null, null, null, "ar", true, null, true, rules, null, List.of(), List.of());
    }

    @Test
    void selectorsWithAttributesGiveAbsoluteUrlsDatesAndImages() {
        ListingRules rules = new ListingRules("li.item", "a.t@href", "a.t", "time@datetime", "img@src");
        Extraction e = new PageExtractor(source(rules)).extract(HTML, PAGE);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).extracting(RawItem::url)
                .containsExactly("https://news.example/n/101", "https://news.example/n/102");
        RawItem first = e.items().get(0);
        assertThat(first.title()).isEqualTo("افتتاح جسر جديد في الكرادة");
        assertThat(first.publishedRaw()).isEqualTo("2024-03-01T08:00:00+03:00");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-03-01T05:00:00Z"));
        assertThat(first.image()).isEqualTo("https://news.example/img/101.jpg"); // data-src over the placeholder
        RawItem second = e.items().get(1);
        assertThat(second.publishedRaw()).isNull();
        assertThat(second.image()).isEqualTo("https://cdn.news.example/102.jpg");
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void textDatesStayRawForTheTextStage() {
        ListingRules rules = new ListingRules("li.item", "a.t@href", null, "span.d", null);
        Extraction e = new PageExtractor(source(rules)).extract(HTML, PAGE);
        RawItem second = e.items().get(1);
        assertThat(second.publishedRaw()).isEqualTo("الجمعة ٢ آذار ٢٠٢٤");
        assertThat(second.published()).isNull();
        assertThat(second.title()).isEqualTo("الكهرباء تعلن جدول القطع المبرمج"); // from the link's text
    }

    /** QA run: the selector and "listing yielded no items" came as two warnings of one fault. */
    @Test
    void anItemSelectorThatMatchesNothingIsReportedOnceWithTheSourceAndTheSelector() {
        ListingRules rules = new ListingRules(".article-card", null, ".title", ".date@datetime", null);
        Extraction e = new PageExtractor(source(rules)).extract(HTML, PAGE);
        assertThat(e.items()).isEmpty();
        String one = "listing of source news at " + PAGE + " yielded no items:"
                + " selector '.article-card' for listing item matched nothing";
        assertThat(e.warnings()).containsExactly(one);
        assertThat(e.whyEmpty()).isEqualTo(one);
    }

    @Test
    void anInvalidItemSelectorIsTheReasonTheListingIsEmpty() {
        Extraction e = new PageExtractor(source(new ListingRules("li[", null, null, null, null))).extract(HTML, PAGE);
        assertThat(e.warnings()).containsExactly("listing of source news at " + PAGE + " yielded no items:"
                + " selector 'li[' for listing item is not a valid CSS selector");
    }

    /** Items matched but no link in them: the link rule is the one to fix, not the title or date rules. */
    @Test
    void aLinkSelectorThatFindsNothingIsReportedOnceWithTheSourceAndBothSelectors() {
        ListingRules rules = new ListingRules("li.item", "a.headline@href", "a.t", "time@datetime", null);
        Extraction e = new PageExtractor(source(rules)).extract(HTML, PAGE);
        assertThat(e.items()).isEmpty();
        assertThat(e.warnings()).containsExactly("listing of source news at " + PAGE + " yielded no items:"
                + " selector 'a.headline@href' for listing link found no link in the 4 elements that 'li.item' matched");
    }

    @Test
    void aListingWithItemsHasNoReasonToBeEmpty() {
        Extraction e = new PageExtractor(source(new ListingRules("li.item", null, null, null, null))).extract(HTML, PAGE);
        assertThat(e.items()).isNotEmpty();
        assertThat(e.whyEmpty()).isNull();
    }

    @Test
    void aFieldSelectorThatNeverMatchesIsReported() {
        ListingRules rules = new ListingRules("li.item", "a@href", null, ".date@datetime", null);
        Extraction e = new PageExtractor(source(rules)).extract(HTML, PAGE);
        assertThat(e.items()).hasSize(2);
        assertThat(e.warnings()).containsExactly("selector '.date@datetime' for listing date matched nothing on " + PAGE);
    }

    @Test
    void ruleSyntax() {
        assertThat(RuleSelector.parse("time@datetime")).isEqualTo(new RuleSelector("time@datetime", "time", "datetime"));
        assertThat(RuleSelector.parse("@href").css()).isEmpty();
        assertThat(RuleSelector.parse("a[href*=@]").attr()).isNull();
        assertThat(RuleSelector.parse("h2.title").attr()).isNull();
        assertThat(RuleSelector.parse("meta[property=og:image]@content").attr()).isEqualTo("content");
    }
}

package org.nashra.publish;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OtherNewsDigestTest {
    private static final String FEED = "tag:nashra.test,2026:feed/all";
    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final URI PAGES = URI.create("http://127.0.0.1:8080/feeds/all/other-news");
    private static final Duration SIX_HOURS = Duration.ofHours(6);

    private static List<StoryView> digest(List<StoryView> items) {
        return OtherNewsDigest.build(items, SIX_HOURS, FEED, BAGHDAD, PAGES);
    }

    @Test
    void oneEntryPerLocalWindowNewestFirst() {
        List<StoryView> entries = digest(DigestFixtures.otherItems());
        assertThat(entries).extracting(StoryView::title).containsExactly(
                "أخبار أخرى — 29 تشرين الثاني 2026، 18:00–24:00",
                "أخبار أخرى — 29 تشرين الثاني 2026، 12:00–18:00");
        assertThat(entries).extracting(StoryView::tagId).containsExactly(
                FEED + "/other-news/PT6H/2026-11-29T15:00Z",
                FEED + "/other-news/PT6H/2026-11-29T09:00Z");
    }

    @Test
    void headlinesAreGroupedByOutletWithLinks() {
        StoryView noon = digest(DigestFixtures.otherItems()).get(1);
        Document html = Jsoup.parseBodyFragment(noon.contentHtml());
        assertThat(html.select("h3").eachText()).containsExactly("الأمصار", "بغداد اليوم");
        assertThat(html.select("ul").get(0).select("a").eachText())
                .containsExactly("اجتماع لبحث ملف المياه", "وزير الخارجية يلتقي نظيره الأردني");
        assertThat(html.select("ul").get(0).select("a").eachAttr("href"))
                .containsExactly("https://alamsar.test/n/102", "https://alamsar.test/n/101");
        assertThat(html.select("ul").get(1).select("a").eachText()).containsExactly("افتتاح معرض بغداد الدولي للكتاب");
        assertThat(noon.link()).isEqualTo(PAGES + "/PT6H/2026-11-29T09:00Z");
        assertThat(noon.categories()).containsExactly(OtherNewsDigest.TITLE);
        assertThat(noon.published()).isEqualTo(Instant.parse("2026-11-29T09:10:00Z"));
        assertThat(noon.updated()).isEqualTo(Instant.parse("2026-11-29T11:40:00Z"));
    }

    @Test
    void idsAreStableAcrossReRendersInputOrderAndLateItems() {
        List<StoryView> items = DigestFixtures.otherItems();
        List<StoryView> first = digest(items);
        List<StoryView> shuffled = new ArrayList<>(items);
        Collections.reverse(shuffled);
        assertThat(digest(shuffled)).isEqualTo(first);

        List<StoryView> withLate = new ArrayList<>(items);
        withLate.add(DigestFixtures.other(105, "خبر متأخر", "https://alamsar.test/n/105", "alamsar", "الأمصار",
                "2026-11-29T14:59:59Z"));
        List<StoryView> later = digest(withLate);
        assertThat(later).extracting(StoryView::tagId).isEqualTo(first.stream().map(StoryView::tagId).toList());
        assertThat(later.get(1).updated()).isAfter(first.get(1).updated());
        assertThat(later.get(1).contentHtml()).contains("خبر متأخر");
    }

    @Test
    void repeatedItemsAreListedOnce() {
        List<StoryView> twice = new ArrayList<>(DigestFixtures.otherItems());
        twice.addAll(DigestFixtures.otherItems());
        assertThat(digest(twice)).isEqualTo(digest(DigestFixtures.otherItems()));
    }

    @Test
    void windowsFollowTheLocalDay() {
        // 20:59Z is 23:59 in Baghdad, 21:00Z is 00:00 the next day there
        assertThat(OtherNewsDigest.windowStart(Instant.parse("2026-11-29T20:59:00Z"), SIX_HOURS, BAGHDAD))
                .isEqualTo(Instant.parse("2026-11-29T15:00:00Z"));
        assertThat(OtherNewsDigest.windowStart(Instant.parse("2026-11-29T21:00:00Z"), SIX_HOURS, BAGHDAD))
                .isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        assertThat(OtherNewsDigest.title(Instant.parse("2026-11-29T21:00:00Z"), SIX_HOURS, BAGHDAD))
                .isEqualTo("أخبار أخرى — 30 تشرين الثاني 2026، 00:00–06:00");
    }

    @Test
    void aWindowEndsWhereTheNextBeginsEvenOnALongDay() {
        assertThat(OtherNewsDigest.windowEnd(Instant.parse("2026-11-29T15:00:00Z"), SIX_HOURS, BAGHDAD))
                .isEqualTo(Instant.parse("2026-11-29T21:00:00Z"));
        // Berlin's 25 October 2026 has 25 hours: its fifth window is the hour before the next day
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        Instant fifth = OtherNewsDigest.windowStart(Instant.parse("2026-10-25T22:30:00Z"), SIX_HOURS, berlin);
        assertThat(fifth).isEqualTo(Instant.parse("2026-10-25T22:00:00Z"));
        assertThat(OtherNewsDigest.windowEnd(fifth, SIX_HOURS, berlin)).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        assertThat(OtherNewsDigest.windowStart(Instant.parse("2026-10-25T23:00:00Z"), SIX_HOURS, berlin))
                .isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void nothingToDigestGivesNoEntries() {
        assertThat(digest(List.of())).isEmpty();
    }

    @Test
    void windowOutsideOneMinuteToOneDayIsRefused() {
        assertThatThrownBy(() -> OtherNewsDigest.build(List.of(), Duration.ofHours(25), FEED, BAGHDAD, PAGES))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(FEED).hasMessageContaining("PT25H");
        assertThatThrownBy(() -> OtherNewsDigest.build(List.of(), Duration.ZERO, FEED, BAGHDAD, PAGES))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void digestEntriesRenderIdenticallyAcrossRendersInEveryFormat() {
        FeedWriter writer = new FeedWriter();
        for (FeedFormat format : FeedFormat.values()) {
            byte[] a = writer.write(Fixtures.pagedDocument(digest(DigestFixtures.otherItems())), format);
            byte[] b = writer.write(Fixtures.pagedDocument(digest(DigestFixtures.otherItems())), format);
            assertThat(a).as(format.name()).isEqualTo(b);
        }
    }

    /**
     * QA run: an entry linked to the index page, which shows other stories. It links to its window's
     * page, named as its id is, a filtered view's selection kept.
     */
    @Test
    void anEntryLinksToItsWindowsPageNamedAsItsId() {
        URI filtered = URI.create("http://127.0.0.1:8080/feeds/all/other-news?source=alamsar%2Cwafa");
        List<StoryView> entries = OtherNewsDigest.build(DigestFixtures.otherItems(), SIX_HOURS, FEED, BAGHDAD, filtered);
        assertThat(entries).extracting(StoryView::link).containsExactly(
                "http://127.0.0.1:8080/feeds/all/other-news/PT6H/2026-11-29T15:00Z?source=alamsar%2Cwafa",
                "http://127.0.0.1:8080/feeds/all/other-news/PT6H/2026-11-29T09:00Z?source=alamsar%2Cwafa");
        assertThat(OtherNewsDigest.startNamed("2026-11-29T09:00Z")).contains(Instant.parse("2026-11-29T09:00:00Z"));
        assertThat(OtherNewsDigest.startNamed("2026-02-30T00:00Z")).as("parses to the 28th").isEmpty();
        assertThat(OtherNewsDigest.startNamed("2026-11-29T09:00:00Z")).isEmpty();
    }
}

package org.nashra.publish;

import org.nashra.extract.Role;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** Feed documents written for the publish tests: Arabic stories shaped like the demo outlets'. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-11-29T09:15:30.250Z");

    private Fixtures() {}

    static StoryView mergedStory() {
        return new StoryView(17, "tag:nashra.test,2026:story/17",
                "الخارجيَّة العراقية تستدعي السفير التركي",
                "استدعت وزارة الخارجية العراقية اليوم الخميس السفير التركي في بغداد.",
                "<p>استدعت وزارة <b>الخارجيَّة</b> العراقية اليوم السفير.</p>"
                        + "<p><a href=\"/iraq/2026/11/29/statement\">نص البيان</a></p>"
                        + "<img src=\"images/photo.png\" alt=\"صورة\">",
                "https://alamsar.test/news/1234",
                List.of(new SourceRef("alamsar", "الأمصار", "https://alamsar.test/news/1234",
                                "الخارجية تستدعي السفير التركي", Role.MAIN),
                        new SourceRef("baghdad-today", "بغداد اليوم", "https://baghdadtoday.test/a/99",
                                "استدعاء السفير التركي إلى الخارجية", Role.MAIN)),
                List.of("سياسة", "العراق"), "المحرر السياسي",
                "https://alamsar.test/img/turkey-ambassador.JPG", "واع",
                T0.minusSeconds(3600), T0);
    }

    static StoryView singleStory() {
        return new StoryView(18, "tag:nashra.test,2026:story/18",
                "ارتفاع أسعار النفط في الأسواق العالمية",
                "", "<p>ارتفعت أسعار النفط.</p>", "https://oilnews.test/a?id=5&lang=ar",
                List.of(new SourceRef("oilnews", "أخبار النفط", "https://oilnews.test/a?id=5&lang=ar",
                        "ارتفاع أسعار النفط", Role.MAIN)),
                List.of(), null, null, null, T0.minusSeconds(7200), null);
    }

    static FeedDocument document(List<StoryView> entries) {
        return new FeedDocument("all", "كل الأخبار", "أخبار العراق والعالم من مصادر متعددة",
                URI.create("http://127.0.0.1:8080/feeds/all"), URI.create("http://127.0.0.1:8080/"),
                null, null, null, entries, T0);
    }

    static FeedDocument pagedDocument(List<StoryView> entries) {
        return new FeedDocument("all", "كل الأخبار", "أخبار العراق والعالم من مصادر متعددة",
                URI.create("http://127.0.0.1:8080/feeds/all"), URI.create("http://127.0.0.1:8080/"),
                URI.create("https://hub.test/"), URI.create("http://127.0.0.1:8080/feeds/all?before=17"),
                URI.create("http://127.0.0.1:8080/feeds/all?after=18"), entries, T0,
                "tag:nashra.test,2026:feed/all");
    }
}

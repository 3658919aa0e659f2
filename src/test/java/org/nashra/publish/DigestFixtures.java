package org.nashra.publish;

import org.nashra.extract.Role;

import java.time.Instant;
import java.util.List;

/** Other-news items as the seed page's "أخبار أخرى" block yields them, from two outlets. */
final class DigestFixtures {
    private DigestFixtures() {}

    /** Baghdad is UTC+3: 09:10Z and 11:40Z fall in the local 12:00–18:00 window, 16:05Z in 18:00–24:00. */
    static List<StoryView> otherItems() {
        return List.of(
                other(101, "وزير الخارجية يلتقي نظيره الأردني", "https://alamsar.test/n/101", "alamsar", "الأمصار",
                        "2026-11-29T09:10:00Z"),
                other(102, "اجتماع لبحث ملف المياه", "https://alamsar.test/n/102", "alamsar", "الأمصار",
                        "2026-11-29T11:40:00Z"),
                other(103, "افتتاح معرض بغداد الدولي للكتاب", "https://baghdadtoday.test/b/7", "baghdad-today",
                        "بغداد اليوم", "2026-11-29T10:00:00Z"),
                other(104, "أمطار متوقعة في المحافظات الجنوبية", "https://baghdadtoday.test/b/8", "baghdad-today",
                        "بغداد اليوم", "2026-11-29T16:05:00Z"));
    }

    static StoryView other(long id, String title, String link, String sourceId, String sourceName, String published) {
        return new StoryView(id, "tag:nashra.test,2026:story/" + id, title, "", "", link,
                List.of(new SourceRef(sourceId, sourceName, link, title, Role.OTHER)), List.of(), null, null, null,
                Instant.parse(published), null);
    }
}

package org.nashra.publish;

import org.nashra.extract.Role;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test (no *Test suffix): how long FeedWriter takes for a 100-entry feed. Run with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.nashra.publish.FeedWriterBench}
 * after {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class FeedWriterBench {
    public static void main(String[] args) {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        FeedDocument doc = document(entries);
        FeedWriter writer = new FeedWriter();
        for (int i = 0; i < 300; i++) writer.writeAll(doc); // warm-up
        for (FeedFormat f : FeedFormat.values()) {
            int rounds = 300;
            long start = System.nanoTime();
            int size = 0;
            for (int i = 0; i < rounds; i++) size = writer.write(doc, f).length;
            System.out.printf(java.util.Locale.ROOT, "%-5s %d entries: %.2f ms/feed, %d bytes%n", f, entries,
                    (System.nanoTime() - start) / 1e6 / rounds, size);
        }
        int rounds = 300;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) writer.writeAll(doc);
        System.out.printf(java.util.Locale.ROOT, "all three (writeAll) %d entries: %.2f ms%n", entries,
                (System.nanoTime() - start) / 1e6 / rounds);
    }

    static FeedDocument document(int n) {
        Instant t0 = Instant.parse("2026-11-29T09:00:00Z");
        String paragraph = "<p>استدعت وزارة <b>الخارجيَّة</b> العراقية اليوم الخميس السفير التركي في بغداد، "
                + "وسلّمته مذكرة احتجاج على القصف الذي طال مناطق في إقليم كردستان. <a href=\"/related/1\">ذو صلة</a></p>";
        List<StoryView> stories = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String link = "https://outlet" + (i % 7) + ".test/news/" + i;
            stories.add(new StoryView(i, "tag:nashra.test,2026:story/" + i, "عنوان الخبر رقم " + i,
                    "ملخص الخبر رقم " + i, paragraph.repeat(6) + "<img src=\"/img/" + i + ".jpg\">", link,
                    List.of(new SourceRef("o" + (i % 7), "المصدر " + (i % 7), link, "عنوان " + i, Role.MAIN),
                            new SourceRef("p", "مصدر آخر", "https://other.test/" + i, "عنوان آخر", Role.MAIN)),
                    List.of("سياسة"), null, "https://outlet.test/img/" + i + ".jpg", null,
                    t0.minusSeconds(60L * i), null));
        }
        return new FeedDocument("all", "كل الأخبار", null, URI.create("http://127.0.0.1:8080/feeds/all"),
                URI.create("http://127.0.0.1:8080/"), null, null, null, stories, t0);
    }
}

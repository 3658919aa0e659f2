package org.nashra.publish;

import com.rometools.rome.feed.atom.Entry;
import org.junit.jupiter.api.Test;
import org.nashra.extract.Role;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/** The same document gives the same bytes (stable ETags), whatever the JVM's locale and zone. */
class DeterminismTest {

    private static FeedDocument doc() {
        return Fixtures.pagedDocument(List.of(Fixtures.mergedStory(), Fixtures.singleStory()));
    }

    @Test
    void sameDocumentSameBytesInEveryFormat() {
        for (FeedFormat format : FeedFormat.values()) {
            byte[] a = new FeedWriter().write(doc(), format);
            byte[] b = new FeedWriter().write(doc(), format);
            assertThat(a).as(format.name()).isEqualTo(b);
        }
    }

    @Test
    void entryIdDependsOnlyOnTheStoryTagIdAndANewOutletMovesUpdated() {
        StoryView before = Fixtures.singleStory();
        // the story gained an outlet, which became its representative: new title, link, body, time
        StoryView after = new StoryView(before.id(), before.tagId(), "عنوان أفضل من مصدر آخر", "ملخص جديد",
                "<p>نص أطول</p>", "https://better.test/story",
                List.of(new SourceRef("better", "مصدر أفضل", "https://better.test/story", "عنوان أفضل",
                                Role.MAIN), before.sources().get(0)),
                List.of(), null, null, null, before.published(), before.updated().plusSeconds(600));
        FeedWriter writer = new FeedWriter();
        Entry a = Outputs.atom(writer.write(Fixtures.document(List.of(before)), FeedFormat.ATOM)).getEntries().get(0);
        Entry b = Outputs.atom(writer.write(Fixtures.document(List.of(after)), FeedFormat.ATOM)).getEntries().get(0);
        assertThat(b.getId()).isEqualTo(a.getId()).isEqualTo(before.tagId());
        assertThat(b.getUpdated()).isAfter(a.getUpdated());
        assertThat(b.getPublished()).isEqualTo(a.getPublished());
        assertThat(Outputs.rss(writer.write(Fixtures.document(List.of(after)), FeedFormat.RSS)).getItems().get(0).getGuid().getValue())
                .isEqualTo(before.tagId());
        assertThat(Outputs.json(writer.write(Fixtures.document(List.of(after)), FeedFormat.JSON)).path("items").get(0).path("id").asText())
                .isEqualTo(before.tagId());
    }

    @Test
    void writeAllGivesTheSameBytesAsWrite() {
        Map<FeedFormat, byte[]> all = new FeedWriter().writeAll(doc());
        assertThat(all).containsOnlyKeys(FeedFormat.values());
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(all.get(format)).as(format.name()).isEqualTo(new FeedWriter().write(doc(), format));
        }
    }

    @Test
    void bytesDoNotDependOnDefaultLocaleOrTimeZone() {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.ROOT);
            TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
            byte[][] reference = writeAll();
            for (Locale l : List.of(Locale.forLanguageTag("ar-IQ"), Locale.forLanguageTag("ar-SA-u-nu-arab"),
                    Locale.forLanguageTag("tr-TR"), Locale.forLanguageTag("fa-IR"))) {
                Locale.setDefault(l);
                TimeZone.setDefault(TimeZone.getTimeZone("Asia/Baghdad"));
                byte[][] other = writeAll();
                for (int i = 0; i < reference.length; i++) {
                    assertThat(new String(other[i], StandardCharsets.UTF_8)).as("%s under %s", FeedFormat.values()[i], l)
                            .isEqualTo(new String(reference[i], StandardCharsets.UTF_8));
                }
            }
            String rss = new String(reference[FeedFormat.RSS.ordinal()], StandardCharsets.UTF_8);
            assertThat(rss).contains("<pubDate>Sun, 29 Nov 2026 08:15:30 GMT</pubDate>");
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static byte[][] writeAll() {
        byte[][] out = new byte[FeedFormat.values().length][];
        for (FeedFormat f : FeedFormat.values()) out[f.ordinal()] = new FeedWriter().write(doc(), f);
        return out;
    }
}

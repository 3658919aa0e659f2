package org.nashra.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nashra.config.ConfigLoader;
import org.nashra.config.FeedsFile;
import org.nashra.config.HttpSettings;
import org.nashra.extract.RawItem;
import org.nashra.extract.Role;
import org.nashra.publish.FeedFormat;
import org.nashra.publish.FeedWriter;
import org.nashra.store.SourceRepository;
import org.nashra.store.StoreException;
import org.nashra.store.StoryStore;
import org.nashra.store.TestDatabases;
import org.nashra.text.ArabicText;
import org.nashra.text.NormalizedItem;

/** While the store's change counter cannot be read, a feed already rendered is still served. */
class StoreOutageIT {
    @Test
    void aRenderedFeedIsServedWhileTheChangeCounterCannotBeRead(@TempDir Path dir) throws Exception {
        Path yml = dir.resolve("feeds.yml");
        Files.writeString(yml, """
                sources:
                  - { id: wafa, name: وفا, url: "https://wafa.example/rss", groups: [iraq] }
                feeds:
                  - { id: all, title: كل الأخبار, include: { groups: ["*"] } }
                """);
        FeedsFile file = ConfigLoader.loadFeeds(yml);
        try (TestDatabases.Handle h = TestDatabases.open("h2")) {
            new SourceRepository(h.db()).sync(file.sources());
            StoryStore store = new StoryStore(h.db(), "nashra.test,2026", id -> 0);
            Instant t = Instant.parse("2026-11-29T08:00:00Z");
            RawItem raw = new RawItem("wafa", "https://wafa.example/1", "1", "افتتاح جسر القادسية", "<p>نص</p>", "نص",
                    null, t, null, null, null, List.of(), Role.MAIN, null);
            store.insert(new NormalizedItem(raw, raw.title(), "نص", ArabicText.matchingKey(raw.title()),
                    ArabicText.matchingKey("نص"), raw.url(), t, null, List.of()), null, "new", 0, null, t).orElseThrow();
            AtomicBoolean down = new AtomicBoolean();
            HttpSettings http = new HttpSettings("127.0.0.1", 0, URI.create("http://127.0.0.1"), null, "nashra.test,2026");
            FeedService feeds = new FeedService(file, store, new FeedWriter(), http,
                    Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), () -> {
                        if (down.get()) throw new StoreException("connection refused", null);
                        return store.changes();
                    });
            Rendered before = feeds.render("all", FeedService.Part.MAIN, FeedFormat.ATOM, FeedParams.defaults(50)).orElseThrow();

            down.set(true);
            Rendered during = feeds.render("all", FeedService.Part.MAIN, FeedFormat.ATOM, FeedParams.defaults(50)).orElseThrow();
            assertThat(during.etag()).isEqualTo(before.etag());
            assertThat(new String(during.bytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("افتتاح جسر القادسية");
        }
    }
}

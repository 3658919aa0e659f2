package org.nashra.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nashra.config.SourceConfig;
import org.nashra.config.SourceType;

class AutomaticListingTest {
    private static String fixture(String name) throws Exception {
        return Files.readString(Path.of(AutomaticListingTest.class.getResource("/extract/eval/" + name).toURI()));
    }

    @Test
    void aCategoryPageIsAListingWithDatesAndImages() throws Exception {
        URI url = URI.create("https://alwatan-news.example/category/local/");
        Extraction e = new PageExtractor(SourceConfig.of("w", url, SourceType.HTML)).extract(fixture("listing-wordpress.html"), url);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).hasSize(8);
        RawItem first = e.items().get(0);
        assertThat(first.url()).isEqualTo("https://alwatan-news.example/basra-port-containers/");
        assertThat(first.published()).isEqualTo(Instant.parse("2023-06-12T06:30:00Z"));
        assertThat(first.image()).isEqualTo("https://alwatan-news.example/wp-content/uploads/basra-port-containers-300x200.jpg");
    }

    @Test
    void anArticleWithRelatedLinksIsNotAListing() throws Exception {
        URI url = URI.create("https://sawt-albasra.example/ar/news/8004");
        Extraction e = new PageExtractor(SourceConfig.of("d", url, SourceType.HTML))
                .extract(fixture("div-cms-04-dates-export-season.html"), url);
        assertThat(e.listing()).isFalse();
        assertThat(e.items().get(0).title()).isEqualTo("مزارعو التمور يتوقعون موسما وفيرا وارتفاعا في الصادرات");
    }
}

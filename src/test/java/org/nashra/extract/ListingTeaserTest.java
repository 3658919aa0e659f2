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

/** What a listing read without rules takes from each teaser: its own link, and its own date. */
class ListingTeaserTest {
    private static final URI HOME = URI.create("https://alrafid.example/");

    @Test
    void eachTeaserKeepsItsOwnTimeNotTheFirstTeasersOne() throws Exception {
        String html = Files.readString(Path.of(getClass().getResource("/extract/listing/teasers-each-with-its-own-time.html").toURI()));
        Extraction e = new PageExtractor(SourceConfig.of("alrafid", HOME, SourceType.HTML)).extract(html, HOME);
        assertThat(e.listing()).isTrue();
        assertThat(e.items()).extracting(RawItem::url, RawItem::published).containsExactly(
                org.assertj.core.groups.Tuple.tuple("https://alrafid.example/news/3101", Instant.parse("2026-11-30T06:10:00Z")),
                org.assertj.core.groups.Tuple.tuple("https://alrafid.example/news/3100", Instant.parse("2026-11-30T05:20:00Z")),
                org.assertj.core.groups.Tuple.tuple("https://alrafid.example/news/3099", Instant.parse("2026-11-30T04:00:00Z")));
        assertThat(e.items().get(0).image()).isEqualTo("https://alrafid.example/uploads/3101.jpg");
        assertThat(e.items().get(1).image()).as("the first teaser's picture is not the second's").isNull();
    }
}

package org.nashra.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/** One configured outlet endpoint, validated. */
public record SourceConfig(
        String id,
        String name,
        URI url,
        SourceType type,
        List<String> groups,
        int priority,
        Duration interval,
        Duration minInterval,
        Duration maxInterval,
        ZoneId timezone,
        String language,
        boolean fulltext,
        String encoding,            // nullable: per-source charset override
        boolean robots,             // honour robots.txt for scraped pages
        ListingRules listing,       // nullable
        ArticleRules article,       // nullable
        List<String> boilerplate,
        List<String> otherNewsHeadings) {

    public SourceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url of source " + id);
        Objects.requireNonNull(type, "type of source " + id);
        name = name == null || name.isBlank() ? id : name;
        groups = groups == null ? List.of() : List.copyOf(groups);
        boilerplate = boilerplate == null ? List.of() : List.copyOf(boilerplate);
        otherNewsHeadings = otherNewsHeadings == null ? List.of() : List.copyOf(otherNewsHeadings);
        Objects.requireNonNull(interval, "interval of source " + id);
        minInterval = minInterval == null ? interval : minInterval;
        maxInterval = maxInterval == null ? interval.multipliedBy(8) : maxInterval;
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        language = language == null ? "ar" : language;
    }

    /** A minimal source, for tests and previews. */
    public static SourceConfig of(String id, URI url, SourceType type) {
        return new SourceConfig(id, id, url, type, List.of(), 0, Duration.ofMinutes(15), null, null,
                null, "ar", false, null, true, null, null, List.of(), List.of());
    }
}

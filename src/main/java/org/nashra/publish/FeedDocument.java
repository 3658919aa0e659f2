package org.nashra.publish;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to write one published feed in any format.
 *
 * @param selfUrl  absolute URL of this document in the format being written is derived from
 *                 {@code baseFeedUrl} + "." + extension (e.g. http://host/feeds/all)
 * @param siteUrl  the HTML page for the feed
 * @param hubUrl   WebSub hub, or null
 * @param nextUrl  RFC 5005 paging: older entries (without extension), or null
 * @param prevUrl  RFC 5005 paging: newer entries (without extension), or null
 * @param updated  when what the document shows last changed (Atom feed updated, RSS
 *                 lastBuildDate, JSON {@code _nashra.updated}; the web stage's Last-Modified):
 *                 not an entry's publication time, which a late story may have older
 * @param tagId    the feed's own stable RFC 4151 tag URI (Atom feed id, JSON Feed has none);
 *                 when null, {@link #defaultTagId} derives one from the feed URL's host and id
 * @param archive  RFC 5005 archive links, or null
 * @param ttl      how long a reader may keep the document before refreshing it, in whole minutes
 *                 (RSS {@code <ttl>}; Atom and JSON Feed have no such field), or null for none
 */
public record FeedDocument(String feedId, String title, String description, URI baseFeedUrl,
                           URI siteUrl, URI hubUrl, URI nextUrl, URI prevUrl,
                           List<StoryView> entries, Instant updated, String tagId, Archive archive,
                           Duration ttl) {

    /** The date part of derived tag URIs: fixed, so ids never change (RFC 4151 section 2.1). */
    public static final String TAG_DATE = "2026";

    public FeedDocument {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(baseFeedUrl, "baseFeedUrl of feed " + feedId);
        Objects.requireNonNull(updated, "updated of feed " + feedId);
        entries = List.copyOf(entries);
        title = title == null ? feedId : title;
        description = description == null ? title : description;
        tagId = tagId == null || tagId.isBlank() ? defaultTagId(baseFeedUrl, feedId) : tagId;
        if (ttl != null && (ttl.compareTo(Duration.ofMinutes(1)) < 0 || !ttl.equals(ttl.truncatedTo(ChronoUnit.MINUTES)))) {
            throw new IllegalArgumentException("ttl of feed " + feedId + " must be a whole number of minutes, was " + ttl);
        }
    }

    /** Without archive links or ttl. */
    public FeedDocument(String feedId, String title, String description, URI baseFeedUrl,
                        URI siteUrl, URI hubUrl, URI nextUrl, URI prevUrl,
                        List<StoryView> entries, Instant updated, String tagId) {
        this(feedId, title, description, baseFeedUrl, siteUrl, hubUrl, nextUrl, prevUrl, entries, updated, tagId, null, null);
    }

    /** The original ten components; the feed's tag id is derived. */
    public FeedDocument(String feedId, String title, String description, URI baseFeedUrl,
                        URI siteUrl, URI hubUrl, URI nextUrl, URI prevUrl,
                        List<StoryView> entries, Instant updated) {
        this(feedId, title, description, baseFeedUrl, siteUrl, hubUrl, nextUrl, prevUrl, entries, updated, null, null, null);
    }

    public URI selfUrl(FeedFormat format) {
        return withExtension(baseFeedUrl, format);
    }

    /** {@code tag:HOST,2026:feed/ID}, e.g. tag:news.example.org,2026:feed/all. */
    public static String defaultTagId(URI baseFeedUrl, String feedId) {
        String host = baseFeedUrl.getHost() == null ? "localhost" : baseFeedUrl.getHost();
        return "tag:" + host + "," + TAG_DATE + ":feed/" + feedId;
    }

    /**
     * The URL of a feed resource (given without extension) in one format. The extension goes on
     * the path, before any query, so paging URLs like {@code /feeds/all?before=123} keep working.
     */
    public static URI withExtension(URI withoutExtension, FeedFormat format) {
        String s = withoutExtension.toString();
        int cut = s.length();
        int hash = s.indexOf('#');
        if (hash >= 0) cut = hash;
        int query = s.indexOf('?');
        if (query >= 0 && query < cut) cut = query;
        return URI.create(s.substring(0, cut) + "." + format.extension() + s.substring(cut));
    }
}

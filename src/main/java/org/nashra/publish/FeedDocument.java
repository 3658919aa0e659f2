package org.nashra.publish;

import java.net.URI;
import java.time.Instant;
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
 */
public record FeedDocument(String feedId, String title, String description, URI baseFeedUrl,
                           URI siteUrl, URI hubUrl, URI nextUrl, URI prevUrl,
                           List<StoryView> entries, Instant updated) {
    public FeedDocument {
        Objects.requireNonNull(feedId, "feedId");
        Objects.requireNonNull(baseFeedUrl, "baseFeedUrl of feed " + feedId);
        Objects.requireNonNull(updated, "updated of feed " + feedId);
        entries = List.copyOf(entries);
        title = title == null ? feedId : title;
        description = description == null ? title : description;
    }

    public URI selfUrl(FeedFormat format) {
        return URI.create(baseFeedUrl + "." + format.extension());
    }
}
